import { type DbOrTx, insertMany, schema } from '@pc/db';
import { and, desc, eq, inArray, lt, or, type SQL, sql } from 'drizzle-orm';
import type { Cursor } from '../db/cursor.ts';

export type NotificationRow = typeof schema.notifications.$inferSelect;
const n = schema.notifications;

/** Inserts delivery records in one statement (array parameters); returns the ids of those that were new (by key). */
export async function insertNotifications(
  tx: DbOrTx,
  rows: readonly (typeof schema.notifications.$inferInsert)[],
): Promise<string[]> {
  const r = await insertMany<{ id: string }>(tx, n, rows, { onConflictDoNothing: true, returning: ['id'] });
  return r.map((x) => x.id);
}

/** Inserts the delivery record; null when a record with the same idempotency key exists. */
export async function insertNotification(
  tx: DbOrTx,
  row: typeof schema.notifications.$inferInsert,
): Promise<{ id: string } | null> {
  const r = await tx.insert(n).values(row).onConflictDoNothing().returning({ id: n.id });
  return r[0] ?? null;
}

/**
 * Takes a record for one delivery attempt. Only pending or failed records, or one whose earlier
 * attempt was claimed before `staleBefore` (a worker died mid-send), can be taken; a record that
 * was sent is never taken again, which is what makes a repeated job harmless.
 */
export async function claimNotification(
  db: DbOrTx,
  id: string,
  now: Date,
  staleBefore: Date,
): Promise<NotificationRow | null> {
  const r = await db
    .update(n)
    .set({ status: 'sending', claimedAt: now, attempts: sqlIncrement() })
    .where(
      and(
        eq(n.id, id),
        or(
          inArray(n.status, ['pending', 'retrying', 'failed']),
          and(eq(n.status, 'sending'), lt(n.claimedAt, staleBefore)),
        ),
      ),
    )
    .returning();
  return r[0] ?? null;
}

export function finishNotification(
  db: DbOrTx,
  id: string,
  set: {
    status: string;
    provider: string;
    providerId: string | null;
    sentAt: Date;
    /** After delivery: the stored text and data with any verification code masked. */
    redacted?: { subject: string | null; body: string; data: unknown };
  },
) {
  const { redacted, ...rest } = set;
  return db
    .update(n)
    .set({ ...rest, ...redacted, lastError: null })
    .where(and(eq(n.id, id), eq(n.status, 'sending')));
}

export function failNotification(
  db: DbOrTx,
  id: string,
  set: { provider: string | null; lastError: string; status: 'retrying' | 'failed' },
) {
  return db
    .update(n)
    .set(set)
    .where(and(eq(n.id, id), eq(n.status, 'sending')));
}

export async function findNotification(db: DbOrTx, id: string): Promise<NotificationRow | null> {
  const r = await db.select().from(n).where(eq(n.id, id));
  return r[0] ?? null;
}

export interface OutboxFilter {
  channel?: string;
  recipient?: string;
  before?: Cursor;
  limit: number;
}

/** Newest first, keyset-paged on (created_at, id). */
export function listNotifications(db: DbOrTx, f: OutboxFilter): Promise<NotificationRow[]> {
  const where: SQL[] = [];
  if (f.channel) where.push(eq(n.channel, f.channel));
  if (f.recipient) where.push(eq(n.recipient, f.recipient));
  if (f.before) {
    const c = f.before;
    where.push(or(lt(n.createdAt, c.at), and(eq(n.createdAt, c.at), lt(n.id, c.id))) as SQL);
  }
  return db
    .select()
    .from(n)
    .where(and(...where))
    .orderBy(desc(n.createdAt), desc(n.id))
    .limit(f.limit);
}

/**
 * A gateway's delivery report: a sent SMS becomes `delivered` or `undelivered` (with the gateway's
 * error code). Only the sender's own records (same provider, same provider id when given) change.
 */
export async function recordDeliveryReport(
  db: DbOrTx,
  provider: string,
  r: { notificationId: string; providerId: string | null; delivered: boolean; error: string | null },
): Promise<boolean> {
  const where = [eq(n.id, r.notificationId), eq(n.channel, 'sms'), eq(n.provider, provider)];
  if (r.providerId) where.push(eq(n.providerId, r.providerId));
  const rows = await db
    .update(n)
    .set(r.delivered ? { status: 'delivered' } : { status: 'undelivered', lastError: r.error })
    .where(and(...where, inArray(n.status, ['sent', 'delivered', 'undelivered'])))
    .returning({ id: n.id });
  return rows.length > 0;
}

function sqlIncrement() {
  return sql`${n.attempts} + 1`;
}

/** The template and data of in-app notifications, to render them again in another language. */
export function inAppSources(
  db: DbOrTx,
  ids: readonly string[],
): Promise<{ id: string; template: string; data: unknown }[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .select({ id: n.id, template: n.template, data: n.data })
    .from(n)
    .where(and(inArray(n.id, [...ids]), eq(n.channel, 'in_app')));
}
