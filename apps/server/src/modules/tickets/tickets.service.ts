import './tickets.errors.ts';
import type { DbOrTx } from '@pc/db';
import { BUSINESS_TZ } from '../../platform/clock/clock.ts';
import type { Actor, AppContext, Channel } from '../../platform/context.ts';
import { decodeCursor, encodeCursor } from '../../platform/db/cursor.ts';
import { AppError } from '../../platform/errors/errors.ts';
import { parseLocale } from '../../platform/i18n/i18n.ts';
import { newId } from '../../platform/ids/ids.ts';
import { stageView } from '../certification/certification.service.ts';
import type { UserRow } from '../identity/users.service.ts';
import { getPartner } from '../partners/partners.service.ts';
import { dueTimeFrom } from './calendar.service.ts';
import {
  findTicket,
  insertReply,
  insertTicket,
  listReplies,
  listTickets,
  type TicketFilter,
  type TicketRow,
  updateTicketFrom,
} from './tickets.repository.ts';
import type { OpenTicketInput, TicketDetail, TicketStatus, TicketView } from './tickets.schemas.ts';
import { ticketDetailOf, ticketViews } from './tickets-views.ts';

/** Beijing wall-clock time for message text, e.g. `2026-03-11 16:45`. */
export function formatBeijing(at: Date): string {
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone: BUSINESS_TZ,
    dateStyle: 'short',
    timeStyle: 'short',
  }).format(at);
}

/** Email and in-app message to one user in their language. */
export async function notifyUser(
  ctx: AppContext,
  tx: DbOrTx,
  user: Pick<UserRow, 'id' | 'email' | 'name' | 'locale' | 'partnerId'>,
  template: string,
  t: TicketRow,
  data: Record<string, unknown>,
  key: string,
  channels: readonly Channel[] = ['email', 'in_app'],
): Promise<void> {
  await ctx.notifier.notify(tx, {
    template,
    locale: parseLocale(user.locale) ?? 'zh-CN',
    to: { userId: user.id, email: user.email, partnerId: user.partnerId },
    channels,
    data: { name: user.name, ticketId: t.id, subject: t.subject, ...data },
    idempotencyKey: key,
  });
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** One page of tickets with the filter; `nextCursor` continues it. */
export async function pageTickets(
  ctx: AppContext,
  filter: Omit<TicketFilter, 'before' | 'limit' | 'now'>,
  q: { limit: number; cursor?: string },
): Promise<Page<TicketView>> {
  const before = q.cursor ? decodeCursor(q.cursor) : undefined;
  const rows = await listTickets(ctx.db, { ...filter, before, limit: q.limit + 1, now: ctx.clock.now() });
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return {
    items: await ticketViews(ctx, page),
    nextCursor: rows.length > q.limit && last ? encodeCursor({ at: last.createdAt, id: last.id }) : null,
  };
}

/** The ticket, or not found; a partner asking for another partner's ticket gets not found too. */
export async function loadTicket(db: DbOrTx, id: string, partnerId?: string): Promise<TicketRow> {
  const t = await findTicket(db, id);
  if (!t || (partnerId !== undefined && t.partnerId !== partnerId)) throw new AppError('tickets.not_found');
  return t;
}

export async function ticketDetail(ctx: AppContext, id: string, partnerId?: string): Promise<TicketDetail> {
  const t = await loadTicket(ctx.db, id, partnerId);
  return ticketDetailOf(ctx, ctx.db, t, await listReplies(ctx.db, t.id));
}

/**
 * A ticket may only point at the partner's own things. Certification submissions are checked here;
 * other kinds are kept as references (their modules expose no lookup yet).
 */
async function assertSubjectOwned(tx: DbOrTx, partnerId: string, input: OpenTicketInput): Promise<void> {
  if (input.subjectType !== 'certification_submission') return;
  const ids = [
    (await stageView(tx, partnerId, 'qualification')).id,
    (await stageView(tx, partnerId, 'business')).id,
  ];
  if (!input.subjectId || !ids.includes(input.subjectId)) throw new AppError('tickets.subject_not_found');
}

/** A partner user opens a ticket; the 3-working-day clock starts now. */
export async function openTicket(
  ctx: AppContext,
  actor: Actor & { id: string; partnerId: string },
  input: OpenTicketInput,
): Promise<TicketDetail> {
  return ctx.db.transaction(async (tx) => {
    await assertSubjectOwned(tx, actor.partnerId, input);
    const now = ctx.clock.now();
    const t = await insertTicket(tx, {
      id: newId('tkt', now.getTime()),
      partnerId: actor.partnerId,
      openedBy: actor.id,
      category: input.category,
      subject: input.subject,
      description: input.description,
      subjectType: input.subjectType ?? null,
      subjectId: input.subjectId ?? null,
      status: 'open',
      assigneeId: null,
      slaStartedAt: now,
      dueAt: await dueTimeFrom(tx, now),
      lastReplyAt: now,
      createdAt: now,
      updatedAt: now,
    });
    await ctx.audit.record(tx, actor, {
      action: 'ticket.opened',
      entityType: 'ticket',
      entityId: t.id,
      partnerId: t.partnerId,
      after: {
        category: t.category,
        subject: t.subject,
        subjectType: t.subjectType,
        subjectId: t.subjectId,
        dueAt: t.dueAt.toISOString(),
      },
    });
    return ticketDetailOf(ctx, tx, t, []);
  });
}

type Transition = {
  from: readonly TicketStatus[];
  /** The error when the ticket is in none of `from`. */
  refuse: (status: string) => AppError;
};

/**
 * Moves a ticket with a conditional update, so of two concurrent moves exactly one wins and the
 * other gets the coded refusal with nothing changed.
 */
export async function transition(
  tx: DbOrTx,
  t: TicketRow,
  rule: Transition,
  patch: Partial<TicketRow>,
): Promise<TicketRow> {
  if (!rule.from.includes(t.status as TicketStatus)) throw rule.refuse(t.status);
  const updated = await updateTicketFrom(tx, t.id, rule.from, patch);
  if (!updated) {
    const now = await findTicket(tx, t.id);
    throw rule.refuse(now?.status ?? t.status);
  }
  return updated;
}

export const refuseReply = (status: string) =>
  new AppError(status === 'resolved' ? 'tickets.resolved_reply' : 'tickets.closed');

export async function addReply(
  tx: DbOrTx,
  t: TicketRow,
  author: { id: string; type: 'partner' | 'operator' },
  kind: 'reply' | 'resolution' | 'reopen',
  body: string,
  at: Date,
): Promise<void> {
  await insertReply(tx, {
    id: newId('tkr', at.getTime()),
    ticketId: t.id,
    authorId: author.id,
    authorType: author.type,
    kind,
    body,
    createdAt: at,
  });
}

export async function partnerNameOf(ctx: AppContext, tx: DbOrTx, t: TicketRow): Promise<string> {
  return (await getPartner(ctx, t.partnerId, tx))?.name ?? t.partnerId;
}
