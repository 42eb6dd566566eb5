import './incentives.errors.ts';
import type { DbOrTx } from '@pc/db';
import { businessDate } from '../../platform/clock/working-days.ts';
import type { Actor, AppContext } from '../../platform/context.ts';
import { systemActor } from '../../platform/context.ts';
import { AppError } from '../../platform/errors/errors.ts';
import { newId } from '../../platform/ids/ids.ts';
import { partnersInProgramAt } from '../memberships/index.ts';
import { billCyclesOf, type Period, periodByKey, periodOf, previousPeriod } from './incentives.periods.ts';
import { issueNotices } from './notices.issue.ts';
import { lockPeriod, setPeriodStatus } from './periods.repository.ts';
import { versionsInForce } from './policies.service.ts';
import {
  countExclusions,
  countLines,
  countRunPartners,
  deleteRunGroups,
  deleteStaged,
  findRun,
  findRunningRun,
  insertExclusions,
  insertLines,
  insertRun,
  partnerStandings,
  type RunRow,
  runGroupsOfNextPartners,
  stageRunGroups,
  totalsOfRun,
  updateRun,
} from './settlement.repository.ts';
import { type ComputedLine, computeLines, type PolicyInForce } from './settlement.rules.ts';

/** A running run whose heartbeat is older than this has lost its process. */
export const STALE_RUN_MS = 5 * 60_000;
/** Partners written per transaction (progress and cancellation are checked between chunks). */
const CHUNK = 500;
export const SETTLE_JOB = 'incentives.settle';

export function runView(r: RunRow) {
  return {
    id: r.id,
    periodKey: r.periodKey,
    trigger: r.trigger as 'schedule' | 'operator',
    status: r.status as 'running' | 'completed' | 'cancelled' | 'failed',
    verification: r.verification,
    matches: r.matches,
    partnersTotal: r.partnersTotal,
    partnersDone: r.partnersDone,
    progress: r.partnersTotal === 0 ? (r.status === 'completed' ? 1 : 0) : r.partnersDone / r.partnersTotal,
    linesCount: r.linesCount,
    totalFen: r.totalFen,
    excludedCount: r.excludedCount,
    cancelRequested: r.cancelRequested,
    error: r.error,
    startedAt: r.startedAt.toISOString(),
    finishedAt: r.finishedAt?.toISOString() ?? null,
  };
}

/**
 * Starts settling a period that has ended. The period turns `settling` (spend for it arriving
 * from now on goes to the next period as late), and the run is queued with its job in this
 * transaction. A closed period is run again as a verification: computed from the same inputs and
 * compared with what was published, never republished. A scheduled start skips settled periods.
 */
export async function startSettlement(
  ctx: AppContext,
  actor: Actor,
  periodKey: string,
  trigger: 'schedule' | 'operator',
) {
  const p = periodByKey(periodKey);
  if (!p) throw new AppError('incentives.period_invalid', { period: periodKey });
  const now = ctx.clock.now();
  if (now < p.end) throw new AppError('incentives.period_not_ended', { period: periodKey });
  return ctx.db.transaction(async (tx) => {
    const period = await lockPeriod(tx, p);
    const running = await findRunningRun(tx, p.key);
    if (running) {
      if (now.getTime() - running.heartbeatAt.getTime() < STALE_RUN_MS) {
        if (trigger === 'schedule') return null;
        throw new AppError('incentives.run_in_progress', { period: p.key });
      }
      await deleteStaged(tx, running.id);
      await updateRun(tx, running.id, { status: 'failed', error: 'stopped (no progress)', finishedAt: now });
    }
    if (trigger === 'schedule' && period.status === 'closed') return null;
    const verification = period.status === 'closed';
    const run = await insertRun(tx, {
      id: newId('irn'),
      periodKey: p.key,
      trigger,
      status: 'running',
      verification,
      startedBy: actor.id,
      startedAt: now,
      heartbeatAt: now,
    });
    if (!run) throw new AppError('incentives.run_in_progress', { period: p.key });
    if (!verification) await setPeriodStatus(tx, p.key, { status: 'settling' });
    await ctx.jobs.send(SETTLE_JOB, { runId: run.id }, { tx, singletonKey: run.id });
    await ctx.audit.record(tx, actor, {
      action: 'incentives.settlement_started',
      entityType: 'incentive_run',
      entityId: run.id,
      after: { periodKey: p.key, trigger, verification },
    });
    return runView(run);
  });
}

