import { type DbOrTx, schema } from '@pc/db';
import { desc, eq, inArray, lt } from 'drizzle-orm';

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

/** Newest first; ids sort by creation time, so the last id is the cursor. */
export function listPartners(db: DbOrTx, limit: number, beforeId?: string): Promise<PartnerRow[]> {
  return db
    .select()
    .from(partners)
    .where(beforeId ? lt(partners.id, beforeId) : undefined)
    .orderBy(desc(partners.id))
    .limit(limit);
}

export function findPartnersByIds(db: DbOrTx, ids: readonly string[]): Promise<PartnerRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(partners)
    .where(inArray(partners.id, [...new Set(ids)]));
}
