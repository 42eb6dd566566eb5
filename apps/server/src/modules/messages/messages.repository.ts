import { type DbOrTx, insertMany, schema } from '@pc/db';
import { and, count, desc, eq, isNull, lt, or, type SQL } from 'drizzle-orm';
import type { Cursor } from '../../platform/db/cursor.ts';

export type MessageRow = typeof schema.inAppMessages.$inferSelect;
const m = schema.inAppMessages;

export async function insertMessages(
  tx: DbOrTx,
  rows: readonly (typeof schema.inAppMessages.$inferInsert)[],
): Promise<void> {
  await insertMany(tx, m, rows, { onConflictDoNothing: true });
}

/** One user's messages, newest first, keyset-paged on (created_at, id). */
export function listMessages(
  db: DbOrTx,
  f: { userId: string; unreadOnly: boolean; before?: Cursor; limit: number },
): Promise<MessageRow[]> {
  const where: SQL[] = [eq(m.userId, f.userId)];
  if (f.unreadOnly) where.push(isNull(m.readAt));
  if (f.before) {
    const c = f.before;
    where.push(or(lt(m.createdAt, c.at), and(eq(m.createdAt, c.at), lt(m.id, c.id))) as SQL);
  }
  return db
    .select()
    .from(m)
    .where(and(...where))
    .orderBy(desc(m.createdAt), desc(m.id))
    .limit(f.limit);
}

export async function countUnread(db: DbOrTx, userId: string): Promise<number> {
  const r = await db
    .select({ n: count() })
    .from(m)
    .where(and(eq(m.userId, userId), isNull(m.readAt)));
  return Number(r[0]?.n ?? 0);
}

/** Marks one of the user's messages read; null when the user has no such message. */
export async function markRead(
  tx: DbOrTx,
  userId: string,
  id: string,
  at: Date,
): Promise<{ changed: boolean } | null> {
  const found = await tx
    .select({ readAt: m.readAt })
    .from(m)
    .where(and(eq(m.id, id), eq(m.userId, userId)));
  const row = found[0];
  if (!row) return null;
  if (row.readAt) return { changed: false };
  const r = await tx
    .update(m)
    .set({ readAt: at })
    .where(and(eq(m.id, id), eq(m.userId, userId), isNull(m.readAt)))
    .returning({ id: m.id });
  return { changed: r.length === 1 };
}

export async function markAllRead(tx: DbOrTx, userId: string, at: Date): Promise<number> {
  const r = await tx
    .update(m)
    .set({ readAt: at })
    .where(and(eq(m.userId, userId), isNull(m.readAt)))
    .returning({ id: m.id });
  return r.length;
}