/** The scheduled close: on the 1st at 02:00 the month (and at a quarter's start the quarter) before. */
export async function settleDuePeriods(ctx: AppContext, slot: Date): Promise<string[]> {
  const started: string[] = [];
  for (const kind of ['monthly', 'quarterly'] as const) {
    const current = periodOf(kind, slot);
    if (kind === 'quarterly' && current.start.getTime() !== periodOf('monthly', slot).start.getTime())
      continue;
    const run = await startSettlement(ctx, systemActor(), previousPeriod(current).key, 'schedule');
    if (run) started.push(run.id);
  }
  return started;
}

type Exclusion = 'suspended' | 'certificate_invalid';

async function exclusionsAt(
  db: DbOrTx,
  partnerIds: readonly string[],
  p: Period,
): Promise<Map<string, Exclusion>> {
  const standings = await partnerStandings(db, partnerIds);
  const lastDay = businessDate(new Date(p.end.getTime() - 1));
  const out = new Map<string, Exclusion>();
  for (const id of partnerIds) {
    const s = standings.get(id);
    if (s?.status !== 'active') out.set(id, 'suspended');
    else if (!s.certValidUntil || s.certValidUntil < lastDay || !s.certIssuedAt || s.certIssuedAt >= p.end) {
      out.set(id, 'certificate_invalid');
    }
  }
  return out;
}

type VersionInForce = Awaited<ReturnType<typeof versionsInForce>>[number];

/** The policies in force with the partners (of those given) holding each one's program at period end. */
async function policiesFor(
  db: DbOrTx,
  p: Period,
  versions: readonly VersionInForce[],
  partnerIds: readonly string[],
): Promise<PolicyInForce[]> {
  const out: PolicyInForce[] = [];
  const atEnd = new Date(p.end.getTime() - 1);
  const byProgram = new Map<string, Set<string>>();
  for (const v of versions) {
    let partners = byProgram.get(v.policy.program);
    if (!partners) {
      partners = await partnersInProgramAt(db, partnerIds, v.policy.program, atEnd);
      byProgram.set(v.policy.program, partners);
    }
    out.push({ policyId: v.policy.id, versionId: v.version.id, rules: v.rules, partners });
  }
  return out;
}

export interface SettlementOptions {
  /** Partners per transaction (default 500); tests set a small one. */
  chunkPartners?: number;
}

/**
 * The settlement job: stages the period's spend aggregate server-side in one statement (the run's
 * groups), then walks its partners in partner order, a chunk per transaction: reads that chunk's
 * groups, computes its lines (tiers are per partner and policy, so a chunk's lines are those it
 * would have in one pass over everything) and exclusions, stages them with progress; Node holds one
 * chunk at a time. Then it publishes in one transaction and drops the groups. A restarted job starts
 * the run over (its staged rows are deleted first), so a killed run completes on retry with nobody
 * paid twice or skipped; a cancelled one leaves nothing of the period.
 */
export async function runSettlement(
  ctx: AppContext,
  runId: string,
  opts: SettlementOptions = {},
): Promise<void> {
  const run = await findRun(ctx.db, runId);
  if (run?.status !== 'running') return;
  const p = periodByKey(run.periodKey);
  if (!p) throw new AppError('incentives.period_invalid', { period: run.periodKey });
  try {
    await settleChunks(ctx, runId, p, opts.chunkPartners ?? CHUNK);
  } catch (e) {
    // The groups are scratch: a retry stages them again.
    await deleteRunGroups(ctx.db, runId).catch(() => undefined);
    throw e;
  }
}

