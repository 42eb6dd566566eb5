import { index, integer, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { ts } from './common.ts';
import { partners } from './partners.ts';

/**
 * R3/R10: one row per partner per stage (`qualification`, `business`). The row moves through
 * draft → submitted → under_review → approved | rejected, and back to submitted on resubmission;
 * every decision is also kept in `certification_reviews`.
 */
export const certificationSubmissions = pgTable(
  'certification_submissions',
  {
    id: text('id').primaryKey(),
    partnerId: text('partner_id')
      .notNull()
      .references(() => partners.id),
    stage: text('stage').notNull(),
    status: text('status').notNull(),
    /** The form without secrets (the bank account number lives only encrypted below). */
    data: jsonb('data').notNull(),
    /** AES-256-GCM, `v1.<iv>.<tag>.<ciphertext>` in base64url; business stage only. */
    bankAccountEnc: text('bank_account_enc'),
    bankAccountLast4: text('bank_account_last4'),
    /** Denormalised for queue filters and later modules (R14 invoice amounts). */
    taxpayerStatus: text('taxpayer_status'),
    companyName: text('company_name'),
    /** Bumped on every transition: optimistic checks and notification keys. */
    version: integer('version').notNull().default(1),
    submittedAt: ts('submitted_at'),
    claimedBy: text('claimed_by'),
    claimedAt: ts('claimed_at'),
    decidedBy: text('decided_by'),
    decidedAt: ts('decided_at'),
    rejectionReason: text('rejection_reason'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('certification_partner_stage_uq').on(t.partnerId, t.stage),
    index('certification_queue_idx').on(t.status, t.submittedAt),
  ],
);

/** Each review decision (approved / rejected with its reason), for the history shown to both sides. */
export const certificationReviews = pgTable(
  'certification_reviews',
  {
    id: text('id').primaryKey(),
    submissionId: text('submission_id')
      .notNull()
      .references(() => certificationSubmissions.id),
    decision: text('decision').notNull(),
    reason: text('reason'),
    reviewerId: text('reviewer_id'),
    at: ts('at').notNull(),
  },
  (t) => [index('certification_reviews_submission_idx').on(t.submissionId, t.at)],
);
