import type { DbOrTx } from '@pc/db';
import { pageSpendFees, type SpendFeeRow, walkSpendFees } from '../spend/index.ts';
import { CHARGING_MODE, USAGE_DETAIL_TYPE } from './bills.ingest.ts';
import { type OrderFeeWithCustomer, pageOrderFees, walkOrderFees } from './bills.repository.ts';

/** One resource-level fee record: a usage (spend) record or an order line. */
export interface FeeRecord {
  id: string;
  /** Order id for order lines, the record id for usage. */
  tradeId: string;
  source: 'order' | 'usage';
  partnerId: string;
  customerId: string;
  customerDomainId: string;
  customerName: string;
  associationType: string | null;
  billCycle: string;
  tradeTime: Date;
  billDetailType: number;
  chargingMode: number;
  serviceType: string;
  resourceType: string | null;
  resourceId: string | null;
  resourceName: string | null;
  regionCode: string | null;
  enterpriseProjectId: string | null;
  productSpec: string | null;
  /** Orders: the catalogue product; usage: the product id the record came with. */
  productId: string | null;
  /** Usage detail as ingested with the spend record (usage_type, usage_amount, sub_resource_id, …). */
  detail: Readonly<Record<string, string | number>> | null;
  periodType: number | null;
  periodNum: number | null;
  amountFen: number;
  cashFen: number;
  voucherFen: number;
}

export interface FeeFilter {
  partnerIds: string[];
  billCycle: string;
  customerId?: string;
  from?: Date;
  to?: Date;
  serviceType?: string;
  regionCode?: string;
  chargingMode?: number;
  billDetailType?: number;
  resourceId?: string;
  resourceName?: string;
  tradeId?: string;
  associationType?: string;
}

function fromUsage(r: SpendFeeRow): FeeRecord {
  const cash = r.paymentKind === 'cash' ? r.amountFen : 0;
  return {
    id: r.recordId,
    tradeId: r.recordId,
    source: 'usage',
    partnerId: r.partnerId ?? '',
    customerId: r.customerId,
    customerDomainId: r.customerDomainId,
    customerName: r.customerName,
    associationType: r.associationType,
    billCycle: r.billCycle,
    tradeTime: r.spentAt,
    billDetailType: USAGE_DETAIL_TYPE,
    chargingMode: CHARGING_MODE.onDemand,
    serviceType: r.serviceType,
    resourceType: r.resourceType,
    resourceId: r.resourceId,
    resourceName: r.resourceName,
    regionCode: r.regionCode,
    enterpriseProjectId: r.enterpriseProjectId,
    productSpec: null,
    productId: typeof r.detail?.product_id === 'string' ? r.detail.product_id : null,
    detail: r.detail,
    periodType: null,
    periodNum: null,
    amountFen: r.amountFen,
    cashFen: cash,
    voucherFen: r.amountFen - cash,
  };
}

function fromOrder(r: OrderFeeWithCustomer): FeeRecord {
  return {
    id: r.id,
    tradeId: r.orderId,
    source: 'order',
    partnerId: r.partnerId,
    customerId: r.customerId,
    customerDomainId: r.customerDomainId,
    customerName: r.customerName,
    associationType: r.associationType,
    billCycle: r.billCycle,
    tradeTime: r.tradeTime,
    billDetailType: r.billDetailType,
    chargingMode: r.chargingMode,
    serviceType: r.serviceType,
    resourceType: r.resourceType,
    resourceId: r.resourceId,
    resourceName: r.resourceName,
    regionCode: r.regionCode,
    enterpriseProjectId: r.enterpriseProjectId,
    productSpec: r.productSpec,
    productId: r.productId,
    detail: null,
    periodType: r.periodType,
    periodNum: r.periodNum,
    amountFen: r.amountFen,
    cashFen: r.cashFen,
    voucherFen: r.voucherFen,
  };
}

/** Which sources a filter can match: usage is pay-per-use with detail type 5; orders are the rest. */
function sourcesOf(f: FeeFilter): { usage: boolean; orders: boolean } {
  const usage =
    (f.chargingMode === undefined || f.chargingMode === CHARGING_MODE.onDemand) &&
    (f.billDetailType === undefined || f.billDetailType === USAGE_DETAIL_TYPE);
  const orders =
    (f.chargingMode === undefined || f.chargingMode === CHARGING_MODE.period) &&
    f.billDetailType !== USAGE_DETAIL_TYPE;
  return { usage, orders };
}

/**
 * A page of fee records: order lines first (in time order), then usage (in time order). Each source
 * is counted and paged with its own indexed query, so a page never reads more than it shows.
 */
export async function pageFeeRecords(
  db: DbOrTx,
  f: FeeFilter,
  page: { offset: number; limit: number },
): Promise<{ rows: FeeRecord[]; total: number }> {
  const src = sourcesOf(f);
  const { tradeId, chargingMode: _mode, billDetailType, ...common } = f;
  const orders = src.orders
    ? await pageOrderFees(db, { ...common, billDetailType, orderId: tradeId }, page)
    : { rows: [], total: 0 };
  const usage = src.usage
    ? await pageSpendFees(
        db,
        { ...common, recordId: tradeId },
        { offset: Math.max(0, page.offset - orders.total), limit: page.limit - orders.rows.length },
      )
    : { rows: [], total: 0 };
  return {
    total: orders.total + usage.total,
    rows: [...orders.rows.map(fromOrder), ...usage.rows.map(fromUsage)],
  };
}

/** Every fee record of the partners' cycle, in batches (orders, then usage, partner by partner). */
export async function* walkFeeRecords(
  db: DbOrTx,
  partnerIds: string[],
  billCycle: string,
  size: number,
): AsyncGenerator<FeeRecord[]> {
  for (const partnerId of partnerIds) {
    for await (const batch of walkOrderFees(db, partnerId, billCycle, size)) yield batch.map(fromOrder);
    for await (const batch of walkSpendFees(db, partnerId, billCycle, size)) yield batch.map(fromUsage);
  }
}
