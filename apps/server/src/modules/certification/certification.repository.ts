import { type DbOrTx, schema } from '@pc/db';
import { and, asc, count, eq, ilike, inArray, sql } from 'drizzle-orm';
import type { QueueQuery, Stage, Status } from './certification.schemas.ts';

const { certificationSubmissions: subs, certificationReviews: reviews } = schema;

export type SubmissionRow = typeof subs.$inferSelect;
export type ReviewRow = typeof reviews.$inferSelect;

export async function findSubmission(db: DbOrTx, id: string): Promise<SubmissionRow | undefined> {
  const [r] = await db.select().from(subs).where(eq(subs.id, id));
  return r;
}

export async function findStage(
  db: DbOrTx,
  partnerId: string,
  stage: Stage,
): Promise<SubmissionRow | undefined> {
  const [r] = await db
    .select()
    .from(subs)
    .where(and(eq(subs.partnerId, partnerId), eq(subs.stage, stage)));
  return r;
}

/** One stage's rows of many partners (one query, for set-based readers such as settlement). */
export function findStages(
  db: DbOrTx,
  partnerIds: readonly string[],
  stage: Stage,
): Promise<SubmissionRow[]> {
  if (partnerIds.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(subs)
    .where(and(inArray(subs.partnerId, [...partnerIds]), eq(subs.stage, stage)));
}

/** Locks the partner's stage row for a partner-side change (draft save, submit). */
export async function lockStage(
  db: DbOrTx,
  partnerId: string,
  stage: Stage,
): Promise<SubmissionRow | undefined> {
  const [r] = await db
    .select()
    .from(subs)
    .where(and(eq(subs.partnerId, partnerId), eq(subs.stage, stage)))
    .for('update');
  return r;
}

export async function insertSubmission(db: DbOrTx, row: typeof subs.$inferInsert): Promise<SubmissionRow> {
  const [r] = await db.insert(subs).values(row).returning();
  if (!r) throw new Error('certification insert returned nothing');
  return r;
}

/**
 * The one way a status changes: only if the row is still in one of `from` (and, when given, at
 * `version` / claimed by `claimedBy`). Concurrent callers serialise on the row; the loser gets
 * undefined. Bumps the version.
 */
export async function transition(
  db: DbOrTx,
  id: string,
  guard: { from: readonly Status[]; version?: number; claimedBy?: string },
  patch: Partial<typeof subs.$inferInsert>,
): Promise<SubmissionRow | undefined> {
  const where = [eq(subs.id, id), inArray(subs.status, [...guard.from])];
  if (guard.version !== undefined) where.push(eq(subs.version, guard.version));
  if (guard.claimedBy !== undefined) where.push(eq(subs.claimedBy, guard.claimedBy));
  const [r] = await db
    .update(subs)
    .set({ ...patch, version: sql`${subs.version} + 1` })
    .where(and(...where))
    .returning();
  return r;
}

export async function insertReview(db: DbOrTx, row: typeof reviews.$inferInsert): Promise<void> {
  await db.insert(reviews).values(row);
}

export function listReviews(db: DbOrTx, submissionId: string): Promise<ReviewRow[]> {
  return db.select().from(reviews).where(eq(reviews.submissionId, submissionId)).orderBy(asc(reviews.at));
}

/** The review queue: oldest submission first, so nobody waits longest by accident. */
export async function listQueue(
  db: DbOrTx,
  q: QueueQuery & { claimedBy?: string },
): Promise<{ rows: SubmissionRow[]; total: number }> {
  const where = [inArray(subs.status, q.status)];
  if (q.stage) where.push(eq(subs.stage, q.stage));
  if (q.partnerId) where.push(eq(subs.partnerId, q.partnerId));
  if (q.claimedBy) where.push(eq(subs.claimedBy, q.claimedBy));
  if (q.q) where.push(ilike(subs.companyName, `%${q.q.replace(/[\\%_]/g, '\\$&')}%`));
  const cond = and(...where);
  const rows = await db
    .select()
    .from(subs)
    .where(cond)
    .orderBy(sql`${subs.submittedAt} asc nulls last`, asc(subs.id))
    .limit(q.limit)
    .offset(q.offset);
  const [c] = await db.select({ n: count() }).from(subs).where(cond);
  return { rows, total: c?.n ?? 0 };
}
