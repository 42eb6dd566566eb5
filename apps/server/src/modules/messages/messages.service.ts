import type { DbOrTx } from '@pc/db';
import type { Actor, AppContext } from '../../platform/context.ts';
import { decodeCursor, encodeCursor } from '../../platform/db/cursor.ts';
import { AppError } from '../../platform/errors/errors.ts';
import type { Locale } from '../../platform/i18n/i18n.ts';
import { newId } from '../../platform/ids/ids.ts';
import { countUnread, insertMessages, listMessages, markAllRead, markRead } from './messages.repository.ts';

export interface MessageView {
  id: string;
  title: string;
  body: string;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

/** Writes messages into users' message centres in one insert (the notifier, in its transaction). */
export async function recordInAppMessages(
  tx: DbOrTx,
  inputs: readonly {
    userId: string;
    notificationId: string;
    title: string;
    body: string;
    link: string | null;
    at: Date;
  }[],
): Promise<string[]> {
  const rows = inputs.map((input) => ({
    id: newId('msg', input.at.getTime()),
    userId: input.userId,
    notificationId: input.notificationId,
    title: input.title,
    body: input.body,
    link: input.link,
    createdAt: input.at,
  }));
  await insertMessages(tx, rows);
  return rows.map((r) => r.id);
}

export async function listMyMessages(
  ctx: AppContext,
  userId: string,
  q: { unread?: boolean; limit: number; cursor?: string; locale: Locale },
): Promise<{ items: MessageView[]; nextCursor: string | null; unreadCount: number }> {
  const before = q.cursor ? decodeCursor(q.cursor) : undefined;
  const rows = await listMessages(ctx.db, {
    userId,
    unreadOnly: q.unread === true,
    before,
    limit: q.limit + 1,
  });
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  // In the reader's language of today, with today's public URL (the stored copy is the fallback).
  const fresh = await ctx.notifier.renderInApp(
    ctx.db,
    page.flatMap((r) => (r.notificationId ? [r.notificationId] : [])),
    q.locale,
  );
  return {
    items: page.map((r) => ({
      id: r.id,
      ...((r.notificationId && fresh.get(r.notificationId)) || {
        title: r.title,
        body: r.body,
        link: r.link,
      }),
      createdAt: r.createdAt.toISOString(),
      readAt: r.readAt?.toISOString() ?? null,
    })),
    nextCursor: rows.length > q.limit && last ? encodeCursor({ at: last.createdAt, id: last.id }) : null,
    unreadCount: await countUnread(ctx.db, userId),
  };
}

export function unreadCount(ctx: AppContext, userId: string): Promise<number> {
  return countUnread(ctx.db, userId);
}

/** Marks one message read; another user's message is reported as not found. */
export async function readMessage(ctx: AppContext, actor: Actor & { id: string }, id: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const result = await markRead(tx, actor.id, id, now);
    if (!result) throw new AppError('common.not_found');
    if (result.changed) {
      await ctx.audit.record(tx, actor, {
        action: 'message.read',
        entityType: 'in_app_message',
        entityId: id,
        after: { readAt: now.toISOString() },
      });
    }
  });
}

export async function readAllMessages(ctx: AppContext, actor: Actor & { id: string }): Promise<number> {
  return ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const n = await markAllRead(tx, actor.id, now);
    if (n > 0) {
      await ctx.audit.record(tx, actor, {
        action: 'message.read_all',
        entityType: 'user',
        entityId: actor.id,
        after: { count: n, readAt: now.toISOString() },
      });
    }
    return n;
  });
}
