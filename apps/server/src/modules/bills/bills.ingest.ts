import type { DbOrTx } from '@pc/db';
import { type SQL, sql } from 'drizzle-orm';
import { cycleOf } from './bills.cycle.ts';
import {
  addSumsFrom,
  addToSums,
  insertOrderFees,
  type OrderFeeInsert,
  type SumDelta,
} from './bills.repository.ts';

/** Charging modes and bill types as the provider codes them. */
export const CHARGING_MODE = { period: 1, onDemand: 3 } as const;
export const BILL_TYPE = { consumption: 0, unsubscribe: 1 } as const;
/** The provider's bill detail type of a usage (pay-per-use) record. */
export const USAGE_DETAIL_TYPE = 5;
/** Bill detail types that are refunds: unsubscribe, change, yearly/monthly → pay-per-use. */
export const REFUND_DETAIL_TYPES: readonly number[] = [4, 20, 24];

function merge(into: Map<string, SumDelta>, d: SumDelta): void {
  const key = [
    d.partnerId,
    d.customerId,
    d.billCycle,
    d.associationType,
    d.serviceType,
    d.resourceType,
    d.chargingMode,
    d.billType,
  ].join('\u0001');
  const cur = into.get(key);
  if (!cur) {
    into.set(key, { ...d });
    return;
  }
  cur.amountFen += d.amountFen;
  cur.cashFen += d.cashFen;
  cur.voucherFen += d.voucherFen;
  cur.recordCount += d.recordCount;
}

/**
 * Adds newly accepted spend (pay-per-use usage) to the monthly summaries, in the spend batch's
 * transaction: the summary never disagrees with the records it sums. `accepted` is the spend
 * event's relation of the records inserted now (spend inserts each record id once, so a retried
 * batch adds nothing); one `insert … select … group by` in key order.
 */
export async function addSpendToBills(tx: DbOrTx, accepted: SQL, at: Date): Promise<void> {
  await addSumsFrom(
    tx,
    sql`select coalesce(partner_id, '') as partner_id, customer_id, bill_cycle,
        coalesce(association_type, '') as association_type, service_type,
        coalesce(resource_type, '') as resource_type, ${CHARGING_MODE.onDemand}::int as charging_mode,
        ${BILL_TYPE.consumption}::int as bill_type, amount_fen,
        case when payment_kind = 'cash' then amount_fen else 0 end as cash_fen
      from ${accepted}`,
    at,
  );
}

/** One order line as bills records it (a charge, or a refund with negative amounts). */
export interface OrderFeeInput {
  /** Unique per line and event (idempotency key), e.g. `<order id>:<line id>`. */
  id: string;
  orderId: string;
  partnerId: string;
  customerId: string;
  associationType: string | null;
  /** When it was paid or refunded; its Asia/Shanghai month is the bill cycle. */
  tradeTime: Date;
  billDetailType: number;
  serviceType: string;
  resourceType: string;
  resourceId: string | null;
  resourceName?: string | null;
  regionCode?: string | null;
  enterpriseProjectId?: string | null;
  productSpec?: string | null;
  productId?: string | null;
  /** The order's period type as the order APIs code it: 2 month, 3 year. */
  periodType?: number | null;
  periodNum?: number | null;
  /** Signed fen (negative for refunds) = cash + voucher. */
  amountFen: number;
  cashFen: number;
  voucherFen: number;
}

/**
 * The orders part of the bills: stores order fee lines (yearly/monthly charges and refunds) once
 * and adds them to the monthly summaries, in the order's transaction. The orders module's event
 * listener calls this; a repeated line id adds nothing.
 */
export async function addOrderFeesToBills(
  tx: DbOrTx,
  fees: readonly OrderFeeInput[],
  at: Date,
): Promise<number> {
  const rows: OrderFeeInsert[] = fees.map((f) => ({
    id: f.id,
    partnerId: f.partnerId,
    customerId: f.customerId,
    associationType: f.associationType,
    billCycle: cycleOf(f.tradeTime),
    tradeTime: f.tradeTime,
    orderId: f.orderId,
    billDetailType: f.billDetailType,
    chargingMode: CHARGING_MODE.period,
    serviceType: f.serviceType,
    resourceType: f.resourceType,
    resourceId: f.resourceId,
    resourceName: f.resourceName ?? null,
    regionCode: f.regionCode ?? null,
    enterpriseProjectId: f.enterpriseProjectId ?? null,
    productSpec: f.productSpec ?? null,
    productId: f.productId ?? null,
    periodType: f.periodType ?? null,
    periodNum: f.periodNum ?? null,
    amountFen: f.amountFen,
    cashFen: f.cashFen,
    voucherFen: f.voucherFen,
    createdAt: at,
  }));
  const inserted = await insertOrderFees(tx, rows);
  const deltas = new Map<string, SumDelta>();
  for (const r of inserted) {
    merge(deltas, {
      partnerId: r.partnerId,
      customerId: r.customerId,
      billCycle: r.billCycle,
      associationType: r.associationType ?? '',
      serviceType: r.serviceType,
      resourceType: r.resourceType,
      chargingMode: r.chargingMode,
      billType: REFUND_DETAIL_TYPES.includes(r.billDetailType)
        ? BILL_TYPE.unsubscribe
        : BILL_TYPE.consumption,
      amountFen: r.amountFen,
      cashFen: r.cashFen,
      voucherFen: r.voucherFen,
      recordCount: 1,
    });
  }
  await addToSums(tx, [...deltas.values()], at);
  return inserted.length;
}
