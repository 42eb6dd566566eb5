import { type DbOrTx, schema } from '@pc/db';
import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Period } from './incentives.periods.ts';

const { spendPerformance: perf, incentivePeriods: periods, incentiveLateSpend: late } = schema;

export type SpendPerformanceRow = typeof perf.$inferSelect;

/**
 * Adds own and resellers' amounts to many (partner, year) rows in one statement, in the given order
 * (the caller's key order). The rows travel as four arrays (four parameters, not five per row).
 */
export async function addSpendPerformanceRows(
  db: DbOrTx,
  rows: readonly { partnerId: string; year: number; ownFen: number; resellersFen: number }[],
  at: Date,
): Promise<void> {
  if (rows.length === 0) return;
  await db.execute(sql`
    insert into spend_performance (partner_id, year, own_fen, resellers_fen, updated_at)
    select r.partner_id, r.year, r.own_fen, r.resellers_fen, ${at.toISOString()}::timestamptz
    from unnest(${sql.param(rows.map((r) => r.partnerId))}::text[], ${sql.param(rows.map((r) => r.year))}::int[],
      ${sql.param(rows.map((r) => r.ownFen))}::bigint[], ${sql.param(rows.map((r) => r.resellersFen))}::bigint[])
      with ordinality as r(partner_id, year, own_fen, resellers_fen, n)
    order by r.n
    on conflict (partner_id, year) do update set own_fen = spend_performance.own_fen + excluded.own_fen,
      resellers_fen = spend_performance.resellers_fen + excluded.resellers_fen, updated_at = excluded.updated_at`);
}

export async function findSpendPerformance(
  db: DbOrTx,
  partnerId: string,
  year: number,
): Promise<SpendPerformanceRow | undefined> {
  const [row] = await db
    .select()
    .from(perf)
    .where(and(eq(perf.partnerId, partnerId), eq(perf.year, year)));
  return row;
}

/**
 * The status of these periods, locked FOR SHARE (rows are created open when missing, so there is
 * always a row to lock): a settlement starting on one of them (an UPDATE) waits for the spend
 * transactions that read it open, and later ones see it settling, so a record is either in the
 * period's inputs or routed to the next period as late — never lost between the two.
 */
export async function lockPeriodStatuses(db: DbOrTx, ps: readonly Period[]): Promise<Map<string, string>> {
  if (ps.length === 0) return new Map();
  const sorted = [...ps].sort((a, b) => (a.key < b.key ? -1 : 1));
  await db
    .insert(periods)
    .values(sorted.map((p) => ({ key: p.key, kind: p.kind, startAt: p.start, endAt: p.end, status: 'open' })))
    .onConflictDoNothing({ target: periods.key });
  const rows = await db
    .select({ key: periods.key, status: periods.status })
    .from(periods)
    .where(
      inArray(
        periods.key,
        sorted.map((p) => p.key),
      ),
    )
    .for('share');
  return new Map(rows.map((r) => [r.key, r.status]));
}

export async function insertLateSpend(db: DbOrTx, rows: (typeof late.$inferInsert)[]): Promise<void> {
  if (rows.length === 0) return;
  await db.insert(late).values(rows).onConflictDoNothing();
}

/** Accepted spend of a batch held by a partner, per partner and Asia/Shanghai month (fixed UTC+8). */
export interface HeldSpendGroup {
  partnerId: string;
  /** `YYYY-MM`. */
  month: string;
  eligibleFen: number;
  /** The earliest and latest spend with an eligible amount (null: none eligible). */
  firstEligibleAt: Date | null;
  lastEligibleAt: Date | null;
  /** Any spend of the group (its month's representative). */
  anyAt: Date;
}

const SHANGHAI_MONTH = sql.raw(`to_char((spent_at at time zone 'UTC') + interval '8 hours', 'YYYY-MM')`);

/** The spend event's accepted records (`accepted`, its relation) held by a partner, grouped. */
export async function heldSpendGroups(db: DbOrTx, accepted: SQL): Promise<HeldSpendGroup[]> {
  const r = (await db.execute(sql`
    select partner_id, ${SHANGHAI_MONTH} as month, sum(eligible_fen) as eligible_fen,
      min(spent_at) filter (where eligible_fen > 0) as first_eligible,
      max(spent_at) filter (where eligible_fen > 0) as last_eligible, min(spent_at) as any_at
    from ${accepted} where partner_id is not null group by 1, 2`)) as unknown as {
    rows: {
      partner_id: string;
      month: string;
      eligible_fen: string | number;
      first_eligible: string | Date | null;
      last_eligible: string | Date | null;
      any_at: string | Date;
    }[];
  };
  return r.rows.map((g) => ({
    partnerId: g.partner_id,
    month: g.month,
    eligibleFen: Number(g.eligible_fen),
    firstEligibleAt: g.first_eligible ? new Date(g.first_eligible) : null,
    lastEligibleAt: g.last_eligible ? new Date(g.last_eligible) : null,
    anyAt: new Date(g.any_at),
  }));
}

/** The accepted records held by a partner, one by one (`eligibleOnly`: with an eligible amount). */
export async function heldSpendRecords(
  db: DbOrTx,
  accepted: SQL,
  filter: { partnerIds?: readonly string[]; eligibleOnly?: boolean; months?: readonly string[] },
): Promise<{ recordId: string; partnerId: string; spentAt: Date; eligibleFen: number }[]> {
  const where: SQL[] = [sql`partner_id is not null`];
  if (filter.partnerIds) where.push(sql`partner_id = any(${sql.param([...filter.partnerIds])}::text[])`);
  if (filter.eligibleOnly) where.push(sql`eligible_fen > 0`);
  if (filter.months) where.push(sql`${SHANGHAI_MONTH} = any(${sql.param([...filter.months])}::text[])`);
  const r = (await db.execute(sql`
    select record_id, partner_id, spent_at, eligible_fen from ${accepted}
    where ${sql.join(where, sql` and `)} order by record_id collate "C"`)) as unknown as {
    rows: { record_id: string; partner_id: string; spent_at: string | Date; eligible_fen: string | number }[];
  };
  return r.rows.map((x) => ({
    recordId: x.record_id,
    partnerId: x.partner_id,
    spentAt: new Date(x.spent_at),
    eligibleFen: Number(x.eligible_fen),
  }));
}
