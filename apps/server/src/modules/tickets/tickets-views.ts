import type { DbOrTx } from '@pc/db';
import type { AppContext } from '../../platform/context.ts';
import { usersByIds } from '../identity/users.service.ts';
import { getPartner } from '../partners/partners.service.ts';
import type { ReplyRow, TicketRow } from './tickets.repository.ts';
import type { TicketDetail, TicketView } from './tickets.schemas.ts';

type Lookup = { users: Map<string, string>; partners: Map<string, string> };

/** Names of the people and partners a page of tickets mentions, in two queries at most. */
async function lookupNames(
  ctx: AppContext,
  db: DbOrTx,
  tickets: readonly TicketRow[],
  replies: readonly ReplyRow[] = [],
): Promise<Lookup> {
  const ids = [
    ...tickets.flatMap((t) => [t.openedBy, t.assigneeId ?? '']),
    ...replies.map((r) => r.authorId),
  ].filter(Boolean);
  const users = new Map((await usersByIds(ctx, ids, db)).map((u) => [u.id, u.name]));
  const partners = new Map<string, string>();
  for (const pid of new Set(tickets.map((t) => t.partnerId))) {
    partners.set(pid, (await getPartner(ctx, pid, db))?.name ?? pid);
  }
  return { users, partners };
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

export function isLate(t: TicketRow, now: Date): boolean {
  return (t.status === 'open' || t.status === 'pending') && t.dueAt.getTime() <= now.getTime();
}

function toView(t: TicketRow, names: Lookup, now: Date): TicketView {
  const person = (id: string) => ({ id, name: names.users.get(id) ?? '' });
  return {
    id: t.id,
    partnerId: t.partnerId,
    partnerName: names.partners.get(t.partnerId) ?? '',
    category: t.category as TicketView['category'],
    subject: t.subject,
    description: t.description,
    subjectType: (t.subjectType as TicketView['subjectType']) ?? null,
    subjectId: t.subjectId,
    status: t.status as TicketView['status'],
    openedBy: person(t.openedBy),
    assignee: t.assigneeId ? person(t.assigneeId) : null,
    dueAt: t.dueAt.toISOString(),
    overdue: t.overdueAt !== null || isLate(t, now),
    escalatedAt: iso(t.escalatedAt),
    resolvedAt: iso(t.resolvedAt),
    closedAt: iso(t.closedAt),
    lastReplyAt: t.lastReplyAt.toISOString(),
    createdAt: t.createdAt.toISOString(),
  };
}

export async function ticketViews(ctx: AppContext, rows: readonly TicketRow[]): Promise<TicketView[]> {
  const names = await lookupNames(ctx, ctx.db, rows);
  const now = ctx.clock.now();
  return rows.map((r) => toView(r, names, now));
}

export async function ticketDetailOf(
  ctx: AppContext,
  db: DbOrTx,
  t: TicketRow,
  replies: readonly ReplyRow[],
): Promise<TicketDetail> {
  const names = await lookupNames(ctx, db, [t], replies);
  return {
    ...toView(t, names, ctx.clock.now()),
    replies: replies.map((r) => ({
      id: r.id,
      authorType: r.authorType === 'operator' ? ('operator' as const) : ('partner' as const),
      author: { id: r.authorId, name: names.users.get(r.authorId) ?? '' },
      kind: r.kind as TicketDetail['replies'][number]['kind'],
      body: r.body,
      createdAt: r.createdAt.toISOString(),
    })),
  };
}
