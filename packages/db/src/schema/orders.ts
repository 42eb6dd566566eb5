import { sql } from 'drizzle-orm';
import { bigint, index, integer, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { ts } from './common.ts';
import { customers } from './customers.ts';

/**
 * R15: every purchase, renewal, change and unsubscribe of a customer is an order, amounts in fen.
 * `status`: `pending_payment` → `paid` | `cancelled`; a paid order later refunded is `refunded`.
 * A refund is an order of its own (`type` `unsubscribe`, `refundOf` the order it refunds).
 */
export const orders = pgTable(
  'orders',
  {
    id: text('id').primaryKey(),
    customerId: text('customer_id')
      .notNull()
      .references(() => customers.id),
    /** The partner the customer was associated with when ordering (lists, tenancy). */
    partnerId: text('partner_id'),
    /** `new` | `renew` | `change` | `unsubscribe` | `to_on_demand`. */
    type: text('type').notNull(),
    status: text('status').notNull(),
    officialFen: bigint('official_fen', { mode: 'number' }).notNull(),
    discountFen: bigint('discount_fen', { mode: 'number' }).notNull().default(0),
    /** What is charged (negative for refunds). */
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    /** Of `amountFen`, what cash coupons paid (the rest is cash); 0 until paid. */
    couponFen: bigint('coupon_fen', { mode: 'number' }).notNull().default(0),
    /** For refund orders: the order refunded. */
    refundOf: text('refund_of'),
    /** `customer` | `partner` (a resale customer's order paid by its partner) | `auto` (auto-renewal). */
    paidBy: text('paid_by'),
    /** `customer` | `partner` | `system`: who placed it. */
    source: text('source').notNull(),
    /** The caller's key for a retried request: one order per (customer, key). */
    requestKey: text('request_key'),
    createdBy: text('created_by'),
    createdAt: ts('created_at').notNull(),
    paymentDeadline: ts('payment_deadline'),
    paidAt: ts('paid_at'),
    cancelledAt: ts('cancelled_at'),
    /** `YYYY-MM` (Asia/Shanghai) of the payment: the bill cycle the order counts in. */
    billCycle: text('bill_cycle'),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('orders_request_key_uq').on(t.customerId, t.requestKey).where(sql`request_key is not null`),
    index('orders_partner_idx').on(t.partnerId, t.createdAt),
    index('orders_customer_idx').on(t.customerId, t.createdAt),
    index('orders_bill_cycle_idx').on(t.customerId, t.billCycle),
  ],
);

/** An order's line per resource: the period bought and the expiry it gives. */
export const orderLines = pgTable(
  'order_lines',
  {
    id: text('id').primaryKey(),
    orderId: text('order_id')
      .notNull()
      .references(() => orders.id),
    /** resources.id of the resource. */
    resourceRef: text('resource_ref').notNull(),
    resourceId: text('resource_id').notNull(),
    resourceName: text('resource_name').notNull().default(''),
    enterpriseProjectId: text('enterprise_project_id'),
    serviceTypeCode: text('service_type_code').notNull(),
    resourceTypeCode: text('resource_type_code').notNull(),
    regionCode: text('region_code').notNull(),
    productSpecDesc: text('product_spec_desc').notNull().default(''),
    productId: text('product_id'),
    /** `month` | `year` | null (unsubscribe, change). */
    periodType: text('period_type'),
    periodNum: integer('period_num'),
    officialFen: bigint('official_fen', { mode: 'number' }).notNull(),
    discountFen: bigint('discount_fen', { mode: 'number' }).notNull().default(0),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    /** Of the line's `amountFen`, what the order's cash coupons paid (shared out exactly, in fen). */
    couponFen: bigint('coupon_fen', { mode: 'number' }).notNull().default(0),
    /** The period the line pays for (renewals: old expiry → new expiry). */
    effectiveAt: ts('effective_at'),
    expireAt: ts('expire_at'),
    /** Refund lines: the paid order whose amount is returned. */
    baseOrderId: text('base_order_id'),
    /** 1 while the line belongs to an order awaiting payment: one pending order per resource. */
    pending: integer('pending').notNull().default(0),
  },
  (t) => [
    index('order_lines_order_idx').on(t.orderId),
    index('order_lines_resource_idx').on(t.resourceRef),
    uniqueIndex('order_lines_pending_uq').on(t.resourceRef).where(sql`pending = 1`),
  ],
);

/**
 * A cash coupon (the provider's 代金券) operators issue to one customer: `faceValueFen` off one
 * order of at least `minOrderFen`, for lines of `serviceTypeCodes` (empty: any), usable from
 * `validFrom` until `validUntil`. Single use: paying an order uses all of it (no change is given
 * back), and refunds of that order return cash only. `status`: `available` → `used`.
 */
export const coupons = pgTable(
  'coupons',
  {
    id: text('id').primaryKey(),
    customerId: text('customer_id')
      .notNull()
      .references(() => customers.id),
    faceValueFen: bigint('face_value_fen', { mode: 'number' }).notNull(),
    minOrderFen: bigint('min_order_fen', { mode: 'number' }).notNull().default(0),
    serviceTypeCodes: text('service_type_codes').array().notNull(),
    validFrom: ts('valid_from').notNull(),
    validUntil: ts('valid_until').notNull(),
    status: text('status').notNull(),
    /** The order it paid and how much of it that order used (≤ face value). */
    orderId: text('order_id'),
    usedFen: bigint('used_fen', { mode: 'number' }).notNull().default(0),
    usedAt: ts('used_at'),
    note: text('note').notNull().default(''),
    issuedBy: text('issued_by').notNull(),
    /** An operator withdrew it before use (status `revoked`), with the reason shown to everyone. */
    revokedAt: ts('revoked_at'),
    revokedBy: text('revoked_by'),
    revokeReason: text('revoke_reason'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    index('coupons_customer_idx').on(t.customerId, t.createdAt),
    index('coupons_order_idx').on(t.orderId),
  ],
);
