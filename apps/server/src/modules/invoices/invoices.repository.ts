import { type DbOrTx, schema } from '@pc/db';
import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';

const i = schema.invoices;
const f = schema.invoiceFiles;

export type InvoiceRow = typeof i.$inferSelect;
export type InvoiceFileRow = typeof f.$inferSelect;

export async function insertInvoices(tx: DbOrTx, rows: (typeof i.$inferInsert)[]): Promise<InvoiceRow[]> {
  return tx.insert(i).values(rows).returning();
}

export async function findInvoice(db: DbOrTx, id: string): Promise<InvoiceRow | undefined> {
  const [row] = await db.select().from(i).where(eq(i.id, id));
  return row;
}

export function invoicesOfNotice(db: DbOrTx, noticeId: string): Promise<InvoiceRow[]> {
  return db.select().from(i).where(eq(i.noticeId, noticeId)).orderBy(asc(i.submittedAt), asc(i.id));
}

/** Changes an invoice only while it is in one of `from`: of two concurrent checks one wins. */
export async function updateInvoiceFrom(
  tx: DbOrTx,
  id: string,
  from: readonly string[],
  patch: Partial<typeof i.$inferInsert>,
): Promise<InvoiceRow | undefined> {
  const [row] = await tx
    .update(i)
    .set(patch)
    .where(and(eq(i.id, id), inArray(i.status, [...from])))
    .returning();
  return row;
}

/** Invoice numbers among `numbers` already held by an invoice that was not returned. */
export async function takenNumbers(
  db: DbOrTx,
  numbers: readonly { invoiceCode: string; invoiceNumber: string }[],
): Promise<string[]> {
  if (!numbers.length) return [];
  const rows = await db
    .select({ n: i.invoiceNumber })
    .from(i)
    .where(
      and(
        sql`${i.status} <> 'returned'`,
        sql`(${i.invoiceCode}, ${i.invoiceNumber}) in (${sql.join(
          numbers.map((n) => sql`(${n.invoiceCode}, ${n.invoiceNumber})`),
          sql`, `,
        )})`,
      ),
    );
  return rows.map((r) => r.n);
}

export interface InvoiceFilter {
  statuses?: readonly string[];
  partnerId?: string;
  type?: string;
}

function whereOf(q: InvoiceFilter): SQL | undefined {
  const parts: SQL[] = [];
  if (q.statuses?.length) parts.push(inArray(i.status, [...q.statuses]));
  if (q.partnerId) parts.push(eq(i.partnerId, q.partnerId));
  if (q.type) parts.push(eq(i.type, q.type));
  return parts.length ? and(...parts) : undefined;
}

export function listInvoices(
  db: DbOrTx,
  q: InvoiceFilter,
  limit: number,
  offset: number,
): Promise<InvoiceRow[]> {
  return db
    .select()
    .from(i)
    .where(whereOf(q))
    .orderBy(asc(i.submittedAt), asc(i.id))
    .limit(limit)
    .offset(offset);
}

export async function countInvoicesByStatus(db: DbOrTx): Promise<Record<string, number>> {
  const rows = await db.select({ status: i.status, c: sql<number>`count(*)::int` }).from(i).groupBy(i.status);
  return Object.fromEntries(rows.map((r) => [r.status, r.c]));
}

export async function countInvoices(db: DbOrTx, q: InvoiceFilter): Promise<number> {
  const [row] = await db.select({ c: sql<number>`count(*)::int` }).from(i).where(whereOf(q));
  return row?.c ?? 0;
}

export async function insertFile(tx: DbOrTx, row: typeof f.$inferInsert): Promise<void> {
  await tx.insert(f).values(row);
}

/** File metadata without the content. */
export async function findFileMeta(db: DbOrTx, id: string) {
  const [row] = await db
    .select({
      id: f.id,
      partnerId: f.partnerId,
      fileName: f.fileName,
      format: f.format,
      size: f.size,
      sha256: f.sha256,
    })
    .from(f)
    .where(eq(f.id, id));
  return row;
}

export async function findFile(db: DbOrTx, id: string): Promise<InvoiceFileRow | undefined> {
  const [row] = await db.select().from(f).where(eq(f.id, id));
  return row;
}

/** Files already attached to an invoice that is not returned (a file serves one invoice). */
export async function filesInUse(db: DbOrTx, ids: readonly string[]): Promise<string[]> {
  if (!ids.length) return [];
  const rows = await db
    .select({ id: i.fileId })
    .from(i)
    .where(and(inArray(i.fileId, [...ids]), sql`${i.status} <> 'returned'`));
  return rows.map((r) => r.id ?? '');
}
