import type { AppContext } from '../../platform/context.ts';
import { systemActor } from '../../platform/context.ts';
import { operatorsWithRoles, type UserRow, usersByIds } from '../identity/users.service.ts';
import { managerContact } from '../memberships/managers.service.ts';
import { findTicket, flagOverdue, listNewlyOverdue, type TicketRow } from './tickets.repository.ts';
import { formatBeijing, notifyUser, partnerNameOf } from './tickets.service.ts';

/** Operator roles told about every overdue ticket. */
const ESCALATE_TO_ROLES = ['admin'] as const;
const BATCH = 200;

/** Who hears about an overdue ticket: operator admins, its assignee and the partner's ecosystem manager. */
async function recipientsOf(ctx: AppContext, t: TicketRow, admins: readonly UserRow[]): Promise<UserRow[]> {
  const manager = await managerContact(ctx, t.partnerId);
  const extra = await usersByIds(ctx, [t.assigneeId ?? '', manager?.id ?? ''].filter(Boolean));
  const all = new Map<string, UserRow>();
  for (const u of [...admins, ...extra]) if (u.status === 'active') all.set(u.id, u);
  return [...all.values()];
}

/**
 * Flags every unresolved ticket past its due time and escalates it once. Safe to run twice for
 * one slot: the flag is set by a conditional update, and only its winner notifies.
 */
export async function escalateOverdueTickets(ctx: AppContext, at: Date): Promise<number> {
  const admins = await operatorsWithRoles(ctx, ESCALATE_TO_ROLES);
  const actor = systemActor();
  let flagged = 0;
  for (;;) {
    const due = await listNewlyOverdue(ctx.db, at, BATCH);
    if (due.length === 0) break;
    for (const candidate of due) {
      const recipients = await recipientsOf(ctx, candidate, admins);
      const won = await ctx.db.transaction(async (tx) => {
        if (!(await flagOverdue(tx, candidate.id, at))) return false;
        const t = (await findTicket(tx, candidate.id)) ?? candidate;
        await ctx.audit.record(tx, actor, {
          action: 'ticket.escalated',
          entityType: 'ticket',
          entityId: t.id,
          partnerId: t.partnerId,
          after: {
            dueAt: t.dueAt.toISOString(),
            overdueAt: at.toISOString(),
            notified: recipients.map((u) => u.id),
          },
        });
        const partnerName = await partnerNameOf(ctx, tx, t);
        for (const u of recipients) {
          await notifyUser(
            ctx,
            tx,
            u,
            'tickets.overdue',
            t,
            { partnerName, dueAt: formatBeijing(t.dueAt) },
            `ticket:${t.id}:overdue:${t.slaStartedAt.getTime()}:${u.id}`,
          );
        }
        return true;
      });
      if (won) flagged++;
    }
    if (due.length < BATCH) break;
  }
  return flagged;
}
