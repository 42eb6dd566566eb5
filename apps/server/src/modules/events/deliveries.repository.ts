import { type DbOrTx, insertMany, schema } from '@pc/db';
import { and, asc, desc, eq, inArray, isNull, lt, lte, notExists, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Cursor } from '../../platform/db/cursor.ts';

const d = schema.deliveries;
const a = schema.deliveryAttempts;

export type DeliveryRow = typeof d.$inferSelect;
export type AttemptRow = typeof a.$inferSelect;

/** Many deliveries in one statement (array parameters), in the order given. */
export async function insertDeliveries(tx: DbOrTx, rows: readonly (typeof d.$inferInsert)[]): Promise<void> {
  await insertMany(tx, d, rows);
}

export async function findDelivery(
  db: DbOrTx,
  id: string,
  partnerId?: string,
): Promise<DeliveryRow | undefined> {
  const where = partnerId ? and(eq(d.id, id), eq(d.partnerId, partnerId)) : eq(d.id, id);
  const [row] = await db.select().from(d).where(where);
  return row;
}

export interface DeliveryFilter {
  partnerId: string;
  kind?: string;
  status?: string;
  endpointId?: string;
  eventId?: string;
  before?: Cursor;
  limit: number;
}

/** A partner's deliveries newest first, keyset-paged on (created_at, id). */
export function listDeliveries(db: DbOrTx, f: DeliveryFilter): Promise<DeliveryRow[]> {
  const where: SQL[] = [eq(d.partnerId, f.partnerId)];
  if (f.kind) where.push(eq(d.kind, f.kind));
  if (f.status) where.push(eq(d.status, f.status));
  if (f.endpointId) where.push(eq(d.endpointId, f.endpointId));
  if (f.eventId) where.push(eq(d.eventId, f.eventId));
  if (f.before) {
    const at = new Date(f.before.at);
    where.push(or(lt(d.createdAt, at), and(eq(d.createdAt, at), lt(d.id, f.before.id))) as SQL);
  }
  return db
    .select()
    .from(d)
    .where(and(...where))
    .orderBy(desc(d.createdAt), desc(d.id))
    .limit(f.limit);
}

export function listAttempts(db: DbOrTx, deliveryId: string): Promise<AttemptRow[]> {
  return db.select().from(a).where(eq(a.deliveryId, deliveryId)).orderBy(asc(a.attemptedAt), asc(a.id));
}

export async function firstAttemptAt(db: DbOrTx, deliveryId: string): Promise<Date | null> {
  const [row] = await db
    .select({ at: sql<Date | string | null>`min(${a.attemptedAt})` })
    .from(a)
    .where(eq(a.deliveryId, deliveryId));
  return row?.at ? new Date(row.at) : null;
}

export async function insertAttempt(tx: DbOrTx, row: typeof a.$inferInsert): Promise<void> {
  await tx.insert(a).values(row);
}

/**
 * Claims up to `limit` due deliveries whose ordering key has no earlier delivery still pending, by
 * moving their next attempt to `leaseUntil` (a worker that dies mid-send leaves them due again
 * then). SKIP LOCKED lets two workers claim at the same time without taking the same row.
 * "Earlier" is a lower event_seq; callbacks (no event) go by (created_at, id).
 */
export async function claimDue(
  tx: DbOrTx,
  now: Date,
  leaseUntil: Date,
  limit: number,
): Promise<DeliveryRow[]> {
  const e = alias(d, 'earlier');
  const earlier = tx
    .select({ one: sql`1` })
    .from(e)
    .where(
      and(
        eq(e.orderingKey, d.orderingKey),
        eq(e.status, 'pending'),
        or(
          lt(e.eventSeq, d.eventSeq),
          and(
            isNull(e.eventSeq),
            isNull(d.eventSeq),
            or(lt(e.createdAt, d.createdAt), and(eq(e.createdAt, d.createdAt), lt(e.id, d.id))),
          ),
        ),
      ),
    );
  const due = await tx
    .select({ id: d.id })
    .from(d)
    .where(and(eq(d.status, 'pending'), lte(d.nextAttemptAt, now), notExists(earlier)))
    .orderBy(asc(d.nextAttemptAt), asc(d.id))
    .limit(limit)
    .for('update', { skipLocked: true });
  if (!due.length) return [];
  return tx
    .update(d)
    .set({ nextAttemptAt: leaseUntil })
    .where(
      and(
        inArray(
          d.id,
          due.map((r) => r.id),
        ),
        eq(d.status, 'pending'),
      ),
    )
    .returning();
}

export async function updateDelivery(
  tx: DbOrTx,
  id: string,
  patch: Partial<typeof d.$inferInsert>,
): Promise<DeliveryRow | undefined> {
  const [row] = await tx.update(d).set(patch).where(eq(d.id, id)).returning();
  return row;
}
