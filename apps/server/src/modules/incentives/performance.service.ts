import type { DbOrTx } from '@pc/db';
import type { SQL } from 'drizzle-orm';
import type { AppContext } from '../../platform/context.ts';
import { addSpendPerformance, annualPerformanceOf, distributorsDuring } from '../memberships/index.ts';
import { nextPeriod, type PeriodKind, periodOf, shanghaiYearMonth } from './incentives.periods.ts';
import {
  addSpendPerformanceRows,
  findSpendPerformance,
  type HeldSpendGroup,
  heldSpendGroups,
  heldSpendRecords,
  insertLateSpend,
  lockPeriodStatuses,
} from './performance.repository.ts';

/**
 * Listens to accepted spend, in the batch's transaction (so each record counts exactly once: only
 * records inserted now are in `accepted`, the event's relation; a duplicate or a retried batch adds
 * none), set-based: one grouped read of the batch per partner and month, then
 * - R5: adds the eligible cash to the partner's performance for the Asia/Shanghai calendar year of
 *   the spend, and to the distributor the reseller was linked to at that time;
 * - records of periods already settled are routed to the next open period as late adjustments.
 */
export async function onSpendAccepted(ctx: AppContext, tx: DbOrTx, accepted: SQL): Promise<void> {
  const groups = await heldSpendGroups(tx, accepted);
  if (groups.length === 0) return;
  await addPerformance(ctx, tx, accepted, groups);
  await routeLateSpend(ctx, tx, accepted, groups);
}

async function addPerformance(
  ctx: AppContext,
  tx: DbOrTx,
  accepted: SQL,
  groups: readonly HeldSpendGroup[],
): Promise<void> {
  const eligible = groups.filter((g) => g.eligibleFen > 0 && g.firstEligibleAt && g.lastEligibleAt);
  if (eligible.length === 0) return;
  const distributors = await distributorsDuring(tx, [...new Set(eligible.map((g) => g.partnerId))]);
  const rows = new Map<string, { partnerId: string; year: number; ownFen: number; resellersFen: number }>();
  const add = (partnerId: string, year: number, own: number, resellers: number) => {
    const key = `${partnerId} ${year}`;
    const row = rows.get(key) ?? { partnerId, year, ownFen: 0, resellersFen: 0 };
    row.ownFen += own;
    row.resellersFen += resellers;
    rows.set(key, row);
  };
  // A group whose reseller link changes within its span is counted record by record (rare).
  const unsteady = new Set<string>();
  for (const g of eligible) {
    const year = Number(g.month.slice(0, 4));
    const from = g.firstEligibleAt as Date;
    const to = g.lastEligibleAt as Date;
    add(g.partnerId, year, g.eligibleFen, 0);
    if (!distributors.steady(g.partnerId, from, to)) {
      unsteady.add(`${g.partnerId} ${g.month}`);
      continue;
    }
    const distributor = distributors.at(g.partnerId, from);
    if (distributor) add(distributor, year, 0, g.eligibleFen);
  }
  if (unsteady.size > 0) {
    const partnerIds = [...new Set([...unsteady].map((k) => k.split(' ')[0] as string))];
    for (const r of await heldSpendRecords(tx, accepted, { partnerIds, eligibleOnly: true })) {
      const { year, month0 } = shanghaiYearMonth(r.spentAt);
      const month = `${year}-${String(month0 + 1).padStart(2, '0')}`;
      if (!unsteady.has(`${r.partnerId} ${month}`)) continue;
      const distributor = distributors.at(r.partnerId, r.spentAt);
      if (distributor) add(distributor, year, 0, r.eligibleFen);
    }
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

async function routeLateSpend(
  ctx: AppContext,
  tx: DbOrTx,
  accepted: SQL,
  groups: readonly HeldSpendGroup[],
): Promise<void> {
  const origins = new Map<string, ReturnType<typeof periodOf>>();
  for (const g of groups) {
    for (const kind of KINDS) {
      const p = periodOf(kind, g.anyAt);
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
  // Only the months with a settled monthly or quarterly period are read record by record.
  const months = [
    ...new Set(
      groups
        .filter((g) => KINDS.some((kind) => targetOf.has(periodOf(kind, g.anyAt).key)))
        .map((g) => g.month),
    ),
  ];
  const rows = [];
  for (const r of await heldSpendRecords(tx, accepted, { months })) {
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
