import { bigint, index, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { ts } from './common.ts';
import { customers } from './customers.ts';

/**
 * Customers' monthly bill summaries, kept incrementally in the transaction that accepts the spend
 * (or pays/refunds the order) they sum, so reading a month is one indexed range and never a scan of
 * the records. One row per (partner at the time, customer, Asia/Shanghai bill cycle, association
 * type, service type, resource type, charging mode, bill type). `partner_id` is '' for spend without a partner;
 * `resource_type` is '' when the source did not name one.
 */
export const billMonthlySums = pgTable(
  'bill_monthly_sums',
  {
    partnerId: text('partner_id').notNull(),
    customerId: text('customer_id')
      .notNull()
      .references(() => customers.id),
    billCycle: text('bill_cycle').notNull(),
    /** `referral` | `resale` at the time ('' without a partner). */
    associationType: text('association_type').notNull(),
    serviceType: text('service_type').notNull(),
    resourceType: text('resource_type').notNull(),
    /** 1 yearly/monthly, 3 pay-per-use (the provider's codes). */
    chargingMode: integer('charging_mode').notNull(),
    /** 0 consumption, 1 unsubscribe (refund, negative amounts). */
    billType: integer('bill_type').notNull(),
    /** Signed fen: cash + voucher. */
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    cashFen: bigint('cash_fen', { mode: 'number' }).notNull(),
    voucherFen: bigint('voucher_fen', { mode: 'number' }).notNull(),
    recordCount: integer('record_count').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    // Partner and month first: the key also serves a partner's month listed by customer, so no
    // second index has to be maintained on every new summary row (migration 0021).
    primaryKey({
      name: 'bill_monthly_sums_pk',
      columns: [
        t.partnerId,
        t.billCycle,
        t.customerId,
        t.associationType,
        t.serviceType,
        t.resourceType,
        t.chargingMode,
        t.billType,
      ],
    }),
  ],
);

/**
 * Resource-level fee records that come from orders (yearly/monthly purchases, renewals, changes and
 * their refunds). Usage fee records are the spend records themselves. Stored once per order line
 * (`id`), so a retried order event adds nothing.
 */
export const billOrderFees = pgTable(
  'bill_order_fees',
  {
    id: text('id').primaryKey(),
    partnerId: text('partner_id').notNull(),
    customerId: text('customer_id')
      .notNull()
      .references(() => customers.id),
    associationType: text('association_type'),
    billCycle: text('bill_cycle').notNull(),
    tradeTime: ts('trade_time').notNull(),
    orderId: text('order_id').notNull(),
    /** The provider's bill detail type: 1 new, 2 renewal, 3 change, 4 unsubscribe refund, 8 auto-renewal … */
    billDetailType: integer('bill_detail_type').notNull(),
    chargingMode: integer('charging_mode').notNull(),
    serviceType: text('service_type').notNull(),
    resourceType: text('resource_type').notNull(),
    resourceId: text('resource_id'),
    resourceName: text('resource_name'),
    regionCode: text('region_code'),
    enterpriseProjectId: text('enterprise_project_id'),
    productSpec: text('product_spec'),
    /** The catalogue product the order line was priced from (purchases, renewals); null otherwise. */
    productId: text('product_id'),
    /** The order's period type: 2 month, 3 year (the order APIs' codes). */
    periodType: integer('period_type'),
    periodNum: integer('period_num'),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    cashFen: bigint('cash_fen', { mode: 'number' }).notNull(),
    voucherFen: bigint('voucher_fen', { mode: 'number' }).notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    index('bill_order_fees_customer_idx').on(t.customerId, t.billCycle, t.tradeTime),
    index('bill_order_fees_partner_idx').on(t.partnerId, t.billCycle, t.id),
  ],
);
