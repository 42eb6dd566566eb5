import { bigint, index, integer, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { ts } from './common.ts';

/**
 * R19: a partner's application for payment of its confirmed incentives of one calendar quarter
 * (Asia/Shanghai). One per partner and quarter (the unique key makes concurrent duplicates one).
 * Status: `submitted` → `approved` | `returned`; a returned one may be submitted again.
 */
export const paymentApplications = pgTable(
  'payment_applications',
  {
    id: text('id').primaryKey(),
    partnerId: text('partner_id').notNull(),
    /** `2026-Q1`. */
    quarter: text('quarter').notNull(),
    status: text('status').notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    noticeCount: integer('notice_count').notNull(),
    submittedBy: text('submitted_by'),
    submittedAt: ts('submitted_at').notNull(),
    reviewedBy: text('reviewed_by'),
    reviewedAt: ts('reviewed_at'),
    returnReason: text('return_reason'),
    invoicingNoticeId: text('invoicing_notice_id'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('payment_applications_partner_quarter_uq').on(t.partnerId, t.quarter),
    index('payment_applications_status_idx').on(t.status, t.submittedAt),
  ],
);
