import { sql } from 'drizzle-orm';
import { index, integer, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { ts } from './common.ts';
import { partners } from './partners.ts';

/**
 * Everyone who signs in: partner users (role administrator / member) and operators
 * (roles ecosystem_manager, reviewer, finance, support, admin).
 */
export const users = pgTable(
  'users',
  {
    id: text('id').primaryKey(),
    /** `partner`, `operator` or `customer`. */
    userType: text('user_type').notNull(),
    partnerId: text('partner_id').references(() => partners.id),
    /** Customer users: their customer account (customers.id). */
    customerId: text('customer_id'),
    /** Partner users: `admin` | `member`. Operators: any of the operator roles. */
    roles: text('roles').array().notNull().default(sql`'{}'::text[]`),
    email: text('email').notNull(),
    phone: text('phone'),
    name: text('name').notNull(),
    passwordHash: text('password_hash'),
    /** R8: `local` (edited here) or `federated` (profile managed by the central identity provider). */
    accountKind: text('account_kind').notNull().default('local'),
    /** R1: site the account was registered on: `cn` or `intl`. */
    site: text('site').notNull().default('cn'),
    locale: text('locale').notNull().default('zh-CN'),
    /** The IANA zone the web shows times in; null: Asia/Shanghai (the business's clock). */
    timeZone: text('time_zone'),
    status: text('status').notNull().default('active'),
    emailVerifiedAt: ts('email_verified_at'),
    siteBannerDismissedAt: ts('site_banner_dismissed_at'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('users_email_uq').on(sql`lower(${t.email})`),
    uniqueIndex('users_phone_uq').on(t.phone),
    index('users_partner_idx').on(t.partnerId),
    index('users_customer_idx').on(t.customerId),
  ],
);

/** Cookie sessions; only the SHA-256 of the token is stored. */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    tokenHash: text('token_hash').notNull().unique(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: ts('created_at').notNull(),
    expiresAt: ts('expires_at').notNull(),
    lastSeenAt: ts('last_seen_at').notNull(),
    revokedAt: ts('revoked_at'),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** One-time codes for email confirmation and contact changes (R9); only a hash is stored. */
export const verificationCodes = pgTable(
  'verification_codes',
  {
    id: text('id').primaryKey(),
    userId: text('user_id').references(() => users.id),
    purpose: text('purpose').notNull(),
    channel: text('channel').notNull(),
    target: text('target').notNull(),
    codeHash: text('code_hash').notNull(),
    /** Set for the two codes of a contact change. */
    changeId: text('change_id'),
    attempts: integer('attempts').notNull().default(0),
    createdAt: ts('created_at').notNull(),
    expiresAt: ts('expires_at').notNull(),
    consumedAt: ts('consumed_at'),
  },
  (t) => [
    index('verification_codes_target_idx').on(t.target, t.purpose, t.createdAt),
    index('verification_codes_change_idx').on(t.changeId),
  ],
);

/** R9: a pending phone/email change, confirmed by one code to the old contact and one to the new. */
export const contactChanges = pgTable(
  'contact_changes',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    /** `email` | `phone`. */
    kind: text('kind').notNull(),
    newValue: text('new_value').notNull(),
    oldTarget: text('old_target').notNull(),
    createdAt: ts('created_at').notNull(),
    expiresAt: ts('expires_at').notNull(),
    completedAt: ts('completed_at'),
  },
  (t) => [index('contact_changes_user_idx').on(t.userId, t.createdAt)],
);

/** Failed sign-ins, for throttling by account identifier and by address. */
export const signInAttempts = pgTable(
  'sign_in_attempts',
  {
    id: text('id').primaryKey(),
    identifier: text('identifier').notNull(),
    ip: text('ip'),
    /** Where the attempt came from: `device:<id>` for a browser that signed in to this account before, else `ip:<address>`. */
    source: text('source'),
    at: ts('at').notNull(),
  },
  (t) => [
    index('sign_in_attempts_identifier_idx').on(t.identifier, t.at),
    index('sign_in_attempts_ip_idx').on(t.ip, t.at),
    index('sign_in_attempts_source_idx').on(t.identifier, t.source, t.at),
  ],
);
