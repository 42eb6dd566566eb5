import { type DbOrTx, schema } from '@pc/db';
import { and, count, desc, eq, isNull, lt, or, sql } from 'drizzle-orm';

const k = schema.apiKeys;
export type ApiKeyRow = typeof k.$inferSelect;

export async function insertKey(tx: DbOrTx, row: typeof k.$inferInsert): Promise<ApiKeyRow> {
  const r = await tx.insert(k).values(row).returning();
  const inserted = r[0];
  if (!inserted) throw new Error('api key insert returned nothing');
  return inserted;
}

export async function findKeyByAccessKey(db: DbOrTx, accessKey: string): Promise<ApiKeyRow | undefined> {
  const r = await db.select().from(k).where(eq(k.accessKey, accessKey));
  return r[0];
}

/** One of the partner's keys; another partner's key is not found. */
export async function findPartnerKey(
  db: DbOrTx,
  partnerId: string,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<ApiKeyRow | undefined> {
  const q = db
    .select()
    .from(k)
    .where(and(eq(k.id, id), eq(k.partnerId, partnerId)));
  const r = opts.forUpdate ? await q.for('update') : await q;
  return r[0];
}

export function listPartnerKeys(db: DbOrTx, partnerId: string): Promise<ApiKeyRow[]> {
  return db.select().from(k).where(eq(k.partnerId, partnerId)).orderBy(desc(k.createdAt), desc(k.id));
}

export async function countPartnerKeys(db: DbOrTx, partnerId: string): Promise<number> {
  const r = await db.select({ n: count() }).from(k).where(eq(k.partnerId, partnerId));
  return Number(r[0]?.n ?? 0);
}

export async function updateKey(
  tx: DbOrTx,
  id: string,
  set: Partial<typeof k.$inferInsert>,
): Promise<ApiKeyRow | undefined> {
  const r = await tx.update(k).set(set).where(eq(k.id, id)).returning();
  return r[0];
}

/**
 * Stamps `last_used_at` unless it was stamped after `staleBefore`: one conditional write a minute
 * per key at most, so a busy key does not turn every signed call into a row update.
 */
export async function touchKey(db: DbOrTx, id: string, at: Date, staleBefore: Date): Promise<void> {
  await db
    .update(k)
    .set({ lastUsedAt: at })
    .where(and(eq(k.id, id), or(isNull(k.lastUsedAt), lt(k.lastUsedAt, staleBefore))));
}

/** Serialises key creation per partner (transaction-scoped advisory lock) for the per-partner limit. */
export async function lockPartnerKeys(tx: DbOrTx, partnerId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`api-keys:${partnerId}`}))`);
}