async function settleChunks(ctx: AppContext, runId: string, p: Period, chunkSize: number): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    await deleteStaged(tx, runId);
    await stageRunGroups(tx, runId, { key: p.key, kind: p.kind, billCycles: billCyclesOf(p) });
  });
  const partnersTotal = await countRunPartners(ctx.db, runId);
  await updateRun(ctx.db, runId, { partnersTotal, heartbeatAt: ctx.clock.now() });
  const versions = await versionsInForce(ctx.db, p.kind, p.start);

  let after = '';
  let done = 0;
  for (;;) {
    const go = await ctx.db.transaction(async (tx) => {
      const current = await findRun(tx, runId, true);
      if (current?.status !== 'running') {
        await deleteRunGroups(tx, runId);
        return false;
      }
      if (current.cancelRequested) {
        await finishCancel(ctx, tx, current);
        return false;
      }
      const groups = await runGroupsOfNextPartners(tx, runId, after, chunkSize);
      if (groups.length === 0) return false;
      const chunk = [...new Set(groups.map((g) => g.partnerId))];
      after = chunk[chunk.length - 1] as string;
      const lines = computeLines(groups, await policiesFor(tx, p, versions, chunk));
      const byPartner = new Map<string, ComputedLine[]>();
      for (const l of lines) {
        const list = byPartner.get(l.partnerId);
        if (list) list.push(l);
        else byPartner.set(l.partnerId, [l]);
      }
      const earning = [...byPartner.keys()];
      const excluded = await exclusionsAt(tx, earning, p);
      const paid = earning.flatMap((id) => (excluded.has(id) ? [] : (byPartner.get(id) ?? [])));
      await insertLines(tx, runId, p.key, paid, () => newId('iln'));
      await insertExclusions(
        tx,
        earning
          .filter((id) => excluded.has(id))
          .map((id) => ({
            runId,
            periodKey: p.key,
            partnerId: id,
            reason: excluded.get(id) as Exclusion,
            forgoneFen: (byPartner.get(id) ?? []).reduce((s, l) => s + l.amountFen, 0),
          })),
      );
      done = Math.min(partnersTotal, done + chunk.length);
      await updateRun(tx, runId, { partnersDone: done, heartbeatAt: ctx.clock.now() });
      return true;
    });
    if (!go) break;
  }
  const current = await findRun(ctx.db, runId);
  if (current?.status === 'running') await completeRun(ctx, runId, p);
}

async function finishCancel(ctx: AppContext, tx: DbOrTx, run: RunRow): Promise<void> {
  await deleteStaged(tx, run.id);
  await updateRun(tx, run.id, { status: 'cancelled', finishedAt: ctx.clock.now() });
  if (!run.verification) await setPeriodStatus(tx, run.periodKey, { status: 'open' });
}

async function completeRun(ctx: AppContext, runId: string, p: Period): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const run = await findRun(tx, runId, true);
    if (run?.status !== 'running') return;
    if (run.cancelRequested) return finishCancel(ctx, tx, run);
    const period = await lockPeriod(tx, p);
    await deleteRunGroups(tx, runId);
    const totals = await totalsOfRun(tx, runId);
    const totalFen = totals.reduce((s, t) => s + t.totalFen, 0);
    const counted = await countLines(tx, runId);
    const excludedCount = await countExclusions(tx, runId);
    const now = ctx.clock.now();
    let matches: boolean | null = null;
    if (run.verification) {
      const published = period.runId ? await totalsOfRun(tx, period.runId) : [];
      matches = JSON.stringify(published) === JSON.stringify(totals);
    } else {
      await issueNotices(ctx, tx, { run, period: p, totals });
      await setPeriodStatus(tx, p.key, { status: 'closed', closedAt: now, runId });
    }
    await updateRun(tx, runId, {
      status: 'completed',
      matches,
      totalFen,
      linesCount: counted,
      excludedCount,
      partnersDone: run.partnersTotal,
      heartbeatAt: now,
      finishedAt: now,
    });
    await ctx.audit.record(tx, systemActor(), {
      action: 'incentives.settlement_completed',
      entityType: 'incentive_run',
      entityId: runId,
      after: {
        periodKey: p.key,
        totalFen,
        lines: counted,
        excluded: excludedCount,
        verification: run.verification,
        matches,
      },
    });
  });
}

/**
 * An operator cancels a running run. The runner stops at its next chunk and removes what it
 * staged; a run whose process is gone (no heartbeat) is cancelled at once. Either way the period
 * is left as it was before the run: nothing half-settled.
 */
export async function cancelRun(ctx: AppContext, actor: Actor, runId: string) {
  return ctx.db.transaction(async (tx) => {
    const run = await findRun(tx, runId, true);
    if (!run) throw new AppError('incentives.run_not_found');
    if (run.status !== 'running') throw new AppError('incentives.run_not_running');
    await updateRun(tx, runId, { cancelRequested: true });
    if (ctx.clock.now().getTime() - run.heartbeatAt.getTime() >= STALE_RUN_MS)
      await finishCancel(ctx, tx, run);
    await ctx.audit.record(tx, actor, {
      action: 'incentives.settlement_cancelled',
      entityType: 'incentive_run',
      entityId: runId,
      after: { periodKey: run.periodKey },
    });
    const after = await findRun(tx, runId);
    if (!after) throw new AppError('incentives.run_not_found');
    return runView(after);
  });
}
