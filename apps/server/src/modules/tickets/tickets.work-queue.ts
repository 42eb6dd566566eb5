import { schema } from '@pc/db';
import { and, count, eq, gte, lt, type SQL } from 'drizzle-orm';
import type { AppContext } from '../../platform/context.ts';
import { queueStats, type WorkQueue } from '../../platform/work-queues/work-queues.ts';
import { TICKET_READER_ROLES } from './tickets.policy.ts';

const t = schema.tickets;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Tickets waiting for support, by due time: overdue, due within a day, due later. */
const byDue = (key: string, due: (now: Date) => SQL | undefined): WorkQueue => ({
  key,
  roles: TICKET_READER_ROLES,
  stats: (ctx, since) =>
    queueStats(ctx.db, t, t.slaStartedAt, and(eq(t.status, 'open'), due(ctx.clock.now())), since),
});

export const ticketQueues: readonly WorkQueue[] = [
  byDue('ticketsOverdue', (now) => lt(t.dueAt, now)),
  byDue('ticketsDueToday', (now) => and(gte(t.dueAt, now), lt(t.dueAt, new Date(now.getTime() + DAY_MS)))),
  byDue('ticketsLater', (now) => gte(t.dueAt, new Date(now.getTime() + DAY_MS))),
];

/** The partner's tickets that support answered and that wait for the partner (dashboard task). */
export async function ticketsAwaitingPartner(ctx: AppContext, partnerId: string): Promise<number> {
  const [row] = await ctx.db
    .select({ n: count() })
    .from(t)
    .where(and(eq(t.partnerId, partnerId), eq(t.status, 'pending')));
  return Number(row?.n ?? 0);
}
