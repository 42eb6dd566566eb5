import { type DbOrTx, schema } from '@pc/db';
import { and, asc, desc, eq, gt, gte, ilike, inArray, lt, type SQL, sql } from 'drizzle-orm';

const { incentiveNotices: notices, incentiveAdjustments: adjustments, partners } = schema;

export type NoticeRow = typeof notices.$inferSelect;
export type AdjustmentRow = typeof adjustments.$inferSelect;

/** Inserts notices; a partner's notice of a period that exists is left alone (a completed rerun). */
export async function insertNotices(db: DbOrTx, rows: (typeof notices.$inferInsert)[]): Promise<NoticeRow[]> {
  if (rows.length === 0) return [];
  return db
    .insert(notices)
    .values(rows)
    .onConflictDoNothing({ target: [notices.partnerId, notices.periodKey] })
    .returning();
}

/** A run's notices in partner order after `afterPartnerId` (keyset pages for sending them). */
export function noticesOfRunAfter(
  db: DbOrTx,
  runId: string,
  afterPartnerId: string,
  limit: number,
): Promise<NoticeRow[]> {
  return db
    .select()
    .from(notices)
    .where(and(eq(notices.runId, runId), gt(notices.partnerId, afterPartnerId)))
    .orderBy(asc(notices.partnerId))
    .limit(limit);
}

export async function findNotice(db: DbOrTx, id: string, lock = false): Promise<NoticeRow | undefined> {
  const q = db.select().from(notices).where(eq(notices.id, id));
  const [r] = lock ? await q.for('update') : await q;
  return r;
}

export async function updateNotice(
  db: DbOrTx,
  id: string,
  fromStatus: readonly string[],
  patch: Partial<typeof notices.$inferInsert>,
): Promise<NoticeRow | undefined> {
  const [r] = await db
    .update(notices)
    .set({ ...patch, version: sql`${notices.version} + 1` })
    .where(and(eq(notices.id, id), inArray(notices.status, [...fromStatus])))
    .returning();
  return r;
}

export interface NoticeFilter {
  partnerId?: string;
  status?: string;
  periodKey?: string;
  q?: string;
  from?: Date;
  to?: Date;
  limit: number;
  offset: number;
}

function where(f: NoticeFilter): SQL | undefined {
  const c: SQL[] = [];
  if (f.partnerId) c.push(eq(notices.partnerId, f.partnerId));
  if (f.status) c.push(eq(notices.status, f.status));
  if (f.periodKey) c.push(eq(notices.periodKey, f.periodKey));
  if (f.from) c.push(gte(notices.periodStart, f.from));
  if (f.to) c.push(lt(notices.periodStart, f.to));
  if (f.q) c.push(ilike(partners.name, `%${f.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`));
  return c.length ? and(...c) : undefined;
}

export async function queryNotices(db: DbOrTx, f: NoticeFilter) {
  const rows = await db
    .select({ notice: notices, partnerName: partners.name })
    .from(notices)
    .innerJoin(partners, eq(partners.id, notices.partnerId))
    .where(where(f))
    .orderBy(desc(notices.periodStart), asc(notices.partnerId))
    .limit(f.limit)
    .offset(f.offset);
  const [total] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(notices)
    .innerJoin(partners, eq(partners.id, notices.partnerId))
    .where(where(f));
  return { rows, total: total?.n ?? 0 };
}

export async function countNoticesByStatus(db: DbOrTx, partnerId?: string): Promise<Record<string, number>> {
  const rows = await db
    .select({ status: notices.status, n: sql<number>`count(*)::int` })
    .from(notices)
    .where(partnerId ? eq(notices.partnerId, partnerId) : undefined)
    .groupBy(notices.status);
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

export async function insertAdjustment(
  db: DbOrTx,
  row: typeof adjustments.$inferInsert,
): Promise<AdjustmentRow> {
  const [r] = await db.insert(adjustments).values(row).returning();
  if (!r) throw new Error('adjustment insert returned nothing');
  return r;
}

export function adjustmentsOf(db: DbOrTx, noticeIds: readonly string[]): Promise<AdjustmentRow[]> {
  if (noticeIds.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(adjustments)
    .where(inArray(adjustments.noticeId, [...noticeIds]))
    .orderBy(asc(adjustments.createdAt));
}

export async function attachToApplication(db: DbOrTx, ids: readonly string[], applicationId: string | null) {
  if (ids.length === 0) return;
  await db
    .update(notices)
    .set({ paymentApplicationId: applicationId })
    .where(inArray(notices.id, [...ids]));
}

export function noticesOfApplication(db: DbOrTx, applicationId: string): Promise<NoticeRow[]> {
  return db
    .select()
    .from(notices)
    .where(eq(notices.paymentApplicationId, applicationId))
    .orderBy(asc(notices.periodStart));
}

/** Every notice of a partner whose period starts in [from, to), any status. */
export function noticesIn(db: DbOrTx, partnerId: string, from: Date, to: Date): Promise<NoticeRow[]> {
  return db
    .select()
    .from(notices)
    .where(and(eq(notices.partnerId, partnerId), gte(notices.periodStart, from), lt(notices.periodStart, to)))
    .orderBy(asc(notices.periodStart));
}
