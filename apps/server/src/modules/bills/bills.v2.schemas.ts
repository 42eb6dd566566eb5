import { z } from 'zod';

/** The API treats an empty query value as absent ("不携带或携带值为空时，不作为筛选条件"). */
const opt = <T extends z.ZodType>(s: T) => z.preprocess((v) => (v === '' ? undefined : v), s.optional());
const cycle = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM');

export const monthlyBillsQuery = z.object({
  customer_id: opt(z.string().max(64)),
  cycle: cycle.describe('Bill cycle YYYY-MM (UTC+8)'),
  cloud_service_type: opt(z.string().max(256)),
  charge_mode: z.enum(['1', '3', '11']).describe('1 yearly/monthly, 3 pay-per-use, 11 savings plan'),
  bill_type: opt(z.enum(['0', '1', '2'])).describe('0 consumption, 1 unsubscribe, 2 write-off'),
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(100).default(10),
  indirect_partner_id: opt(z.string().max(64)),
});

const money = z.number();
export const billSumInfo = z.object({
  customer_id: z.string(),
  cloud_service_type: z.string(),
  cloud_service_type_name: z.string(),
  bill_type: z.string(),
  charge_mode: z.string(),
  amount: money,
  debt_amount: money,
  adjustment_amount: money,
  discount_amount: money,
  measure_id: z.literal(1),
  account_details: z.array(z.object({ balance_type: z.string(), amount: money, bill_type: z.string() })),
  resource_type_code: z.string().optional(),
  resource_type_name: z.string().optional(),
});

export const monthlyBillsResponse = z.object({
  bill_sums: z.array(billSumInfo),
  count: z.number().int(),
  currency: z.literal('CNY'),
});

export const billDetailQuery = z.object({
  bill_cycle: cycle,
  customer_id: z.string().min(1).max(64),
  service_type_code: opt(z.string().max(64)),
  region_code: opt(z.string().max(64)),
  charging_mode: opt(
    z.coerce
      .number()
      .int()
      .refine((n) => [1, 3, 10, 11].includes(n), '1, 3, 10 or 11'),
  ),
  bill_detail_type: opt(z.coerce.number().int().min(1).max(1000)),
  resource_id: opt(z.string().max(64)),
  resource_name: opt(z.string().max(256)),
  trade_id: opt(z.string().max(64)),
  account_manager_id: opt(z.string().max(64)),
  association_type: opt(z.enum(['1', '2'])).describe('1 referral, 2 resale'),
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(10),
  indirect_partner_id: opt(z.string().max(64)),
  bill_date_begin: opt(z.string().max(20)),
  bill_date_end: opt(z.string().max(20)),
});

const dec = z.number();
export const feeRecordV2 = z.object({
  bill_cycle: z.string(),
  customer_id: z.string(),
  association_type: z.string().optional(),
  service_type_code: z.string(),
  resource_type_code: z.string().optional(),
  service_type_name: z.string(),
  resource_type_name: z.string().optional(),
  charging_mode: z.number().int(),
  trade_time: z.string(),
  trade_id: z.string(),
  id: z.string(),
  bill_detail_type: z.number().int(),
  resource_id: z.string().optional(),
  resource_name: z.string().optional(),
  product_spec_desc: z.string().optional(),
  region_code: z.string().optional(),
  region_name: z.string().optional(),
  consume_time: z.string(),
  official_amount: dec,
  official_discount_amount: dec,
  payment_amount: dec,
  cash_amount: dec,
  credit_amount: dec,
  coupon_amount: dec,
  flexipurchase_coupon_amount: dec,
  stored_value_card_amount: dec,
  debt_amount: dec,
  writeoff_amount: dec,
  period_type: z.number().int().optional(),
  period_num: z.number().optional(),
  partner_id: z.string().optional(),
  enterprise_project_id: z.string().optional(),
  order_type: z.number().int().optional(),
  // Usage detail (the spend record's `detail`; order lines have none) and the customer's account
  // manager (we keep none): null where there is no value.
  product_id: z.string().nullable(),
  product_name: z.string().nullable(),
  resource_tag: z.string().nullable(),
  usage_type: z.string().nullable(),
  usage_amount: dec.nullable(),
  usage_measure_id: z.number().int().nullable(),
  free_resource_usage: dec.nullable(),
  free_resource_measure_id: z.number().int().nullable(),
  ri_usage: dec.nullable(),
  ri_usage_measure_id: z.number().int().nullable(),
  payment_type: z.string().nullable(),
  account_manager_id: z.string().nullable(),
  sub_service_type_code: z.string().nullable(),
  sub_service_type_name: z.string().nullable(),
  sub_resource_type_code: z.string().nullable(),
  sub_resource_type_name: z.string().nullable(),
  sub_resource_id: z.string().nullable(),
  sub_resource_name: z.string().nullable(),
});

export const billDetailResponse = z.object({
  total_count: z.number().int(),
  currency: z.literal('CNY'),
  fee_records: z.array(feeRecordV2),
});

export const consumeCustomersBody = z.object({
  bill_cycle: cycle,
  offset: z.number().int().min(0).max(2_147_483_646).default(0),
  limit: z.number().int().min(1).max(100).default(10),
});

export const consumeCustomersResponse = z.object({
  sub_customers: z.array(z.object({ customer_id: z.string() })),
  total_count: z.number().int(),
});

export const postpaidQuery = z.object({ bill_cycle: cycle });
export const postpaidResponse = z.object({
  bill_cycle: z.string(),
  initial_amount_due: dec,
  consume_amount: dec,
  refunds: dec,
  adjustments: dec,
  tax_amount: dec,
  currency: z.literal('CNY'),
});
