import type { AppContext } from '../../platform/context.ts';
import { decodeCursor, encodeCursor } from '../../platform/db/cursor.ts';
import { listNotifications } from '../../platform/notifications/notifications.repository.ts';
import { maskCode, withoutCode } from '../../platform/notifications/notifier.ts';
import type { OutboxPage, OutboxQuery } from './outbox.schemas.ts';

type ChannelName = OutboxPage['items'][number]['channel'];

/**
 * Console view of every message the platform recorded or sent, newest first. Without SMTP or an
 * SMS gateway this is where operators (and the end-to-end tests) read the mail and SMS.
 */
export async function readOutbox(ctx: AppContext, q: OutboxQuery): Promise<OutboxPage> {
  const before = q.before ? decodeCursor(q.before, 'before') : undefined;
  const rows = await listNotifications(ctx.db, { ...q, before, limit: q.limit + 1 });
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return {
    // A message not yet delivered still holds its verification code (for retries): never shown.
    items: page
      .map((r) => ({ ...r, ...withoutCode(r), lastError: r.lastError && maskCode(r, r.lastError) }))
      .map((r) => ({
        id: r.id,
        channel: r.channel as ChannelName,
        template: r.template,
        locale: r.locale,
        recipient: r.recipient,
        subject: r.subject,
        body: r.body,
        status: r.status,
        attempts: r.attempts,
        provider: r.provider,
        providerId: r.providerId,
        lastError: r.lastError,
        createdAt: r.createdAt.toISOString(),
        sentAt: r.sentAt?.toISOString() ?? null,
      })),
    nextBefore: rows.length > q.limit && last ? encodeCursor({ at: last.createdAt, id: last.id }) : null,
  };
}
