import { sql } from 'drizzle-orm';
import { bigint, index, integer, numeric, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { ts } from './common.ts';
import { customers } from './customers.ts';

/**
 * R15: a customer's cloud resource as the provider's order system reports it (yearly/monthly or
 * pay-per-use). `status` is the lifecycle state we keep: `in_use` → `grace` (expired, frozen but
 * kept for the retention period) → `released`; `unsubscribed` when a refund closed it. A freeze of
 * the customer (ACCOUNT_AND_RESOURCE or a budget restriction) freezes every resource on top of that.
 */
export const resources = pgTable(
  'resources',
  {
    id: text('id').primaryKey(),
    /** The provider's resource id (the API's `resource_id`); unique. */
    resourceId: text('resource_id').notNull().unique(),
    customerId: text('customer_id')
      .notNull()
      .references(() => customers.id),
    resourceName: text('resource_name').notNull(),
    serviceTypeCode: text('service_type_code').notNull(),
    resourceTypeCode: text('resource_type_code').notNull(),
    regionCode: text('region_code').notNull(),
    resourceSpecCode: text('resource_spec_code').notNull(),
    productSpecDesc: text('product_spec_desc').notNull().default(''),
    /**
     * Linear size of a linear product (a disk's GB, a bandwidth's Mbps) and its measure id (17 GB,
     * 15 Mbps, 14 count, the provider's codes); null for products sold by specification only.
     */
    specSize: numeric('spec_size', { mode: 'number' }),
    specSizeMeasureId: integer('spec_size_measure_id'),
    enterpriseProjectId: text('enterprise_project_id').notNull().default('0'),
    enterpriseProjectName: text('enterprise_project_name').notNull().default('default'),
    /** The main resource this one belongs to (a disk of a server), null for main resources. */
    parentResourceId: text('parent_resource_id'),
    /** `period` (yearly/monthly) | `on_demand` (pay-per-use). */
    chargingMode: text('charging_mode').notNull(),
    effectiveAt: ts('effective_at').notNull(),
    /** Null for pay-per-use resources. */
    expireAt: ts('expire_at'),
    /** 1 while auto-renewal is set. */
    autoRenew: integer('auto_renew').notNull().default(0),
    /** `month` | `year`: the period an auto-renewal buys. */
    autoRenewPeriodType: text('auto_renew_period_type').notNull().default('month'),
    /** Auto-renewals left; 0 means unlimited. */
    autoRenewTimes: integer('auto_renew_times').notNull().default(0),
    /** 1: change to pay-per-use when it expires. */
    toOnDemandAtExpiry: integer('to_on_demand_at_expiry').notNull().default(0),
    /** `in_use` | `grace` | `released` | `unsubscribed`. */
    status: text('status').notNull(),
    graceUntil: ts('grace_until'),
    releasedAt: ts('released_at'),
    /** Time the order system last reported the resource (later reports win, older ones are ignored). */
    sourceUpdatedAt: ts('source_updated_at').notNull(),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    index('resources_customer_idx').on(t.customerId, t.expireAt),
    index('resources_due_idx').on(t.status, t.expireAt),
    index('resources_grace_idx').on(t.graceUntil).where(sql`status = 'grace'`),
    /** The lists' order (soonest expiry first): a page is the first rows of this index. */
    index('resources_expiry_order_idx').on(t.expireAt, t.id),
  ],
);

/**
 * How many resources each customer has per charging mode, lifecycle status, main/sub and service
 * type, kept by statement-level triggers on `resources` (migration 0013) in the transaction that
 * writes them, so a list's exact `total_count` sums a few rows per customer instead of counting the
 * resources (docs/adr/0010-resource-counts-and-bill-sums.md). Only written by the triggers.
 */
export const resourceCounts = pgTable(
  'resource_counts',
  {
    customerId: text('customer_id').notNull(),
    chargingMode: text('charging_mode').notNull(),
    status: text('status').notNull(),
    /** 1 for main resources (no parent), 0 for sub-resources. */
    main: integer('main').notNull(),
    serviceTypeCode: text('service_type_code').notNull(),
    n: bigint('n', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.customerId, t.chargingMode, t.status, t.main, t.serviceTypeCode] })],
);

/**
 * Each lifecycle step of a resource happens once per expiry: a reminder `remind:<days>`,
 * `auto_renew`, `expired`, `released`, `to_on_demand`. The primary key is the once-only guard
 * across processes: the step's action commits with its row or not at all.
 */
export const resourceLifecycleSteps = pgTable(
  'resource_lifecycle_steps',
  {
    resourceId: text('resource_id').notNull(),
    /** The expiry the step belongs to (a renewal starts a new cycle). */
    expireAt: ts('expire_at').notNull(),
    step: text('step').notNull(),
    outcome: text('outcome').notNull().default('done'),
    at: ts('at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.resourceId, t.expireAt, t.step] })],
);

/** Operators' product catalogue: period prices per month and per year (fen) for a resource spec. */
export const catalogueProducts = pgTable(
  'catalogue_products',
  {
    id: text('id').primaryKey(),
    serviceTypeCode: text('service_type_code').notNull(),
    resourceTypeCode: text('resource_type_code').notNull(),
    resourceSpecCode: text('resource_spec_code').notNull(),
    /** `*` applies to every region. */
    regionCode: text('region_code').notNull().default('*'),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    monthlyFen: bigint('monthly_fen', { mode: 'number' }).notNull(),
    yearlyFen: bigint('yearly_fen', { mode: 'number' }).notNull(),
    /** `active` | `retired`. */
    status: text('status').notNull().default('active'),
    updatedBy: text('updated_by'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('catalogue_products_spec_uq').on(
      t.serviceTypeCode,
      t.resourceTypeCode,
      t.resourceSpecCode,
      t.regionCode,
    ),
  ],
);

/**
 * A discount for longer periods: buying at least `minPeriods` of `periodType` takes `percentOff`
 * off the list price (the best matching discount applies).
 */
export const catalogueDiscounts = pgTable(
  'catalogue_discounts',
  {
    productId: text('product_id')
      .notNull()
      .references(() => catalogueProducts.id, { onDelete: 'cascade' }),
    /** `month` | `year`. */
    periodType: text('period_type').notNull(),
    minPeriods: integer('min_periods').notNull(),
    percentOff: integer('percent_off').notNull(),
  },
  (t) => [primaryKey({ columns: [t.productId, t.periodType, t.minPeriods] })],
);

/**
 * Lifecycle settings, one row (`global`): reminder days before expiry, auto-renewal lead time and
 * the retention (grace) period after expiry.
 */
export const subscriptionSettings = pgTable('subscription_settings', {
  id: text('id').primaryKey(),
  reminderDays: integer('reminder_days').array().notNull(),
  autoRenewLeadDays: integer('auto_renew_lead_days').notNull(),
  retentionDays: integer('retention_days').notNull(),
  updatedBy: text('updated_by'),
  updatedAt: ts('updated_at').notNull(),
});
