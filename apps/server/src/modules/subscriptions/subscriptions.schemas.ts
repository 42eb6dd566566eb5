import { z } from 'zod';
import { MAX_RESOURCE_BATCH } from './ingest.service.ts';
import { PERIOD_LIMITS } from './subscriptions.periods.ts';

const id = z.string().trim().min(1).max(64);
const status = z.enum(['in_use', 'expired', 'frozen', 'released']);
const bool = z.enum(['true', 'false']).transform((v) => v === 'true');

export const renewalQuery = z.strictObject({
  customerDomainId: id.optional(),
  enterpriseProjectId: id.optional(),
  serviceTypeCode: id.optional(),
  regionCode: id.optional(),
  expiresWithinDays: z.coerce.number().int().min(0).max(3660).optional(),
  status: status.optional(),
  autoRenew: bool.optional(),
  chargingMode: z.enum(['period', 'on_demand']).optional(),
  tab: z.enum(['resources', 'domains']).optional(),
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export const resourceItem = z.object({
  id: z.string(),
  resourceId: z.string(),
  resourceName: z.string(),
  customerId: z.string(),
  customerDomainId: z.string(),
  customerName: z.string(),
  partnerId: z.string().nullable(),
  associationType: z.string().nullable(),
  serviceTypeCode: z.string(),
  resourceTypeCode: z.string(),
  regionCode: z.string(),
  resourceSpecCode: z.string(),
  productSpecDesc: z.string(),
  enterpriseProjectId: z.string(),
  enterpriseProjectName: z.string(),
  parentResourceId: z.string().nullable(),
  chargingMode: z.enum(['period', 'on_demand']),
  effectiveAt: z.string(),
  expireAt: z.string().nullable(),
  daysToExpiry: z.number().nullable(),
  autoRenew: z.boolean(),
  autoRenewPeriodType: z.enum(['month', 'year']),
  toOnDemandAtExpiry: z.boolean(),
  status,
  lifecycleStatus: z.string(),
  frozenReason: z.string().nullable(),
  freezeNote: z.string().nullable(),
  graceUntil: z.string().nullable(),
  releasedAt: z.string().nullable(),
});
export const renewalPage = z.object({ items: z.array(resourceItem), total: z.number() });
export const facets = z.object({
  enterpriseProjects: z.array(z.object({ id: z.string(), name: z.string() })),
  serviceTypes: z.array(z.string()),
  regions: z.array(z.string()),
});

const resourceIds = z.array(id).min(1).max(100);
const period = {
  periodType: z.enum(['month', 'year']),
  periodNum: z.number().int().min(1).max(PERIOD_LIMITS.month),
};
/** 1–11 months or 1–3 years. */
function checkPeriod(v: { periodType: 'month' | 'year'; periodNum: number }, ctx: z.RefinementCtx) {
  if (v.periodNum > PERIOD_LIMITS[v.periodType])
    ctx.addIssue({
      code: 'custom',
      path: ['periodNum'],
      message: `1–${PERIOD_LIMITS[v.periodType]} for ${v.periodType}`,
    });
}
export const quoteBody = z.strictObject({ resourceIds, ...period }).superRefine(checkPeriod);
export const renewBody = z
  .strictObject({
    resourceIds,
    ...period,
    requestKey: z.string().trim().min(8).max(64),
    /** Pay at once: the customer itself, or the partner for a resale customer. */
    payNow: z.boolean().default(false),
  })
  .superRefine(checkPeriod);
export const autoRenewBody = z.strictObject({
  resourceId: id,
  on: z.boolean(),
  periodType: z.enum(['month', 'year']).optional(),
  times: z.number().int().min(0).max(99).optional(),
});
export const toOnDemandBody = z.strictObject({ resourceIds, on: z.boolean() });
export const unsubscribePreviewBody = z.strictObject({
  resourceIds,
  type: z.union([z.literal(1), z.literal(2)]),
});
export const unsubscribeBody = z.strictObject({
  resourceIds,
  type: z.union([z.literal(1), z.literal(2)]),
  reasonType: z.number().int().min(1).max(5).optional(),
  reason: z.string().trim().max(256).optional(),
  requestKey: z.string().trim().min(8).max(64),
});

const price = { officialFen: z.number(), discountFen: z.number(), amountFen: z.number() };
export const failure = z.object({ resourceId: z.string(), code: z.string(), message: z.string() });
export const quoteResponse = z.object({
  items: z.array(
    z.object({
      resourceId: z.string(),
      ...price,
      children: z.array(z.object({ resourceId: z.string(), ...price })),
      expireAt: z.string().nullable(),
      newExpireAt: z.string(),
    }),
  ),
  ...price,
  failures: z.array(failure),
});
export const orderRef = z.object({
  id: z.string(),
  status: z.string(),
  amountFen: z.number(),
  replayed: z.boolean(),
});
export const ordersResponse = z.object({ orders: z.array(orderRef), failures: z.array(failure) });
export const failuresResponse = z.object({ failures: z.array(failure) });
export const refundPreview = z.object({
  items: z.array(
    z.object({
      resourceId: z.string(),
      refundFen: z.number(),
      lines: z.array(z.object({ resourceId: z.string(), baseOrderId: z.string(), amountFen: z.number() })),
      newExpireAt: z.string().nullable(),
    }),
  ),
  refundFen: z.number(),
  failures: z.array(failure),
});
export const okResponse = z.object({ ok: z.literal(true) });
export const orderIdParams = z.strictObject({ id });

export const ingestBody = z.strictObject({
  resources: z
    .array(z.unknown())
    .min(1)
    .max(MAX_RESOURCE_BATCH)
    .describe(
      'Resources {resource_id, customer_id (account id), resource_name, service_type_code, resource_type_code, ' +
        'region_code, resource_spec_code, product_spec_desc?, spec_size?, spec_size_measure_id?, enterprise_project_id?, enterprise_project_name?, ' +
        'parent_resource_id?, charging_mode (period | on_demand), effective_time, expire_time (period), auto_renew?, ' +
        'status? (in_use | released), updated_time}',
    ),
});
export const ingestResponse = z.object({
  accepted: z.number().int(),
  unchanged: z.number().int(),
  rejected: z.number().int(),
  errors: z.array(
    z.object({ index: z.number().int(), resourceId: z.string().nullable(), reason: z.string() }),
  ),
});

const discount = z.strictObject({
  periodType: z.enum(['month', 'year']),
  minPeriods: z.number().int().min(1).max(36),
  percentOff: z.number().int().min(0).max(90),
});
export const productBody = z.strictObject({
  serviceTypeCode: id,
  resourceTypeCode: id,
  resourceSpecCode: id,
  regionCode: id.default('*'),
  nameZh: z.string().trim().min(1).max(128),
  nameEn: z.string().trim().min(1).max(128),
  monthlyFen: z.number().int().min(0).max(1_000_000_000),
  yearlyFen: z.number().int().min(0).max(10_000_000_000),
  status: z.enum(['active', 'retired']).default('active'),
  discounts: z.array(discount).max(20).default([]),
});
export const productView = productBody.extend({
  id: z.string(),
  discounts: z.array(discount),
  updatedAt: z.string(),
});
export const productList = z.object({ items: z.array(productView) });
export const productParams = z.strictObject({ id });
export const settingsBody = z.strictObject({
  reminderDays: z.array(z.number().int().min(1).max(90)).min(1).max(10),
  autoRenewLeadDays: z.number().int().min(0).max(30),
  retentionDays: z.number().int().min(0).max(90),
});
export const settingsView = settingsBody.extend({ updatedAt: z.string().nullable() });

/** Paying an order: up to 3 cash coupons of the order's customer (no body or none: all cash). */
export const payBody = z.strictObject({ couponIds: z.array(id).max(3).default([]) }).nullish();
export const paidOrder = orderRef.extend({ couponFen: z.number() });

const purchaseFields = {
  customerDomainId: id.optional().describe('Partner portal: the resale customer bought for'),
  productId: id,
  regionCode: id,
  ...period,
  quantity: z.number().int().min(1).max(20),
};
export const purchaseQuoteBody = z.strictObject(purchaseFields).superRefine(checkPeriod);
export const purchaseBody = z
  .strictObject({
    ...purchaseFields,
    resourceName: z.string().trim().max(64).optional(),
    requestKey: z.string().trim().min(8).max(64),
  })
  .superRefine(checkPeriod);
export const purchaseQuote = z.object({
  ...price,
  unit: z.object(price),
  quantity: z.number(),
  effectiveAt: z.string(),
  expireAt: z.string(),
});
