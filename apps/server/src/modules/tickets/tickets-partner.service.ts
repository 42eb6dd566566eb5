import type { Actor, AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors/errors.ts';
import { usersByIds } from '../identity/users.service.ts';
import { dueTimeFrom } from './calendar.service.ts';
import { listReplies } from './tickets.repository.ts';
import type { TicketDetail } from './tickets.schemas.ts';
import {
  addReply,
  loadTicket,
  notifyUser,
  partnerNameOf,
  refuseReply,
  transition,
} from './tickets.service.ts';
import { ticketDetailOf } from './tickets-views.ts';

type PartnerActor = Actor & { id: string; partnerId: string };

const notResolved = () => new AppError('tickets.not_resolved');

/** The partner writes on its open or answered ticket; it goes back to support. */
export async function partnerReply(
  ctx: AppContext,
  actor: PartnerActor,
  id: string,
  body: string,
): Promise<TicketDetail> {
  return ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const t = await loadTicket(tx, id, actor.partnerId);
    const moved = await transition(
      tx,
      t,
      { from: ['open', 'pending'], refuse: refuseReply },
      { status: 'open', lastReplyAt: now, updatedAt: now },
    );
    await addReply(tx, moved, { id: actor.id, type: 'partner' }, 'reply', body, now);
    await ctx.audit.record(tx, actor, {
      action: 'ticket.partner_replied',
      entityType: 'ticket',
      entityId: t.id,
      partnerId: t.partnerId,
      before: { status: t.status },
      after: { status: moved.status },
    });
    if (moved.assigneeId) {
      const [assignee] = await usersByIds(ctx, [moved.assigneeId], tx);
      if (assignee) {
        const partnerName = await partnerNameOf(ctx, tx, moved);
        await notifyUser(
          ctx,
          tx,
          assignee,
          'tickets.partner_replied',
          moved,
          { partnerName, body },
          `ticket:${t.id}:partner-reply:${now.getTime()}`,
        );
      }
    }
    return ticketDetailOf(ctx, tx, moved, await listReplies(tx, t.id));
  });
}

/** The partner confirms a resolved ticket: closed for good. */
export async function confirmTicket(ctx: AppContext, actor: PartnerActor, id: string): Promise<TicketDetail> {
  return ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const t = await loadTicket(tx, id, actor.partnerId);
    const moved = await transition(
      tx,
      t,
      { from: ['resolved'], refuse: notResolved },
      { status: 'closed', closedAt: now, updatedAt: now },
    );
    await ctx.audit.record(tx, actor, {
      action: 'ticket.confirmed',
      entityType: 'ticket',
      entityId: t.id,
      partnerId: t.partnerId,
      before: { status: t.status },
      after: { status: moved.status },
    });
    return ticketDetailOf(ctx, tx, moved, await listReplies(tx, t.id));
  });
}

/** The partner reopens a resolved ticket with a reason; a fresh 3-working-day clock starts. */
export async function reopenTicket(
  ctx: AppContext,
  actor: PartnerActor,
  id: string,
  body: string,
): Promise<TicketDetail> {
  return ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const t = await loadTicket(tx, id, actor.partnerId);
    const moved = await transition(
      tx,
      t,
      { from: ['resolved'], refuse: notResolved },
      {
        status: 'open',
        resolvedAt: null,
        overdueAt: null,
        escalatedAt: null,
        slaStartedAt: now,
        dueAt: await dueTimeFrom(tx, now),
        lastReplyAt: now,
        updatedAt: now,
      },
    );
    await addReply(tx, moved, { id: actor.id, type: 'partner' }, 'reopen', body, now);
    await ctx.audit.record(tx, actor, {
      action: 'ticket.reopened',
      entityType: 'ticket',
      entityId: t.id,
      partnerId: t.partnerId,
      before: { status: t.status, dueAt: t.dueAt.toISOString() },
      after: { status: moved.status, dueAt: moved.dueAt.toISOString() },
    });
    if (moved.assigneeId) {
      const [assignee] = await usersByIds(ctx, [moved.assigneeId], tx);
      if (assignee) {
        const partnerName = await partnerNameOf(ctx, tx, moved);
        await notifyUser(
          ctx,
          tx,
          assignee,
          'tickets.partner_replied',
          moved,
          { partnerName, body },
          `ticket:${t.id}:reopen:${now.getTime()}`,
        );
      }
    }
    return ticketDetailOf(ctx, tx, moved, await listReplies(tx, t.id));
  });
}
