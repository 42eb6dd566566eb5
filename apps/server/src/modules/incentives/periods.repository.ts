import { type DbOrTx, schema } from '@pc/db';
import { and, asc, desc, eq, gt, ne } from 'drizzle-orm';
import type { Period } from './incentives.periods.ts';

const { incentivePeriods: periods } = schema;

export type PeriodRow = typeof periods.$inferSelect;

/** The first settling or closed period of a kind that ends after an instant (policy changes may not reach it). */
export async function findSettledAfter(db: DbOrTx, kind: string, at: Date): Promise<PeriodRow | undefined> {
  const [row] = await db
    .select()
    .from(periods)
    .where(and(eq(periods.kind, kind), ne(periods.status, 'open'), gt(periods.endAt, at)))
    .orderBy(asc(periods.startAt))
    .limit(1);
  return row;
}

export async function findPeriod(db: DbOrTx, key: string): Promise<PeriodRow | undefined> {
  const [row] = await db.select().from(periods).where(eq(periods.key, key));
  return row;
}

/** The period's row, created open when missing, locked for update (settlement start/finish). */
export async function lockPeriod(db: DbOrTx, p: Period): Promise<PeriodRow> {
  await db
    .insert(periods)
    .values({ key: p.key, kind: p.kind, startAt: p.start, endAt: p.end, status: 'open' })
    .onConflictDoNothing({ target: periods.key });
  const [row] = await db.select().from(periods).where(eq(periods.key, p.key)).for('update');
  if (!row) throw new Error(`period ${p.key} missing after insert`);
  return row;
}

export async function setPeriodStatus(
  db: DbOrTx,
  key: string,
  patch: { status: string; closedAt?: Date | null; runId?: string | null },
): Promise<void> {
  await db.update(periods).set(patch).where(eq(periods.key, key));
}

export function listPeriods(db: DbOrTx, limit = 48): Promise<PeriodRow[]> {
  return db.select().from(periods).orderBy(desc(periods.startAt)).limit(limit);
}
