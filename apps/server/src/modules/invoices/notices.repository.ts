import { type DbOrTx, schema } from '@pc/db';
import { and, asc, desc, eq, gte, inArray, lt, lte, type SQL, sql } from 'drizzle-orm';

const n = schema.invoicingNotices;
const ev = schema.invoicingNoticeEvents;

export type NoticeRow = typeof n.$inferSelect;
export type NoticeEventRow = typeof ev.$inferSelect;

/** Inserts unless a notice of the same source exists; undefined when it does (idempotent issue). */
export async function insertNoticeOnce(
  tx: DbOrTx,
  row: typeof n.$inferInsert,
): Promise<NoticeRow | undefined> {
  const [out] = await tx
    .insert(n)
    .values(row)
    .onConflictDoNothing({ target: [n.sourceKind, n.sourceId] })
    .returning();
  return out;
}

export async function findNoticeBySource(
  db: DbOrTx,
  kind: string,
  id: string,
): Promise<NoticeRow | undefined> {
  const [row] = await db
    .select()
    .from(n)
    .where(and(eq(n.sourceKind, kind), eq(n.sourceId, id)));
  return row;
}

export async function findNotice(db: DbOrTx, id: string): Promise<NoticeRow | undefined> {
  const [row] = await db.select().from(n).where(eq(n.id, id));
  return row;
}

export async function lockNotice(tx: DbOrTx, id: string): Promise<NoticeRow | undefined> {
  const [row] = await tx.select().from(n).where(eq(n.id, id)).for('update');
  return row;
}

export async function updateNotice(
  tx: DbOrTx,
  id: string,
  patch: Partial<typeof n.$inferInsert>,
): Promise<NoticeRow | undefined> {
  const [row] = await tx
    .update(n)
    .set({ ...patch, version: sql`${n.version} + 1` })
    .where(eq(n.id, id))
    .returning();
  return row;
}

export async function insertNoticeEvent(tx: DbOrTx, row: typeof ev.$inferInsert): Promise<void> {
  await tx.insert(ev).values(row);
}

export function listNoticeEvents(db: DbOrTx, noticeId: string): Promise<NoticeEventRow[]> {
  return db.select().from(ev).where(eq(ev.noticeId, noticeId)).orderBy(asc(ev.at), asc(ev.id));
}

export interface NoticeFilter {
  partnerId?: string;
  statuses?: readonly string[];
  sourceKind?: string;
  from?: Date;
  to?: Date;
}

function whereOf(f: NoticeFilter): SQL | undefined {
  const parts: SQL[] = [];
  if (f.partnerId) parts.push(eq(n.partnerId, f.partnerId));
  if (f.statuses?.length) parts.push(inArray(n.status, [...f.statuses]));
  if (f.sourceKind) parts.push(eq(n.sourceKind, f.sourceKind));
  if (f.from) parts.push(gte(n.createdAt, f.from));
  if (f.to) parts.push(lt(n.createdAt, f.to));
  return parts.length ? and(...parts) : undefined;
}

export function listNotices(db: DbOrTx, f: NoticeFilter, limit: number, offset = 0): Promise<NoticeRow[]> {
  return db
    .select()
    .from(n)
    .where(whereOf(f))
    .orderBy(desc(n.createdAt), desc(n.id))
    .limit(limit)
    .offset(offset);
}

export async function countNotices(db: DbOrTx, f: NoticeFilter): Promise<number> {
  const [row] = await db.select({ c: sql<number>`count(*)::int` }).from(n).where(whereOf(f));
  return row?.c ?? 0;
}

/** Adds to the invoiced sums only while they stay within the notice: the concurrent-submission cap. */
export async function addInvoiced(
  tx: DbOrTx,
  id: string,
  exTaxFen: number,
  taxFen: number,
): Promise<NoticeRow | undefined> {
  const [row] = await tx
    .update(n)
    .set({
      invoicedExTaxFen: sql`${n.invoicedExTaxFen} + ${exTaxFen}`,
      invoicedTaxFen: sql`${n.invoicedTaxFen} + ${taxFen}`,
      version: sql`${n.version} + 1`,
    })
    .where(
      and(
        eq(n.id, id),
        lte(sql`${n.invoicedExTaxFen} + ${exTaxFen}`, n.amountExTaxFen),
        lte(sql`${n.invoicedTaxFen} + ${taxFen}`, n.taxFen),
      ),
    )
    .returning();
  return row;
}
