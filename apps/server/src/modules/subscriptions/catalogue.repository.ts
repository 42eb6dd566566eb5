import { type DbOrTx, schema } from '@pc/db';
import { and, asc, eq, inArray } from 'drizzle-orm';

const p = schema.catalogueProducts;
const d = schema.catalogueDiscounts;
const s = schema.subscriptionSettings;

export type ProductRow = typeof p.$inferSelect;
export type DiscountRow = typeof d.$inferSelect;
export type SettingsRow = typeof s.$inferSelect;

export function listProducts(db: DbOrTx): Promise<ProductRow[]> {
  return db
    .select()
    .from(p)
    .orderBy(asc(p.serviceTypeCode), asc(p.resourceTypeCode), asc(p.resourceSpecCode), asc(p.regionCode));
}

export function discountsOf(db: DbOrTx, productIds: readonly string[]): Promise<DiscountRow[]> {
  if (productIds.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(d)
    .where(inArray(d.productId, [...productIds]))
    .orderBy(asc(d.periodType), asc(d.minPeriods));
}

export async function findProduct(db: DbOrTx, id: string): Promise<ProductRow | undefined> {
  const [row] = await db.select().from(p).where(eq(p.id, id)).limit(1);
  return row;
}

/** Active products for these specs, in any region or the given one. */
export function productsForSpecs(db: DbOrTx, specCodes: readonly string[]): Promise<ProductRow[]> {
  if (specCodes.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(p)
    .where(and(inArray(p.resourceSpecCode, [...specCodes]), eq(p.status, 'active')));
}

export async function insertProduct(tx: DbOrTx, row: typeof p.$inferInsert): Promise<ProductRow> {
  const [out] = await tx.insert(p).values(row).returning();
  return out as ProductRow;
}

export async function updateProduct(
  tx: DbOrTx,
  id: string,
  set: Partial<typeof p.$inferInsert>,
): Promise<ProductRow | undefined> {
  const [out] = await tx.update(p).set(set).where(eq(p.id, id)).returning();
  return out;
}

export async function replaceDiscounts(
  tx: DbOrTx,
  productId: string,
  rows: Omit<DiscountRow, 'productId'>[],
): Promise<void> {
  await tx.delete(d).where(eq(d.productId, productId));
  if (rows.length) await tx.insert(d).values(rows.map((x) => ({ ...x, productId })));
}

export async function readSettings(db: DbOrTx): Promise<SettingsRow | undefined> {
  const [row] = await db.select().from(s).where(eq(s.id, 'global')).limit(1);
  return row;
}

export async function writeSettings(tx: DbOrTx, row: typeof s.$inferInsert): Promise<SettingsRow> {
  const [out] = await tx
    .insert(s)
    .values(row)
    .onConflictDoUpdate({
      target: s.id,
      set: {
        reminderDays: row.reminderDays,
        autoRenewLeadDays: row.autoRenewLeadDays,
        retentionDays: row.retentionDays,
        updatedBy: row.updatedBy,
        updatedAt: row.updatedAt,
      },
    })
    .returning();
  return out as SettingsRow;
}
