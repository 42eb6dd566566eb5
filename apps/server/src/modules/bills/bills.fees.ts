import type { DbOrTx } from '@pc/db';
import { pageSpendFees, type SpendFeeRow, walkSpendFees } from '../spend/spend.fees.ts';
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
    periodType: 25,
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
  const orders = src.orders
    ? await pageOrderFees(
        db,
        {
          partnerIds: f.partnerIds,
          billCycle: f.billCycle,
          customerId: f.customerId,
          from: f.from,
          to: f.to,
          serviceType: f.serviceType,
          regionCode: f.regionCode,
          billDetailType: f.billDetailType,
          resourceId: f.resourceId,
          resourceName: f.resourceName,
          orderId: f.tradeId,
          associationType: f.associationType,
        },
        page,
      )
    : { rows: [], total: 0 };
  const left = page.limit - orders.rows.length;
  const usage = src.usage
    ? await pageSpendFees(
        db,
        {
          partnerIds: f.partnerIds,
          billCycle: f.billCycle,
          customerId: f.customerId,
          from: f.from,
          to: f.to,
          serviceType: f.serviceType,
          regionCode: f.regionCode,
          resourceId: f.resourceId,
          resourceName: f.resourceName,
          recordId: f.tradeId,
          associationType: f.associationType,
        },
        { offset: Math.max(0, page.offset - orders.total), limit: left },
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
