import type { DbOrTx } from '@pc/db';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors/errors.ts';
import { customersVisibleTo, resolveActingPartner } from '../customers/customers.access.ts';
import {
  associationHistory,
  type CustomerRow,
  findCustomer,
  findCustomerByDomainId,
} from '../customers/customers.repository.ts';
import { cycleBounds, isBillCycle } from './bills.cycle.ts';
import { CHARGING_MODE } from './bills.ingest.ts';
import { listSumLines, type SumLine } from './bills.repository.ts';

export interface SumTotals {
  amountFen: number;
  cashFen: number;
  voucherFen: number;
  recordCount: number;
}

/** A customer's bill for one month: totals, by charging mode, by service type, and every line. */
export interface MonthlySummary extends SumTotals {
  customerId: string;
  billCycle: string;
  periodFen: number;
  onDemandFen: number;
  byServiceType: (SumTotals & { serviceType: string })[];
  lines: SumLine[];
}

const zero = (): SumTotals => ({ amountFen: 0, cashFen: 0, voucherFen: 0, recordCount: 0 });
function add(t: SumTotals, l: SumTotals): void {
  t.amountFen += l.amountFen;
  t.cashFen += l.cashFen;
  t.voucherFen += l.voucherFen;
  t.recordCount += l.recordCount;
}

/** Checks `YYYY-MM`, throwing the coded error. */
export function requireCycle(cycle: string): string {
  if (!isBillCycle(cycle)) throw new AppError('bills.invalid_cycle', { cycle });
  return cycle;
}

/**
 * The monthly bill summary of a customer (by `customers.id`) for a bill cycle `YYYY-MM`
 * (Asia/Shanghai), from the incrementally kept summaries: spend (pay-per-use) and orders
 * (yearly/monthly, refunds negative). `partnerIds` limits it to what those partners billed
 * (a partner sees its customers' spend during their association); omitted, every partner's.
 */
export async function getCustomerMonthlySummary(
  ctx: Pick<AppContext, 'db'>,
  customerId: string,
  billCycle: string,
  opts: { partnerIds?: string[] } = {},
): Promise<MonthlySummary> {
  requireCycle(billCycle);
  const { rows } = await listSumLines(ctx.db, { partnerIds: opts.partnerIds, billCycle, customerId });
  const total = zero();
  let periodFen = 0;
  let onDemandFen = 0;
  const byService = new Map<string, SumTotals & { serviceType: string }>();
  for (const l of rows) {
    add(total, l);
    if (l.chargingMode === CHARGING_MODE.period) periodFen += l.amountFen;
    if (l.chargingMode === CHARGING_MODE.onDemand) onDemandFen += l.amountFen;
    let s = byService.get(l.serviceType);
    if (!s) {
      s = { serviceType: l.serviceType, ...zero() };
      byService.set(l.serviceType, s);
    }
    add(s, l);
  }
  return {
    customerId,
    billCycle,
    ...total,
    periodFen,
    onDemandFen,
    byServiceType: [...byService.values()].sort((a, b) => b.amountFen - a.amountFen),
    lines: rows,
  };
}

/** The partners whose bills a portal user of `partnerId` sees: itself and a distributor's resellers. */
export function portalPartners(db: DbOrTx, partnerId: string): Promise<string[]> {
  return customersVisibleTo(db, partnerId);
}

/** The partner an API call acts for (the caller, or a distributor's reseller: CBC.99000037). */
export function apiPartner(db: DbOrTx, callerPartnerId: string, indirectPartnerId?: string): Promise<string> {
  return resolveActingPartner(db, callerPartnerId, indirectPartnerId);
}

/**
 * A customer whose bills the partners may read: one that is or was associated with one of them
 * (a partner keeps the bills of its customers' association period). Otherwise `notFound`, the same
 * for unknown customers, so ids cannot be probed.
 */
export async function requireBilledCustomer(
  db: DbOrTx,
  partnerIds: string[],
  ref: { id: string } | { domainId: string },
  notFound: 'bills.customer_not_found' | 'CBC.99000035',
): Promise<CustomerRow> {
  const customer =
    'id' in ref ? await findCustomer(db, ref.id) : await findCustomerByDomainId(db, ref.domainId);
  if (!customer) throw new AppError(notFound);
  const history = await associationHistory(db, customer.id);
  if (!history.some((a) => partnerIds.includes(a.partnerId))) throw new AppError(notFound);
  return customer;
}

/** Instants of the cycle, for fee-record filters. */
export function cycleFilter(cycle: string): { billCycle: string; from: Date; to: Date } {
  return { billCycle: requireCycle(cycle), ...cycleBounds(cycle) };
}
