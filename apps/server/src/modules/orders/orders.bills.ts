import type { DbOrTx } from '@pc/db';
import { addOrderFeesToBills } from '../bills/index.ts';
import { findActiveAssociation } from '../customers/index.ts';
import type { OrderLineRow, OrderRow } from './orders.repository.ts';

/** The provider's bill detail types of order lines: new 1, renew 2, change 3, unsubscribe 4, to pay-per-use 24. */
const DETAIL_TYPE: Record<string, number> = { new: 1, renew: 2, change: 3, unsubscribe: 4, to_on_demand: 24 };
const PERIOD_TYPE: Record<string, number> = { month: 2, year: 3 };

/**
 * A paid order's lines (or a refund's, negative) into the customers' monthly bills, in the order's
 * transaction: the charge and the bill line commit together. One fee line per order line (its id),
 * so a replay adds nothing. Orders of customers without a partner have no partner bill.
 */
export async function billOrder(tx: DbOrTx, order: OrderRow, lines: readonly OrderLineRow[], at: Date) {
  if (!order.partnerId) return;
  const charged = lines.filter((l) => l.amountFen !== 0);
  if (charged.length === 0) return;
  const assoc = await findActiveAssociation(tx, order.customerId);
  await addOrderFeesToBills(
    tx,
    charged.map((l) => ({
      id: `${order.id}:${l.id}`,
      orderId: order.id,
      partnerId: order.partnerId as string,
      customerId: order.customerId,
      associationType: assoc?.partnerId === order.partnerId ? assoc.type : null,
      tradeTime: order.paidAt ?? at,
      billDetailType: DETAIL_TYPE[order.type] ?? 1,
      serviceType: l.serviceTypeCode,
      resourceType: l.resourceTypeCode,
      resourceId: l.resourceId,
      resourceName: l.resourceName || null,
      regionCode: l.regionCode,
      enterpriseProjectId: l.enterpriseProjectId,
      productSpec: l.productSpecDesc || null,
      productId: l.productId,
      periodType: l.periodType ? (PERIOD_TYPE[l.periodType] ?? null) : null,
      periodNum: l.periodNum,
      amountFen: l.amountFen,
      // What cash coupons paid counts as voucher (the bill's cash/voucher split).
      cashFen: l.amountFen - l.couponFen,
      voucherFen: l.couponFen,
    })),
    at,
  );
}
