import { bigint, index, integer, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { ts } from './common.ts';
import { partners } from './partners.ts';

/**
 * R21: a marketplace (KooGallery) product bill or a procurement bill of a partner, countersigned by
 * a chain of approvers before the partner is told to invoice it. A returned bill is corrected by
 * sending it again (same kind and external id): a new round of the chain starts.
 */
export const countersignBills = pgTable(
  'countersign_bills',
  {
    id: text('id').primaryKey(),
    partnerId: text('partner_id')
      .notNull()
      .references(() => partners.id),
    /** `marketplace` | `procurement`. */
    kind: text('kind').notNull(),
    externalId: text('external_id').notNull(),
    title: text('title').notNull(),
    /** `YYYY-MM` of the billed month (Asia/Shanghai). */
    period: text('period').notNull(),
    /** `[{ description, quantity, amountFen }]`; amounts before tax. */
    lines: jsonb('lines').notNull(),
    totalFen: bigint('total_fen', { mode: 'number' }).notNull(),
    /** countersigning → completed | returned (→ countersigning again when resent). */
    status: text('status').notNull(),
    round: integer('round').notNull().default(1),
    currentStep: integer('current_step'),
    returnReason: text('return_reason'),
    noticeId: text('notice_id'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('countersign_bills_external_uq').on(t.kind, t.externalId),
    index('countersign_bills_partner_idx').on(t.partnerId, t.createdAt),
    index('countersign_bills_status_idx').on(t.status, t.createdAt),
  ],
);

/** The approver chain of a bill kind, in order; operators change it in the console. */
export const countersignChains = pgTable('countersign_chains', {
  kind: text('kind').primaryKey(),
  /** `[{ approver: 'partner' | <operator role>, label: { 'zh-CN', 'en-US' } }]`. */
  steps: jsonb('steps').notNull(),
  updatedBy: text('updated_by'),
  updatedAt: ts('updated_at').notNull(),
});

/** One approver's step of one round: waiting → pending (its turn, with a due time) → approved | returned. */
export const countersignSteps = pgTable(
  'countersign_steps',
  {
    id: text('id').primaryKey(),
    billId: text('bill_id')
      .notNull()
      .references(() => countersignBills.id),
    round: integer('round').notNull(),
    seq: integer('seq').notNull(),
    approver: text('approver').notNull(),
    label: jsonb('label').notNull(),
    status: text('status').notNull(),
    dueAt: ts('due_at'),
    escalatedAt: ts('escalated_at'),
    actedBy: text('acted_by'),
    actedAt: ts('acted_at'),
    reason: text('reason'),
  },
  (t) => [
    uniqueIndex('countersign_steps_uq').on(t.billId, t.round, t.seq),
    index('countersign_steps_due_idx').on(t.status, t.dueAt),
  ],
);
