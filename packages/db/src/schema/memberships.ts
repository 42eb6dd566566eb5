import { sql } from 'drizzle-orm';
import { bigint, index, integer, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { ts } from './common.ts';
import { users } from './identity.ts';
import { partners } from './partners.ts';

/** R2: a partner's membership of one program; a partner may hold several at once. */
export const memberships = pgTable(
  'memberships',
  {
    id: text('id').primaryKey(),
    partnerId: text('partner_id')
      .notNull()
      .references(() => partners.id),
    program: text('program').notNull(),
    /** `active` | `ended` (exit, upgrade). Ended rows stay as history. */
    status: text('status').notNull(),
    /** What granted it: `application`, `invitation`, `operator`, `demo`. */
    source: text('source').notNull(),
    sourceId: text('source_id'),
    startedAt: ts('started_at').notNull(),
    endedAt: ts('ended_at'),
  },
  (t) => [
    uniqueIndex('memberships_active_uq').on(t.partnerId, t.program).where(sql`status = 'active'`),
    index('memberships_partner_idx').on(t.partnerId),
  ],
);

/**
 * A request to join a program, reviewed by operators. `kind`: `join`, `assc` (Authorized Sales
 * Support Center, needs the performance threshold) or `upgrade` (to distributor, needs ASSC).
 * Status: `submitted` → `approved` | `rejected` | `withdrawn`.
 */
export const membershipApplications = pgTable(
  'membership_applications',
  {
    id: text('id').primaryKey(),
    partnerId: text('partner_id')
      .notNull()
      .references(() => partners.id),
    program: text('program').notNull(),
    kind: text('kind').notNull(),
    status: text('status').notNull(),
    note: text('note').notNull().default(''),
    submittedBy: text('submitted_by').references(() => users.id),
    /** The performance that made it eligible (ASSC): year and amount in fen. */
    performanceYear: integer('performance_year'),
    performanceFen: bigint('performance_fen', { mode: 'number' }),
    reviewerId: text('reviewer_id').references(() => users.id),
    reviewReason: text('review_reason'),
    reviewedAt: ts('reviewed_at'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('membership_applications_open_uq')
      .on(t.partnerId, t.program)
      .where(sql`status = 'submitted'`),
    index('membership_applications_status_idx').on(t.status, t.createdAt),
    index('membership_applications_partner_idx').on(t.partnerId),
  ],
);

/** R2: a cloud reseller under its distributor. At most one active link per reseller. */
export const resellerLinks = pgTable(
  'reseller_links',
  {
    id: text('id').primaryKey(),
    distributorId: text('distributor_id')
      .notNull()
      .references(() => partners.id),
    resellerId: text('reseller_id')
      .notNull()
      .references(() => partners.id),
    /** `active` | `ended`. */
    status: text('status').notNull(),
    invitationId: text('invitation_id'),
    startedAt: ts('started_at').notNull(),
    endedAt: ts('ended_at'),
    /** `exit` (reseller left), `upgrade` (became a distributor). */
    endReason: text('end_reason'),
  },
  (t) => [
    uniqueIndex('reseller_links_active_uq').on(t.resellerId).where(sql`status = 'active'`),
    index('reseller_links_distributor_idx').on(t.distributorId, t.status),
  ],
);

/**
 * A distributor's invitation to a registered partner (addressed by its administrator's email).
 * Status: `pending` → `accepted` | `declined` | `revoked` | `expired`.
 */
export const resellerInvitations = pgTable(
  'reseller_invitations',
  {
    id: text('id').primaryKey(),
    distributorId: text('distributor_id')
      .notNull()
      .references(() => partners.id),
    resellerId: text('reseller_id')
      .notNull()
      .references(() => partners.id),
    email: text('email').notNull(),
    message: text('message').notNull().default(''),
    status: text('status').notNull(),
    invitedBy: text('invited_by').references(() => users.id),
    expiresAt: ts('expires_at').notNull(),
    respondedAt: ts('responded_at'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('reseller_invitations_pending_uq')
      .on(t.distributorId, t.resellerId)
      .where(sql`status = 'pending'`),
    index('reseller_invitations_reseller_idx').on(t.resellerId, t.status),
    index('reseller_invitations_expiry_idx').on(t.status, t.expiresAt),
  ],
);

/** R5: performance per partner per calendar year (Asia/Shanghai), in fen. */
export const annualPerformance = pgTable(
  'annual_performance',
  {
    partnerId: text('partner_id')
      .notNull()
      .references(() => partners.id),
    year: integer('year').notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    /** Last writer: `operator`, `import`, `spend`, `demo`. */
    source: text('source').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.partnerId, t.year] })],
);

/** The partner's ecosystem manager (an operator), shown to the partner as its contact. */
export const ecosystemManagers = pgTable('ecosystem_managers', {
  partnerId: text('partner_id')
    .primaryKey()
    .references(() => partners.id),
  managerId: text('manager_id')
    .notNull()
    .references(() => users.id),
  assignedAt: ts('assigned_at').notNull(),
});
