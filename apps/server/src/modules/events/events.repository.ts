import { type DbOrTx, insertMany, schema } from '@pc/db';
import { and, arrayContains, desc, eq, or, sql } from 'drizzle-orm';

const ep = schema.webhookEndpoints;
const ev = schema.events;
const integ = schema.partnerIntegrations;
const pk = schema.platformKeys;

export type EndpointRow = typeof ep.$inferSelect;
export type EventRow = typeof ev.$inferSelect;
export type IntegrationRow = typeof integ.$inferSelect;
export type PlatformKeyRow = typeof pk.$inferSelect;

export async function insertEvent(tx: DbOrTx, row: typeof ev.$inferInsert): Promise<EventRow> {
  const [out] = await tx.insert(ev).values(row).returning();
  if (!out) throw new Error('event insert returned nothing');
  return out;
}

/** Many events in one statement (array parameters), in the order given (their `seq` too). */
export async function insertEvents(tx: DbOrTx, rows: readonly Omit<EventRow, 'seq'>[]): Promise<EventRow[]> {
  const out = await insertMany<{ id: string; seq: number | string }>(tx, ev, rows, {
    returning: ['id', 'seq'],
  });
  const seqOf = new Map(out.map((e) => [e.id, Number(e.seq)]));
  return rows.map((r) => {
    const seq = seqOf.get(r.id);
    if (seq === undefined) throw new Error('event insert returned nothing');
    return { ...r, seq };
  });
}

/** Active endpoints of a partner that take `type` (an empty subscription list means every type). */
export function subscribedEndpoints(tx: DbOrTx, partnerId: string, type: string): Promise<EndpointRow[]> {
  return tx
    .select()
    .from(ep)
    .where(
      and(
        eq(ep.partnerId, partnerId),
        eq(ep.status, 'active'),
        or(sql`cardinality(${ep.eventTypes}) = 0`, arrayContains(ep.eventTypes, [type])),
      ),
    )
    .orderBy(ep.id);
}

export function listEndpoints(db: DbOrTx, partnerId: string): Promise<EndpointRow[]> {
  return db.select().from(ep).where(eq(ep.partnerId, partnerId)).orderBy(desc(ep.createdAt), desc(ep.id));
}

/** The endpoint, only when it belongs to `partnerId` (other tenants' ids look unknown). */
export async function findEndpoint(
  db: DbOrTx,
  id: string,
  partnerId?: string,
): Promise<EndpointRow | undefined> {
  const where = partnerId ? and(eq(ep.id, id), eq(ep.partnerId, partnerId)) : eq(ep.id, id);
  const [row] = await db.select().from(ep).where(where);
  return row;
}

export async function insertEndpoint(tx: DbOrTx, row: typeof ep.$inferInsert): Promise<EndpointRow> {
  const [out] = await tx.insert(ep).values(row).returning();
  if (!out) throw new Error('endpoint insert returned nothing');
  return out;
}

export async function updateEndpoint(
  tx: DbOrTx,
  id: string,
  patch: Partial<typeof ep.$inferInsert>,
): Promise<EndpointRow | undefined> {
  const [row] = await tx.update(ep).set(patch).where(eq(ep.id, id)).returning();
  return row;
}

export async function deleteEndpoint(tx: DbOrTx, id: string): Promise<void> {
  await tx.delete(ep).where(eq(ep.id, id));
}

export async function findIntegration(db: DbOrTx, partnerId: string): Promise<IntegrationRow | undefined> {
  const [row] = await db.select().from(integ).where(eq(integ.partnerId, partnerId));
  return row;
}

export async function upsertIntegration(tx: DbOrTx, row: typeof integ.$inferInsert): Promise<IntegrationRow> {
  const [out] = await tx
    .insert(integ)
    .values(row)
    .onConflictDoUpdate({
      target: integ.partnerId,
      set: {
        xaccountType: row.xaccountType,
        bindNotifyUrl: row.bindNotifyUrl,
        updatedAt: row.updatedAt,
        updatedBy: row.updatedBy,
      },
    })
    .returning();
  if (!out) throw new Error('integration upsert returned nothing');
  return out;
}

export async function findActivePlatformKey(db: DbOrTx): Promise<PlatformKeyRow | undefined> {
  const [row] = await db
    .select()
    .from(pk)
    .where(eq(pk.status, 'active'))
    .orderBy(desc(pk.createdAt), desc(pk.id))
    .limit(1);
  return row;
}

/** Inserts the key unless one with the same id exists (the id is fixed: one platform key). */
export async function insertPlatformKey(tx: DbOrTx, row: typeof pk.$inferInsert): Promise<void> {
  await tx.insert(pk).values(row).onConflictDoNothing();
}
