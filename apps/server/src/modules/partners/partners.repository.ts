import { type DbOrTx, schema } from '@pc/db';
import { and, asc, desc, eq, ilike, inArray, sql } from 'drizzle-orm';

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
