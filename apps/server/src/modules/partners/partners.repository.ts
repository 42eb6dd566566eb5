import { type DbOrTx, schema } from '@pc/db';
import { and, asc, desc, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

const { partners } = schema;

export type PartnerRow = typeof partners.$inferSelect;

export async function insertPartner(db: DbOrTx, row: typeof partners.$inferInsert): Promise<PartnerRow> {
  const [p] = await db.insert(partners).values(row).returning();
  if (!p) throw new Error('partner insert returned nothing');
  return p;
}

export async function findPartner(db: DbOrTx, id: string): Promise<PartnerRow | undefined> {
  const [p] = await db.select().from(partners).where(eq(partners.id, id));
  return p;
}

export async function findPartnerByDomainId(db: DbOrTx, domainId: string): Promise<PartnerRow | undefined> {
  const [p] = await db.select().from(partners).where(eq(partners.domainId, domainId));
  return p;
}

/**
 * Newest registration first, keyset-paged on (created_at, id); the cursor is the last row's id.
 * Ordering by id alone would put the demo partners' fixed ids above every real registration.
 */
export function listPartners(db: DbOrTx, limit: number, beforeId?: string): Promise<PartnerRow[]> {
  const after = beforeId
    ? sql`(${partners.createdAt}, ${partners.id}) < (select p.created_at, p.id from partners p where p.id = ${beforeId})`
    : undefined;
  return db
    .select()
    .from(partners)
    .where(after)
    .orderBy(desc(partners.createdAt), desc(partners.id))
    .limit(limit);
}

export function findPartnersByIds(db: DbOrTx, ids: readonly string[]): Promise<PartnerRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(partners)
    .where(inArray(partners.id, [...new Set(ids)]));
}

/** Active partners whose name contains the text (case-insensitive), by name. */
export function searchPartnersByName(db: DbOrTx, text: string, limit: number): Promise<PartnerRow[]> {
  const pattern = `%${text.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
  return db
    .select()
    .from(partners)
    .where(and(ilike(partners.name, pattern), eq(partners.status, 'active')))
    .orderBy(asc(partners.name))
    .limit(limit);
}

/** The row locked for a status change: concurrent changes of one partner run one after the other. */
export async function lockPartner(tx: DbOrTx, id: string): Promise<PartnerRow | undefined> {
  const [p] = await tx.select().from(partners).where(eq(partners.id, id)).for('update');
  return p;
}

/** The status only, share-locked: a suspension waits for a write that checked it, and vice versa. */
export async function partnerStatusForWrite(tx: DbOrTx, id: string): Promise<string | undefined> {
  const [p] = await tx
    .select({ status: partners.status })
    .from(partners)
    .where(eq(partners.id, id))
    .for('share');
  return p?.status;
}

export async function updatePartner(
  tx: DbOrTx,
  id: string,
  set: Partial<typeof partners.$inferInsert>,
): Promise<PartnerRow> {
  const [p] = await tx.update(partners).set(set).where(eq(partners.id, id)).returning();
  if (!p) throw new Error('partner update returned nothing');
  return p;
}

export type DirectorySort = 'name' | 'createdAt' | 'status';

export interface DirectoryQuery {
  /** Lower-cased substring of the name, id or domain id. */
  text?: string;
  status?: string;
  /** Conditions on the partner id column, made by the modules that own the data (programs, tier, kind). */
  where: ((partnerId: AnyPgColumn) => SQL)[];
  sort: DirectorySort;
  desc: boolean;
  offset: number;
  limit: number;
}

const SORT_COLUMNS = { name: partners.name, createdAt: partners.createdAt, status: partners.status };

/**
 * One page of the directory and the number of matches, in one statement (`count(*) over ()`).
 * The substring match uses the trigram indexes on lower(name), id and domain_id.
 */
export async function searchDirectory(
  db: DbOrTx,
  q: DirectoryQuery,
): Promise<{ rows: PartnerRow[]; total: number }> {
  const where: SQL[] = q.where.map((w) => w(partners.id));
  if (q.text) {
    const pattern = `%${q.text.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    where.push(
      or(
        sql`lower(${partners.name}) like ${pattern}`,
        sql`${partners.id} like ${pattern}`,
        sql`${partners.domainId} like ${pattern}`,
      ) as SQL,
    );
  }
  if (q.status) where.push(eq(partners.status, q.status));
  const column = SORT_COLUMNS[q.sort];
  const rows = await db
    .select({ partner: partners, total: sql<number>`count(*) over ()`.mapWith(Number) })
    .from(partners)
    .where(and(...where))
    .orderBy(q.desc ? desc(column) : asc(column), asc(partners.id))
    .offset(q.offset)
    .limit(q.limit);
  if (rows.length === 0 && q.offset > 0) {
    // Past the end: the total still tells the client where the end is.
    const [c] = await db
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(partners)
      .where(and(...where));
    return { rows: [], total: c?.n ?? 0 };
  }
  return { rows: rows.map((r) => r.partner), total: rows[0]?.total ?? 0 };
}
