import { z } from 'zod';
import { localeSchema, meSchema, phoneSchema } from '../identity/index.ts';

export const associationType = z.enum(['referral', 'resale']);
const ymd = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

export const customerFilterQuery = z.strictObject({
  keyword: z.string().trim().max(64).optional(),
  type: associationType.optional(),
  associatedFrom: ymd.optional(),
  associatedTo: ymd.optional(),
  label: z.string().trim().max(64).optional(),
  /** Distributors: `self` or one reseller's partner id. */
  reseller: z.string().max(64).optional(),
});

export const customerListQuery = customerFilterQuery.extend({
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  /** Newest association (default), this month's spend, or budget usage (customers without a budget last). */
  sort: z.enum(['associatedAt', 'spendMonth', 'budgetUsage']).default('associatedAt'),
  order: z.enum(['asc', 'desc']).default('desc'),
});

export const customerExportQuery = customerFilterQuery.extend({ format: z.enum(['csv', 'xlsx']) });

export const customerListItem = z.object({
  id: z.string(),
  domainId: z.string(),
  domainName: z.string(),
  name: z.string(),
  customerType: z.string(),
  verifiedStatus: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  status: z.string(),
  purchaseRestricted: z.boolean(),
  associationType,
  associatedAt: z.string(),
  label: z.string().nullable(),
  source: z.string(),
  partnerId: z.string(),
  partnerName: z.string(),
  viaReseller: z.boolean(),
});

export const budgetState = z.enum(['ok', 'warn75', 'warn90', 'exceeded']);

export const portalCustomerItem = customerListItem.extend({
  /** Spend in the current bill cycle (Asia/Shanghai month), fen. */
  spendMonthFen: z.number().int(),
  /** The current budget: amount, used, percent used (one decimal) and the 75/90/100 % state. */
  budget: z
    .object({
      amountFen: z.number().int(),
      usedFen: z.number().int(),
      percent: z.number(),
      state: budgetState,
    })
    .nullable(),
});

export const customerPage = z.object({
  items: z.array(portalCustomerItem),
  total: z.number(),
  resellers: z.array(z.object({ id: z.string(), name: z.string() })),
});

export const customerDetail = customerListItem.extend({
  frozenReason: z.string().nullable(),
  frozenAt: z.string().nullable(),
  freezeType: z.string().nullable(),
  purchaseRestrictedAt: z.string().nullable(),
  createdAt: z.string(),
  origin: z.string(),
  xaccountType: z.string().nullable(),
  xaccountId: z.string().nullable(),
  lastAssociationChangeAt: z.string().nullable(),
  nextChangeAllowedAt: z.string().nullable(),
  history: z.array(
    z.object({
      partnerName: z.string(),
      type: z.string(),
      source: z.string(),
      startedAt: z.string(),
      endedAt: z.string().nullable(),
      endReason: z.string().nullable(),
    }),
  ),
});

export const idParams = z.strictObject({ id: z.string().min(1).max(64) });
export const switchTypeBody = z.strictObject({ type: associationType });
export const freezeBody = z.strictObject({
  reason: z.string().trim().min(1).max(256),
  freezeType: z.enum(['ACCOUNT', 'ACCOUNT_AND_RESOURCE']).default('ACCOUNT'),
});
/** Issue 14: bulk freeze/unfreeze of selected customers or of all matching a filter (≤ 200). */
export const bulkBody = z
  .strictObject({
    requestKey: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, '8–64 letters, digits, "_" or "-"'),
    action: z.enum(['freeze', 'unfreeze']),
    reason: z.string().trim().min(1).max(256),
    freezeType: z.enum(['ACCOUNT', 'ACCOUNT_AND_RESOURCE']).optional(),
    customerIds: z.array(z.string().min(1).max(64)).min(1).max(200).optional(),
    filter: customerFilterQuery.optional(),
  })
  .refine((b) => (b.customerIds === undefined) !== (b.filter === undefined), {
    message: 'give either customerIds or filter',
    path: ['customerIds'],
  });
