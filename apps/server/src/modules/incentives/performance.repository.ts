import { type DbOrTx, schema } from '@pc/db';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Period } from './incentives.periods.ts';

const { spendPerformance: perf, incentivePeriods: periods, incentiveLateSpend: late } = schema;

export type SpendPerformanceRow = typeof perf.$inferSelect;

/** Adds own and resellers' amounts to many (partner, year) rows in one statement, in key order. */
export async function addSpendPerformanceRows(
  db: DbOrTx,
  rows: readonly { partnerId: string; year: number; ownFen: number; resellersFen: number }[],
  at: Date,
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insert(perf)
    .values(rows.map((r) => ({ ...r, updatedAt: at })))
    .onConflictDoUpdate({
      target: [perf.partnerId, perf.year],
      set: {
        ownFen: sql`${perf.ownFen} + excluded.own_fen`,
        resellersFen: sql`${perf.resellersFen} + excluded.resellers_fen`,
        updatedAt: sql`excluded.updated_at`,
      },
    });
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
