import { sql } from 'drizzle-orm';
import { index, integer, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { ts } from './common.ts';
import { users } from './identity.ts';

/**
 * Invitations of operators by an operator administrator (issue #13). The link in the email carries
 * a signed token; only its SHA-256 is stored, and a resend replaces it (the old link stops working).
 */
export const operatorInvitations = pgTable(
  'operator_invitations',
  {
    id: text('id').primaryKey(),
    email: text('email').notNull(),
    /** How the administrator addressed the invitee; the invitee sets the name on acceptance. */
    name: text('name'),
    /** Operator roles the new operator gets. */
    roles: text('roles').array().notNull(),
    locale: text('locale').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    /** `pending` | `accepted` | `revoked` (a pending row past `expires_at` reads as expired). */
    status: text('status').notNull(),
    invitedBy: text('invited_by')
      .notNull()
      .references(() => users.id),
    /** How many times the email was written (1 on invite, +1 per resend). */
    sendCount: integer('send_count').notNull().default(1),
    createdAt: ts('created_at').notNull(),
    sentAt: ts('sent_at').notNull(),
    expiresAt: ts('expires_at').notNull(),
    acceptedAt: ts('accepted_at'),
    acceptedUserId: text('accepted_user_id').references(() => users.id),
    revokedAt: ts('revoked_at'),
    revokedBy: text('revoked_by').references(() => users.id),
  },
  (t) => [
    // One open invitation per address: inviting again resends it instead of duplicating.
    uniqueIndex('operator_invitations_pending_uq')
      .on(sql`lower(${t.email})`)
      .where(sql`${t.status} = 'pending'`),
    index('operator_invitations_created_idx').on(t.createdAt),
  ],
);