export const bulkResult = z.object({
  id: z.string(),
  requestKey: z.string(),
  action: z.enum(['freeze', 'unfreeze']),
  total: z.number().int(),
  succeeded: z.array(z.string()),
  errorDetails: z.array(z.object({ id: z.string(), errorCode: z.string(), errorMsg: z.string() })),
  replayed: z.boolean(),
});
export const unfreezeBody = z.strictObject({ reason: z.string().trim().min(1).max(256) });
export const labelBody = z.strictObject({ label: z.string().trim().max(64).nullable() });
export const okResponse = z.object({ ok: z.literal(true) });

export const requestView = z.object({
  id: z.string(),
  direction: z.enum(['invitation', 'application']),
  partnerId: z.string(),
  partnerName: z.string(),
  partnerDomainId: z.string(),
  customerId: z.string().nullable(),
  customerName: z.string().nullable(),
  domainName: z.string().nullable(),
  email: z.string().nullable(),
  type: associationType,
  status: z.string(),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  decidedAt: z.string().nullable(),
});
export const requestList = z.object({ items: z.array(requestView) });
export const inviteBody = z.strictObject({ email: z.email().max(254), type: associationType });

// Customer area

export const ownAccount = z.object({
  id: z.string(),
  domainId: z.string(),
  domainName: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  customerType: z.string(),
  verifiedStatus: z.string(),
  status: z.string(),
  createdAt: z.string(),
  association: z
    .object({
      partnerName: z.string(),
      partnerDomainId: z.string(),
      type: associationType,
      since: z.string(),
    })
    .nullable(),
});
export const partnerSearchQuery = z.strictObject({ q: z.string().trim().max(64) });
export const partnerSearchResult = z.object({
  items: z.array(z.object({ domainId: z.string(), name: z.string() })),
});
export const applyBody = z.strictObject({
  partnerDomainId: z.string().trim().min(1).max(64),
  type: associationType,
});
export const tokenBody = z.strictObject({ token: z.string().min(10).max(128) });
export const tokenQuery = z.strictObject({ token: z.string().min(10).max(128) });

export const signUpCodeBody = z.strictObject({ email: z.email().max(254), locale: localeSchema });
export const signUpCodeResponse = z.object({ sent: z.boolean(), waitSeconds: z.number() });

export const customerSignUpBody = z.strictObject({
  name: z.string().trim().min(1).max(64),
  email: z.email().max(254),
  phone: phoneSchema.optional(),
  password: z.string().min(1).max(128),
  code: z.string().regex(/^\d{6}$/, 'six digits'),
  domainName: z.string().trim().max(32).optional(),
  customerType: z.enum(['individual', 'enterprise']).default('individual'),
  locale: localeSchema,
  /** The redirect sign-up (R18): the partner's domain id and its platform's account. */
  partner: z.string().trim().min(1).max(64).optional(),
  xaccountType: z.string().trim().min(1).max(64).optional(),
  xaccountId: z.string().trim().min(1).max(128).optional(),
  associationType: z.enum(['1', '2', 'referral', 'resale']).optional(),
  invitationToken: z.string().min(10).max(128).optional(),
});
export const customerSignUpResponse = z.object({ user: meSchema, customerDomainId: z.string() });

// Console

export const consoleListQuery = z.strictObject({
  keyword: z.string().trim().max(64).optional(),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export const consoleList = z.object({
  total: z.number(),
  items: z.array(
    z.object({
      id: z.string(),
      domainId: z.string(),
      domainName: z.string(),
      name: z.string(),
      email: z.string().nullable(),
      phone: z.string().nullable(),
      status: z.string(),
      origin: z.string(),
      createdAt: z.string(),
      partnerName: z.string().nullable(),
      associationType: associationType.nullable(),
      associatedAt: z.string().nullable(),
    }),
  ),
});
