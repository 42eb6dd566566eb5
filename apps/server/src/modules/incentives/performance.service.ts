import type { DbOrTx } from '@pc/db';
import type { AppContext } from '../../platform/context.ts';
import { addSpendPerformance, annualPerformanceOf, distributorsAt } from '../memberships/index.ts';
import { nextPeriod, type PeriodKind, periodOf, shanghaiYearMonth } from './incentives.periods.ts';
import {
  addSpendPerformanceRows,
  findSpendPerformance,
  insertLateSpend,
  lockPeriodStatuses,
} from './performance.repository.ts';

/** A spend record as accepted (the payload of the spend module's "accepted" event). */
export interface AcceptedSpend {
  recordId: string;
  partnerId: string | null;
  spentAt: Date;
  serviceType: string;
  amountFen: number;
  eligibleFen: number;
}

/**
 * Listens to accepted spend, in the batch's transaction (so each record counts exactly once: only
 * records inserted now are passed, a duplicate or a retried batch passes none):
 * - R5: adds the eligible cash to the partner's performance for the Asia/Shanghai calendar year of
 *   the spend, and to the distributor the reseller was linked to at that time;
 * - records of periods already settled are routed to the next open period as late adjustments.
 */
export async function onSpendAccepted(
  ctx: AppContext,
  tx: DbOrTx,
  records: readonly AcceptedSpend[],
): Promise<void> {
  const held = records.filter((r): r is AcceptedSpend & { partnerId: string } => r.partnerId !== null);
  if (held.length === 0) return;
  await addPerformance(ctx, tx, held);
  await routeLateSpend(ctx, tx, held);
}

async function addPerformance(
  ctx: AppContext,
  tx: DbOrTx,
  records: readonly (AcceptedSpend & { partnerId: string })[],
): Promise<void> {
  const eligible = records.filter((r) => r.eligibleFen > 0);
  if (eligible.length === 0) return;
  const distributorOf = await distributorsAt(tx, [...new Set(eligible.map((r) => r.partnerId))]);
  const rows = new Map<string, { partnerId: string; year: number; ownFen: number; resellersFen: number }>();
  const add = (partnerId: string, year: number, own: number, resellers: number) => {
    const key = `${partnerId} ${year}`;
    const row = rows.get(key) ?? { partnerId, year, ownFen: 0, resellersFen: 0 };
    row.ownFen += own;
    row.resellersFen += resellers;
    rows.set(key, row);
  };
  for (const r of eligible) {
    const { year } = shanghaiYearMonth(r.spentAt);
    add(r.partnerId, year, r.eligibleFen, 0);
    const distributor = distributorOf(r.partnerId, r.spentAt);
    if (distributor) add(distributor, year, 0, r.eligibleFen);
  }
  const sorted = [...rows.values()].sort((a, b) =>
    a.partnerId === b.partnerId ? a.year - b.year : a.partnerId < b.partnerId ? -1 : 1,
  );
  await addSpendPerformanceRows(tx, sorted, ctx.clock.now());
  await addSpendPerformance(
    ctx,
    tx,
    sorted.map((r) => ({ partnerId: r.partnerId, year: r.year, amountFen: r.ownFen + r.resellersFen })),
  );
}

const KINDS: readonly PeriodKind[] = ['monthly', 'quarterly'];

async function routeLateSpend(ctx: AppContext, tx: DbOrTx, records: readonly AcceptedSpend[]): Promise<void> {
  const origins = new Map<string, ReturnType<typeof periodOf>>();
  for (const r of records) {
    for (const kind of KINDS) {
      const p = periodOf(kind, r.spentAt);
      origins.set(p.key, p);
    }
  }
  const statuses = await lockPeriodStatuses(tx, [...origins.values()]);
  if (![...statuses.values()].some((s) => s !== 'open')) return;
  const now = ctx.clock.now();
  const targetOf = new Map<string, string>();
  for (const [key, p] of origins) {
    if ((statuses.get(key) ?? 'open') === 'open') continue;
    // The next period not yet settling or closed (periods settle in order, so few steps).
    let next = nextPeriod(p);
    for (;;) {
      const s = (await lockPeriodStatuses(tx, [next])).get(next.key) ?? 'open';
      if (s === 'open') break;
      next = nextPeriod(next);
    }
    targetOf.set(key, next.key);
  }
  const rows = [];
  for (const r of records) {
    for (const kind of KINDS) {
      const origin = periodOf(kind, r.spentAt).key;
      const target = targetOf.get(origin);
      if (target) {
        rows.push({
          recordId: r.recordId,
          periodKind: kind,
          originPeriodKey: origin,
          targetPeriodKey: target,
          acceptedAt: now,
        });
      }
    }
  }
  await insertLateSpend(tx, rows);
}

/** R5 on the dashboard: this year's performance against the ASSC threshold (inclusive). */
export async function performanceView(ctx: AppContext, partnerId: string) {
  const { year } = shanghaiYearMonth(ctx.clock.now());
  const fromSpend = await findSpendPerformance(ctx.db, partnerId, year);
  const annual = await annualPerformanceOf(ctx, partnerId, year);
  const thresholdFen = ctx.config.asscThresholdFen;
  const amountFen = annual ?? 0;
  return {
    year,
    amountFen,
    ownFen: fromSpend?.ownFen ?? 0,
    resellersFen: fromSpend?.resellersFen ?? 0,
    thresholdFen,
    reached: amountFen >= thresholdFen,
    remainingFen: Math.max(0, thresholdFen - amountFen),
  };
}
