import type { Actor, AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors/errors.ts';
import { operatorsWithRoles, usersByIds } from '../identity/users.service.ts';
import { TICKET_HANDLER_ROLES } from './tickets.policy.ts';
import { findTickets, listReplies, setAssignee } from './tickets.repository.ts';
import type { TicketDetail } from './tickets.schemas.ts';
import {
  addReply,
  formatBeijing,
  loadTicket,
  notifyUser,
  partnerNameOf,
  refuseReply,
  transition,
} from './tickets.service.ts';
import { ticketDetailOf } from './tickets-views.ts';

type OperatorActor = Actor & { id: string };

/** Support answers: the ticket waits for the partner; an unassigned ticket becomes the replier's. */
export async function supportReply(
  ctx: AppContext,
  actor: OperatorActor,
  id: string,
  body: string,
): Promise<TicketDetail> {
  return ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const t = await loadTicket(tx, id);
    const moved = await transition(
      tx,
      t,
      { from: ['open', 'pending'], refuse: refuseReply },
      { status: 'pending', assigneeId: t.assigneeId ?? actor.id, lastReplyAt: now, updatedAt: now },
    );
    await addReply(tx, moved, { id: actor.id, type: 'operator' }, 'reply', body, now);
    await ctx.audit.record(tx, actor, {
      action: 'ticket.support_replied',
      entityType: 'ticket',
      entityId: t.id,
      partnerId: t.partnerId,
      before: { status: t.status, assigneeId: t.assigneeId },
      after: { status: moved.status, assigneeId: moved.assigneeId },
    });
    const [opener] = await usersByIds(ctx, [t.openedBy], tx);
    if (opener) {
      await notifyUser(
        ctx,
        tx,
        opener,
        'tickets.replied',
        moved,
        { body },
        `ticket:${t.id}:reply:${now.getTime()}`,
      );
    }
    return ticketDetailOf(ctx, tx, moved, await listReplies(tx, t.id));
  });
}

/** Support resolves; the partner then confirms or reopens. */
export async function resolveTicket(
  ctx: AppContext,
  actor: OperatorActor,
  id: string,
  body: string | undefined,
): Promise<TicketDetail> {
  return ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const t = await loadTicket(tx, id);
    const moved = await transition(
      tx,
      t,
      { from: ['open', 'pending'], refuse: () => new AppError('tickets.already_resolved') },
      {
        status: 'resolved',
        resolvedAt: now,
        assigneeId: t.assigneeId ?? actor.id,
        updatedAt: now,
        lastReplyAt: body ? now : t.lastReplyAt,
      },
    );
    if (body) await addReply(tx, moved, { id: actor.id, type: 'operator' }, 'resolution', body, now);
    await ctx.audit.record(tx, actor, {
      action: 'ticket.resolved',
      entityType: 'ticket',
      entityId: t.id,
      partnerId: t.partnerId,
      before: { status: t.status },
      after: { status: moved.status, late: t.dueAt.getTime() < now.getTime() },
    });
    const [opener] = await usersByIds(ctx, [t.openedBy], tx);
    if (opener) {
      await notifyUser(
        ctx,
        tx,
        opener,
        'tickets.resolved',
        moved,
        { body: body ?? '' },
        `ticket:${t.id}:resolved:${now.getTime()}`,
      );
    }
    return ticketDetailOf(ctx, tx, moved, await listReplies(tx, t.id));
  });
}

/** Operators who may be given tickets. */
export async function listAssignees(ctx: AppContext) {
  const ops = await operatorsWithRoles(ctx, TICKET_HANDLER_ROLES);
  return { items: ops.map((u) => ({ id: u.id, name: u.name, email: u.email })) };
}

/**
 * Bulk assignment from the queue: every listed ticket goes to the assignee (or to nobody), each
 * change audited, the assignee told once per ticket. Unknown ids refuse the whole request.
 */
export async function assignTickets(
  ctx: AppContext,
  actor: OperatorActor,
  ticketIds: readonly string[],
  assigneeId: string | null,
): Promise<{ count: number }> {
  const ids = [...new Set(ticketIds)];
  return ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    let assignee = null;
    if (assigneeId) {
      [assignee] = await usersByIds(ctx, [assigneeId], tx);
      const handles = assignee?.roles.some((r) => (TICKET_HANDLER_ROLES as readonly string[]).includes(r));
      if (assignee?.userType !== 'operator' || assignee.status !== 'active' || !handles) {
        throw new AppError('tickets.assignee_invalid');
      }
    }
    const before = await findTickets(tx, ids);
    if (before.length !== ids.length) throw new AppError('tickets.not_found');
    const changed = before.filter((t) => t.assigneeId !== assigneeId);
    const updated = await setAssignee(
      tx,
      changed.map((t) => t.id),
      assigneeId,
      now,
    );
    for (const t of updated) {
      const old = changed.find((c) => c.id === t.id);
      await ctx.audit.record(tx, actor, {
        action: 'ticket.assigned',
        entityType: 'ticket',
        entityId: t.id,
        partnerId: t.partnerId,
        before: { assigneeId: old?.assigneeId ?? null },
        after: { assigneeId },
      });
      if (assignee && assignee.id !== actor.id && t.status !== 'closed') {
        const partnerName = await partnerNameOf(ctx, tx, t);
        await notifyUser(
          ctx,
          tx,
          assignee,
          'tickets.assigned',
          t,
          { partnerName, dueAt: formatBeijing(t.dueAt) },
          `ticket:${t.id}:assigned:${assignee.id}:${now.getTime()}`,
        );
      }
    }
    return { count: updated.length };
  });
}
