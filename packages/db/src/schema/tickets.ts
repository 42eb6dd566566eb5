import { index, pgTable, text } from 'drizzle-orm/pg-core';
import { ts } from './common.ts';
import { users } from './identity.ts';
import { partners } from './partners.ts';

/**
 * Support tickets (R11). Status: `open` (waiting for support) → `pending` (support answered,
 * waiting for the partner) → `resolved` → `closed` (partner confirmed) or back to `open` (reopened).
 */
export const tickets = pgTable(
  'tickets',
  {
    id: text('id').primaryKey(),
    partnerId: text('partner_id')
      .notNull()
      .references(() => partners.id),
    openedBy: text('opened_by')
      .notNull()
      .references(() => users.id),
    category: text('category').notNull(),
    subject: text('subject').notNull(),
    description: text('description').notNull(),
    /** Optional link to what the ticket is about, e.g. `certification_submission` + its id. */
    subjectType: text('subject_type'),
    subjectId: text('subject_id'),
    status: text('status').notNull(),
    /** The operator handling it. */
    assigneeId: text('assignee_id').references(() => users.id),
    /** When the service-level clock started: opening, or the last reopening. */
    slaStartedAt: ts('sla_started_at').notNull(),
    /** 3 working days (Asia/Shanghai) from `slaStartedAt`. */
    dueAt: ts('due_at').notNull(),
    /** Set by the escalation job when the due time passed unresolved; cleared on reopening. */
    overdueAt: ts('overdue_at'),
    escalatedAt: ts('escalated_at'),
    resolvedAt: ts('resolved_at'),
    closedAt: ts('closed_at'),
    lastReplyAt: ts('last_reply_at').notNull(),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    index('tickets_partner_idx').on(t.partnerId, t.createdAt),
    index('tickets_status_due_idx').on(t.status, t.dueAt),
    index('tickets_created_idx').on(t.createdAt),
  ],
);

/** The thread of a ticket: the partner's and support's messages, oldest first. */
export const ticketReplies = pgTable(
  'ticket_replies',
  {
    id: text('id').primaryKey(),
    ticketId: text('ticket_id')
      .notNull()
      .references(() => tickets.id),
    authorId: text('author_id')
      .notNull()
      .references(() => users.id),
    /** `partner` or `operator`. */
    authorType: text('author_type').notNull(),
    /** `reply`, `resolution` or `reopen`: why the message was written. */
    kind: text('kind').notNull(),
    body: text('body').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('ticket_replies_ticket_idx').on(t.ticketId, t.createdAt)],
);

/**
 * The working-day calendar (Asia/Shanghai): public holidays (`holiday`) and adjusted working
 * weekend days (`workday`). Weekends are off unless listed here.
 */
export const holidayCalendar = pgTable('holiday_calendar', {
  /** `YYYY-MM-DD`. */
  date: text('date').primaryKey(),
  kind: text('kind').notNull(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  updatedAt: ts('updated_at').notNull(),
  updatedBy: text('updated_by'),
});
