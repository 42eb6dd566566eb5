import { date, index, integer, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { ts } from './common.ts';
import { partners } from './partners.ts';

/**
 * R7: the partner certificate, one per partner. Issued when the qualification stage is approved,
 * valid to 31 January of the following year (Asia/Shanghai), extended a year by each passed annual
 * review, expired on 1 February when not renewed. Re-issued (same row) after a new qualification.
 */
export const partnerCertificates = pgTable(
  'partner_certificates',
  {
    id: text('id').primaryKey(),
    partnerId: text('partner_id')
      .notNull()
      .references(() => partners.id),
    /** Printed on the certificate, e.g. `PC-2026-7K3M9Q2D`. */
    number: text('number').notNull().unique(),
    /** `active` | `expired`. */
    status: text('status').notNull(),
    issuedAt: ts('issued_at').notNull(),
    /** The last valid day (a calendar date in Asia/Shanghai), always a 31 January. */
    validUntil: date('valid_until', { mode: 'string' }).notNull(),
    renewedAt: ts('renewed_at'),
    expiredAt: ts('expired_at'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('partner_certificates_partner_uq').on(t.partnerId),
    index('partner_certificates_status_idx').on(t.status, t.validUntil),
  ],
);

/**
 * One annual review of a certificate, opened on 1 December of `cycleYear`. Status:
 * `open` (awaiting materials) → `submitted` → `approved` | `rejected` (→ `submitted` again before
 * the deadline); `lapsed` when the certificate expired without approval.
 */
export const certificateReviews = pgTable(
  'certificate_reviews',
  {
    id: text('id').primaryKey(),
    certificateId: text('certificate_id')
      .notNull()
      .references(() => partnerCertificates.id),
    partnerId: text('partner_id')
      .notNull()
      .references(() => partners.id),
    cycleYear: integer('cycle_year').notNull(),
    status: text('status').notNull(),
    /** The last instant materials are accepted. */
    deadline: ts('deadline').notNull(),
    /** The validity being reviewed (31 January after the cycle) and the one approval grants. */
    currentValidUntil: date('current_valid_until', { mode: 'string' }).notNull(),
    /** The latest submission: `{ summary, certifiedStaff, customerCases, contactName, contactPhone, documentUrls }`. */
    materials: jsonb('materials'),
    submissions: integer('submissions').notNull().default(0),
    submittedAt: ts('submitted_at'),
    submittedBy: text('submitted_by'),
    reviewedAt: ts('reviewed_at'),
    reviewedBy: text('reviewed_by'),
    rejectReason: text('reject_reason'),
    openedAt: ts('opened_at').notNull(),
    closedAt: ts('closed_at'),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('certificate_reviews_cycle_uq').on(t.certificateId, t.cycleYear),
    index('certificate_reviews_status_idx').on(t.status, t.cycleYear),
    index('certificate_reviews_partner_idx').on(t.partnerId),
  ],
);
