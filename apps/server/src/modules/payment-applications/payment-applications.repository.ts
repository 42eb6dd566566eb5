import { type DbOrTx, schema } from '@pc/db';
import { and, asc, desc, eq, ilike, inArray, type SQL, sql } from 'drizzle-orm';

const { paymentApplications: apps, partners } = schema;

export type ApplicationRow = typeof apps.$inferSelect;

/** Inserts unless the partner has an application for the quarter (concurrent duplicates: one wins). */
export async function insertApplication(
  db: DbOrTx,
  row: typeof apps.$inferInsert,
): Promise<ApplicationRow | undefined> {
  const [r] = await db
    .insert(apps)
    .values(row)
    .onConflictDoNothing({ target: [apps.partnerId, apps.quarter] })
    .returning();
  return r;
}

export async function findByQuarter(
  db: DbOrTx,
  partnerId: string,
  quarter: string,
): Promise<ApplicationRow | undefined> {
  const [r] = await db
    .select()
    .from(apps)
    .where(and(eq(apps.partnerId, partnerId), eq(apps.quarter, quarter)));
  return r;
}

export async function findApplication(db: DbOrTx, id: string): Promise<ApplicationRow | undefined> {
  const [r] = await db.select().from(apps).where(eq(apps.id, id));
  return r;
}

/** Conditional move: of two concurrent reviews exactly one changes the row. */
export async function moveApplication(
  db: DbOrTx,
  id: string,
  from: string,
  patch: Partial<typeof apps.$inferInsert>,
): Promise<ApplicationRow | undefined> {
  const [r] = await db
    .update(apps)
    .set({ ...patch, version: sql`${apps.version} + 1` })
    .where(and(eq(apps.id, id), eq(apps.status, from)))
    .returning();
  return r;
}

export interface ApplicationFilter {
  partnerId?: string;
  status?: string;
  quarter?: string;
  q?: string;
  limit: number;
  offset: number;
}

function where(f: ApplicationFilter): SQL | undefined {
  const c: SQL[] = [];
  if (f.partnerId) c.push(eq(apps.partnerId, f.partnerId));
  if (f.status) c.push(eq(apps.status, f.status));
  if (f.quarter) c.push(eq(apps.quarter, f.quarter));
  if (f.q) c.push(ilike(partners.name, `%${f.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`));
  return c.length ? and(...c) : undefined;
}

export async function queryApplications(db: DbOrTx, f: ApplicationFilter) {
  const rows = await db
    .select({ app: apps, partnerName: partners.name })
    .from(apps)
    .innerJoin(partners, eq(partners.id, apps.partnerId))
    .where(where(f))
    .orderBy(desc(apps.submittedAt), asc(apps.id))
    .limit(f.limit)
    .offset(f.offset);
  const [total] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(apps)
    .innerJoin(partners, eq(partners.id, apps.partnerId))
    .where(where(f));
  const counts = await db
    .select({ status: apps.status, n: sql<number>`count(*)::int` })
    .from(apps)
    .where(f.partnerId ? eq(apps.partnerId, f.partnerId) : undefined)
    .groupBy(apps.status);
  return { rows, total: total?.n ?? 0, counts: Object.fromEntries(counts.map((r) => [r.status, r.n])) };
}

export function findApplications(db: DbOrTx, ids: readonly string[]): Promise<ApplicationRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(apps)
    .where(inArray(apps.id, [...ids]));
}
