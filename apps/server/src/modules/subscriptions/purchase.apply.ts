import type { DbOrTx } from '@pc/db';
import { AppError } from '../../platform/errors/errors.ts';
import { type OrderLineRow, setLinePeriod } from '../orders/index.ts';
import { findProduct } from './catalogue.repository.ts';
import './subscriptions.errors.ts';
import { addPeriod, type PeriodType } from './subscriptions.periods.ts';
import { insertResource } from './subscriptions.repository.ts';

/**
 * A paid purchase creates its resources, in the payment's transaction: in use from the payment
 * until the end of the period bought (the lines are stamped with that period too).
 */
export async function createPurchased(
  tx: DbOrTx,
  order: { customerId: string },
  lines: OrderLineRow[],
  now: Date,
) {
  const out: OrderLineRow[] = [];
  for (const line of lines) {
    const product = line.productId ? await findProduct(tx, line.productId) : undefined;
    if (!product || !line.periodType || !line.periodNum)
      throw new AppError('subscriptions.product_unavailable');
    const expireAt = addPeriod(now, line.periodType as PeriodType, line.periodNum);
    await setLinePeriod(tx, line.id, now, expireAt);
    await insertResource(tx, {
      id: line.resourceRef,
      resourceId: line.resourceId,
      customerId: order.customerId,
      resourceName: line.resourceName,
      serviceTypeCode: line.serviceTypeCode,
      resourceTypeCode: line.resourceTypeCode,
      regionCode: line.regionCode,
      resourceSpecCode: product.resourceSpecCode,
      productSpecDesc: line.productSpecDesc,
      enterpriseProjectId: line.enterpriseProjectId ?? '0',
      chargingMode: 'period',
      effectiveAt: now,
      expireAt,
      status: 'in_use',
      sourceUpdatedAt: now,
      createdAt: now,
      updatedAt: now,
    });
    out.push({ ...line, effectiveAt: now, expireAt });
  }
  return out;
}
