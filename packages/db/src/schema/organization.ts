import { sql } from 'drizzle-orm';
import { date, index, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { ts } from './common.ts';
import { users } from './identity.ts';
import { partners } from './partners.ts';

/**
 * R12: an administrator invites a person by email to become a user of the partner. Status:
 * `pending` → `accepted` | `revoked` | `expired` (set by the expiry job; a pending row past
 * `expires_at` is shown as expired at once). Only the SHA-256 of the link token is stored.
 */
export const memberInvitations = pgTable(
  'member_invitations',
  {
    id: text('id').primaryKey(),
    partnerId: text('partner_id')
      .notNull()
      .references(() => partners.id),
    email: text('email').notNull(),
    /** How the administrator addressed the invitee; the invitee may change it on acceptance. */
    name: text('name'),
    /** Partner roles the new user gets: `admin` | `member`, optionally `project_specialist`. */
    roles: text('roles').array().notNull(),
    locale: text('locale').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    status: text('status').notNull(),
    invitedBy: text('invited_by')
      .notNull()
      .references(() => users.id),
    createdAt: ts('created_at').notNull(),
    expiresAt: ts('expires_at').notNull(),
    acceptedAt: ts('accepted_at'),
    acceptedUserId: text('accepted_user_id').references(() => users.id),
    revokedAt: ts('revoked_at'),
    revokedBy: text('revoked_by').references(() => users.id),
    expiredAt: ts('expired_at'),
  },
  (t) => [
    index('member_invitations_partner_idx').on(t.partnerId, t.createdAt),
    // One open invitation per address and company: a second one is refused, not duplicated.
    uniqueIndex('member_invitations_pending_uq')
      .on(t.partnerId, sql`lower(${t.email})`)
      .where(sql`${t.status} = 'pending'`),
    index('member_invitations_due_idx').on(t.status, t.expiresAt),
  ],
);

/** R12: a member's employment with the partner; one row per partner user, made on first save. */
export const memberProfiles = pgTable(
  'member_profiles',
  {
    userId: text('user_id')
      .primaryKey()
      .references(() => users.id),
    partnerId: text('partner_id')
      .notNull()
      .references(() => partners.id),
    jobTitle: text('job_title'),
    department: text('department'),
    employeeNo: text('employee_no'),
    /** First day with the partner (calendar date). */
    employedSince: date('employed_since', { mode: 'string' }),
    /** Last time the member changed anything in their qualifications; the reminder shows it. */
    qualificationsUpdatedAt: ts('qualifications_updated_at'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [index('member_profiles_partner_idx').on(t.partnerId)],
);

/**
 * R12: one qualification record of a member: `certificate` (issuer, number, issued/expiry dates),
 * `training` (provider, completion date) or `project` (customer, role, start/end dates).
 */
export const memberQualifications = pgTable(
  'member_qualifications',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    partnerId: text('partner_id')
      .notNull()
      .references(() => partners.id),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    /** Certificate issuer, training provider or project customer. */
    organization: text('organization'),
    /** Certificate number, training hours/credential or the member's role in the project. */
    reference: text('reference'),
    startsOn: date('starts_on', { mode: 'string' }),
    /** Certificate expiry (required for certificates), training completion, project end. */
    endsOn: date('ends_on', { mode: 'string' }),
    description: text('description'),
    /** The expiry date the 30-day warning was sent for; a new expiry date warns again. */
    expiryWarnedFor: date('expiry_warned_for', { mode: 'string' }),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    index('member_qualifications_user_idx').on(t.userId, t.kind),
    index('member_qualifications_partner_idx').on(t.partnerId, t.kind),
    index('member_qualifications_expiry_idx').on(t.kind, t.endsOn),
  ],
);
