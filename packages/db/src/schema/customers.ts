import { sql } from 'drizzle-orm';
import { bigint, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { ts } from './common.ts';
import { partners } from './partners.ts';

/**
 * A customer account of the provider (R6, R18). `domainId` is the account id the partner API speaks of
 * (`customer_id` / `domain_id`); `domainName` the account name.
 */
export const customers = pgTable(
  'customers',
  {
    id: text('id').primaryKey(),
    domainId: text('domain_id').notNull().unique(),
    domainName: text('domain_name').notNull(),
    /** Display name of the customer (person or company); the API's `customer`. */
    name: text('name').notNull(),
    email: text('email'),
    phone: text('phone'),
    /** `individual` | `enterprise`. */
    customerType: text('customer_type').notNull().default('individual'),
    /** `unverified` | `verified` (real-name verification). */
    verifiedStatus: text('verified_status').notNull().default('unverified'),
    /** The sign-in account of the customer, when it has one (users.customer_id points back). */
    userId: text('user_id'),
    /** The partner platform's user, when the customer came through the partner API or a redirect. */
    xaccountType: text('xaccount_type'),
    xaccountId: text('xaccount_id'),
    /** The partner that created the customer through the API or a redirect (scope of xaccount ids). */
    createdByPartnerId: text('created_by_partner_id').references(() => partners.id),
    /** `api` | `redirect` | `self` (signed up alone) | `demo`. */
    origin: text('origin').notNull().default('self'),
    /** `active` | `frozen`. */
    status: text('status').notNull().default('active'),
    /** `ACCOUNT` | `ACCOUNT_AND_RESOURCE` while frozen. */
    freezeType: text('freeze_type'),
    frozenReason: text('frozen_reason'),
    frozenAt: ts('frozen_at'),
    /** Set while new purchases and renewals are blocked (budget restriction at 100 %, R13). */
    purchaseRestrictedAt: ts('purchase_restricted_at'),
    /** Last unbind or association-type switch; at most one per 3 months (R6). */
    lastAssociationChangeAt: ts('last_association_change_at'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('customers_domain_name_uq').on(sql`lower(${t.domainName})`),
    uniqueIndex('customers_xaccount_uq')
      .on(t.createdByPartnerId, t.xaccountType, t.xaccountId)
      .where(sql`xaccount_id is not null`),
    index('customers_email_idx').on(sql`lower(${t.email})`),
    index('customers_phone_idx').on(t.phone),
  ],
);

/**
 * R6: a customer's association with a partner, `referral` (1) or `resale` (2). One active row per
 * customer; ended rows are the history.
 */
export const customerAssociations = pgTable(
  'customer_associations',
  {
    id: text('id').primaryKey(),
    customerId: text('customer_id')
      .notNull()
      .references(() => customers.id),
    partnerId: text('partner_id')
      .notNull()
      .references(() => partners.id),
    /** `referral` | `resale`. */
    type: text('type').notNull(),
    /** `active` | `ended`. */
    status: text('status').notNull(),
    /** `invitation` | `application` | `api` | `redirect` | `demo`. */
    source: text('source').notNull(),
    /** The partner's own label for the customer (the API's `label`). */
    label: text('label'),
    startedAt: ts('started_at').notNull(),
    endedAt: ts('ended_at'),
    /** `unbind` | `switch_type` | `rebind`. */
    endReason: text('end_reason'),
  },
  (t) => [
    uniqueIndex('customer_associations_active_uq').on(t.customerId).where(sql`status = 'active'`),
    index('customer_associations_partner_idx').on(t.partnerId, t.status, t.startedAt, t.id),
  ],
);

/**
 * How many associations each partner has per status, kept by statement-level triggers on
 * `customer_associations` (migration 0019) in the transaction that writes them, so the partner API's
 * exact `count` reads one row instead of counting the partner's customers on every page (as
 * `resource_counts` does for resources, ADR 0010). Only written by the triggers.
 */
export const partnerCustomerCounts = pgTable(
  'partner_customer_counts',
  {
    partnerId: text('partner_id').notNull(),
    status: text('status').notNull(),
    n: bigint('n', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.partnerId, t.status] })],
);

/**
 * R6: a pending association. `invitation`: the partner invited an email address (link with token).
 * `application`: the customer applied from its account page. Status: `pending` → `accepted` |
 * `declined` | `revoked` | `expired`.
 */
export const associationRequests = pgTable(
  'association_requests',
  {
    id: text('id').primaryKey(),
    direction: text('direction').notNull(),
    partnerId: text('partner_id')
      .notNull()
      .references(() => partners.id),
    customerId: text('customer_id').references(() => customers.id),
    email: text('email'),
    type: text('type').notNull(),
    status: text('status').notNull(),
    /** SHA-256 of the invitation link's token. */
    tokenHash: text('token_hash').unique(),
    createdBy: text('created_by'),
    createdAt: ts('created_at').notNull(),
    expiresAt: ts('expires_at'),
    decidedAt: ts('decided_at'),
    decidedBy: text('decided_by'),
  },
  (t) => [
    index('association_requests_partner_idx').on(t.partnerId, t.status, t.createdAt),
    index('association_requests_customer_idx').on(t.customerId, t.status),
    uniqueIndex('association_requests_pending_uq')
      .on(t.partnerId, t.customerId)
      .where(sql`status = 'pending' and customer_id is not null`),
  ],
);

/**
 * Issue 14: a partner's bulk freeze or unfreeze of its customers, kept by its request key so a
 * repeated submission (a double click, a retry) answers with the first one's results instead of
 * acting again. `results`: `{ succeeded: string[], errors: [{ id, code, message }] }`.
 */
export const customerBulkActions = pgTable(
  'customer_bulk_actions',
  {
    id: text('id').primaryKey(),
    partnerId: text('partner_id')
      .notNull()
      .references(() => partners.id),
    requestKey: text('request_key').notNull(),
    /** `freeze` | `unfreeze`. */
    action: text('action').notNull(),
    freezeType: text('freeze_type'),
    reason: text('reason').notNull(),
    customerCount: integer('customer_count').notNull(),
    results: jsonb('results'),
    createdBy: text('created_by'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [uniqueIndex('customer_bulk_actions_key_uq').on(t.partnerId, t.requestKey)],
);
