import { type DbOrTx, schema } from '@pc/db';
import { and, asc, desc, eq, lte } from 'drizzle-orm';

const { vatRates } = schema;

export type VatRateRow = typeof vatRates.$inferSelect;

export async function listRates(db: DbOrTx): Promise<VatRateRow[]> {
  return db.select().from(vatRates).orderBy(asc(vatRates.taxpayerStatus), asc(vatRates.effectiveFrom));
}

/** The row in force at `on` for a status (the latest that starts at or before it). */
export async function findRateAt(db: DbOrTx, status: string, on: Date): Promise<VatRateRow | undefined> {
  const [row] = await db
    .select()
    .from(vatRates)
    .where(and(eq(vatRates.taxpayerStatus, status), lte(vatRates.effectiveFrom, on)))
    .orderBy(desc(vatRates.effectiveFrom))
    .limit(1);
  return row;
}

/** Inserts unless the status already has a rate from that day; undefined then. */
export async function insertRate(
  db: DbOrTx,
  row: typeof vatRates.$inferInsert,
): Promise<VatRateRow | undefined> {
  const [inserted] = await db
    .insert(vatRates)
    .values(row)
    .onConflictDoNothing({ target: [vatRates.taxpayerStatus, vatRates.effectiveFrom] })
    .returning();
  return inserted;
}
