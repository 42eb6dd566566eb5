import { z } from 'zod';

/** `yyyy-MM-ddTHH:mm:ssZ`, UTC, as the contract writes times. */
export const utcTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/, "yyyy-MM-dd'T'HH:mm:ss'Z'")
  .transform((v) => new Date(v))
  .refine((d) => !Number.isNaN(d.getTime()), 'not a valid time');
const id = z.string().min(1).max(64);
const ids = z.array(id).min(1).max(100);
const indirect = z.string().min(1).max(64).optional().describe('A distributor acting for its reseller');
/** 2: month (1–11), 3: year (1–3). */
const periodFields = {
  period_type: z.union([z.literal(2), z.literal(3)]),
  period_num: z.number().int().min(1).max(11),
};
function checkPeriod(v: { period_type: 2 | 3; period_num: number }, ctx: z.RefinementCtx) {
  if (v.period_type === 3 && v.period_num > 3)
    ctx.addIssue({ code: 'custom', path: ['period_num'], message: '1–3 for years' });
}

export const queryResourcesReq = z.object({
  resource_ids: z.array(id).max(100).optional(),
  order_id: id.optional(),
  only_main_resource: z.union([z.literal(0), z.literal(1)]).optional(),
  status_list: z.array(z.union([z.literal(2), z.literal(3), z.literal(4), z.literal(5)])).optional(),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(10),
  expire_time_begin: utcTime.optional(),
  expire_time_end: utcTime.optional(),
  service_type_code: z.string().max(64).optional(),
  customer_id: id.optional(),
});
const enterpriseProject = z.object({ id: z.string(), name: z.string() });
export const orderInstanceV2 = z.object({
  id: z.string(),
  resource_id: z.string(),
  resource_name: z.string(),
  region_code: z.string(),
  service_type_code: z.string(),
  resource_type_code: z.string(),
  resource_type_name: z.string(),
  service_type_name: z.string(),
  resource_spec_code: z.string(),
  project_id: z.string(),
  product_id: z.string(),
  parent_resource_id: z.string(),
  is_main_resource: z.number().int(),
  status: z.number().int(),
  effective_time: z.string(),
  expire_time: z.string(),
  expire_policy: z.number().int(),
  product_spec_desc: z.string(),
  /** Linear products only (disks, bandwidth); null for products sold by specification. */
  spec_size: z.number().nullable(),
  spec_size_measure_id: z.number().int().nullable(),
  update_time: z.string(),
  enterprise_project: enterpriseProject,
});
export const listResourcesResponse = z.object({
  data: z.array(orderInstanceV2),
  total_count: z.number().int(),
});

export const renewRateReq = z
  .object({
    resource_ids: ids,
    ...periodFields,
    include_relative_resources: z.boolean().optional(),
  })
  .superRefine(checkPeriod);
/**
 * Instalment prices: the provider has them only for instalment products (CloudPond); nothing in
 * our catalogue is sold in instalments, so they are always null.
 */
const installment = {
  installment_official_website_amount: z.string().nullable(),
  installment_period_type: z.number().int().nullable(),
};
export const NO_INSTALLMENT = {
  installment_official_website_amount: null,
  installment_period_type: null,
} as const;
const failResourceInfo = z.object({ resource_id: z.string(), error_code: z.string(), error_msg: z.string() });
export const renewRateResponse = z.object({
  currency: z.string(),
  renew_inquiry_results: z.array(z.object({ resource_id: z.string(), amount: z.string() })),
  official_website_rating_result: z.object({
    official_website_amount: z.string(),
    ...installment,
  }),
  optional_discount_rating_results: z.array(
    z.object({
      discount_id: z.string(),
      amount: z.string(),
      official_website_amount: z.string(),
      discount_amount: z.string(),
      discount_type: z.number().int(),
      discount_name: z.string(),
      best_offer: z.number().int(),
      ...installment,
      installment_amount: z.string().nullable(),
      installment_official_discount_amount: z.string().nullable(),
    }),
  ),
  fail_resource_infos: z.array(failResourceInfo),
});

export const renewalReq = z
  .object({
    resource_ids: ids,
    ...periodFields,
    is_auto_pay: z.union([z.literal(0), z.literal(1)]).default(0),
  })
  .superRefine(checkPeriod);
export const ordersWithFailures = z.object({
  order_ids: z.array(z.string()),
  fail_resource_infos: z.array(failResourceInfo),
});

export const resourceParams = z.object({ resource_id: id });
export const autoRenewReq = z
  .object({
    auto_renew_times: z.number().int().min(0).max(99).optional(),
    period_type: z.enum(['MONTH', 'YEAR']).optional(),
  })
  .optional();

export const unsubscribeReq = z.object({
  resource_ids: ids,
  unsubscribe_type: z.union([z.literal(1), z.literal(2)]),
  unsubscribe_reason_type: z.number().int().min(1).max(5).optional(),
  unsubscribe_reason: z.string().max(512).optional(),
});
export const periodToOnDemandReq = z.object({
  operation: z.enum(['SET_UP', 'CANCEL']),
  resource_ids: ids,
});
export const errorDetails = z.object({
  error_details: z.array(z.object({ id: z.string(), error_code: z.string(), error_msg: z.string() })),
});

export const onDemandReq = z.object({
  customer_id: id,
  region_code: z.string().max(64).optional(),
  service_type_code: z.string().max(64).optional(),
  resource_ids: z.array(id).max(100).optional(),
  effective_time_begin: utcTime.optional(),
  effective_time_end: utcTime.optional(),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(100).default(10),
  status: z.number().int().min(1).max(6).optional(),
  indirect_partner_id: indirect,
});
export const onDemandResponse = z.object({
  resources: z.array(
    z.object({
      customer_id: z.string(),
      region_code: z.string(),
      availability_zone_code: z.string(),
      service_type_code: z.string(),
      resource_type_code: z.string(),
      service_type_name: z.string(),
      resource_type_name: z.string(),
      resource_id: z.string(),
      resource_name: z.string(),
      effective_time: z.string(),
      expire_time: z.string(),
      status: z.number().int(),
      resource_spec_code: z.string(),
      resource_info: z.string(),
      product_spec_desc: z.string(),
    }),
  ),
  total_count: z.number().int(),
});

export const payOrderReq = z.object({
  order_id: id,
  use_coupon: z.enum(['YES', 'NO']).optional(),
  use_discount: z.enum(['YES', 'NO']).optional(),
  coupon_infos: z
    .array(z.object({ id: z.string(), type: z.number().int() }))
    .max(3)
    .optional(),
  discount_infos: z
    .array(z.object({ id: z.string(), type: z.number().int() }))
    .max(1)
    .optional(),
});
export const cancelOrderReq = z.object({ order_id: id });
