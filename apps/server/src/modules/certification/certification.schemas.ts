import { z } from 'zod';
import { phoneSchema } from '../identity/index.ts';

export const STAGES = ['qualification', 'business'] as const;
export type Stage = (typeof STAGES)[number];
export const STATUSES = ['draft', 'submitted', 'under_review', 'approved', 'rejected'] as const;
export type Status = (typeof STATUSES)[number];

const text = (max: number) => z.string().trim().min(2).max(max);
/** The 18-character unified social credit code of a Chinese company (GB 32100-2015 alphabet). */
const creditCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/, 'unified social credit code');
const phone = phoneSchema;

/** Stage 1: the reseller qualification; deliberately no bank or tax data (R3). */
export const qualificationData = z.strictObject({
  companyName: text(128),
  creditCode,
  legalRepresentative: text(64),
  registeredAddress: text(256),
  businessScope: text(1000),
  contactName: text(64),
  contactPhone: phone,
  contactEmail: z.email().max(254),
});
export type QualificationData = z.infer<typeof qualificationData>;

/** Stage 2: legal, bank and tax data for payouts (R3, R4, R14). */
export const businessData = z.strictObject({
  companyLegalName: text(128),
  creditCode,
  legalRepresentative: text(64),
  registeredAddress: text(256),
  bankName: text(128),
  bankBranch: text(128),
  bankAccountName: text(128),
  bankAccountNumber: z
    .string()
    .transform((v) => v.replace(/[\s-]/g, ''))
    .pipe(z.string().regex(/^\d{8,30}$/, 'bank account number (8–30 digits)')),
  taxpayerStatus: z.enum(['general', 'small_scale']),
  taxpayerId: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[0-9A-Z]{15,20}$/, 'taxpayer identification number'),
  settlementCurrency: z.enum(['CNY', 'USD']),
});
export type BusinessData = z.infer<typeof businessData>;

/** Drafts may be partial; completeness is checked on submit. */
export const qualificationDraftBody = qualificationData.partial();
export const businessDraftBody = businessData.partial();

const history = z.array(
  z.object({
    decision: z.enum(['approved', 'rejected']),
    reason: z.string().nullable(),
    at: z.iso.datetime(),
  }),
);

/** Responses carry no transforms (they cannot be encoded): the saved values as plain strings. */
function optionalStrings<K extends string>(keys: readonly K[]): Record<K, z.ZodOptional<z.ZodString>> {
  return Object.fromEntries(keys.map((k) => [k, z.string().optional()])) as Record<
    K,
    z.ZodOptional<z.ZodString>
  >;
}

const viewBase = {
  id: z.string().nullable(),
  status: z.enum(['none', ...STATUSES]),
  version: z.number().int(),
  submittedAt: z.iso.datetime().nullable(),
  decidedAt: z.iso.datetime().nullable(),
  /** The last rejection's reason, shown until the partner resubmits (R10). */
  rejectionReason: z.string().nullable(),
  history,
};

export const qualificationView = z.object({
  ...viewBase,
  stage: z.literal('qualification'),
  data: z.object(optionalStrings(qualificationData.keyof().options)),
});
export const businessView = z.object({
  ...viewBase,
  stage: z.literal('business'),
  /** The account number never leaves the server; only its masked form. */
  data: z.object({
    ...optionalStrings(businessData.omit({ bankAccountNumber: true }).keyof().options),
    taxpayerStatus: businessData.shape.taxpayerStatus.optional(),
    settlementCurrency: businessData.shape.settlementCurrency.optional(),
    bankAccountMasked: z.string().nullable(),
  }),
});
export type QualificationView = z.infer<typeof qualificationView>;
export type BusinessView = z.infer<typeof businessView>;

export const certificationResponse = z.object({
  qualification: qualificationView,
  business: businessView,
});

export const payoutEligibilityResponse = z.object({
  allowed: z.boolean(),
  businessStatus: z.enum(['none', ...STATUSES]),
  /** Why payouts are blocked, in the request's language; null when allowed. */
  code: z.string().nullable(),
  message: z.string().nullable(),
  /** The portal page that resolves the block. */
  link: z.string().nullable(),
});

export const stageParams = z.strictObject({ stage: z.enum(STAGES) });
export const idParams = z.strictObject({ id: z.string().min(1).max(64) });

export const queueQuery = z.strictObject({
  stage: z.enum(STAGES).optional(),
  /** Comma-separated statuses; default: waiting and in review. */
  status: z
    .string()
    .optional()
    .transform((v) => (v ? v.split(',') : ['submitted', 'under_review']))
    .pipe(z.array(z.enum(STATUSES)).min(1)),
  partnerId: z.string().min(1).max(64).optional(),
  /** Company name contains (case-insensitive). */
  q: z.string().trim().min(1).max(100).optional(),
  /** Only what the signed-in reviewer has claimed. */
  mine: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export type QueueQuery = z.infer<typeof queueQuery>;

export const queueItem = z.object({
  id: z.string(),
  partnerId: z.string(),
  stage: z.enum(STAGES),
  status: z.enum(STATUSES),
  companyName: z.string().nullable(),
  taxpayerStatus: z.string().nullable(),
  version: z.number().int(),
  submittedAt: z.iso.datetime().nullable(),
  claimedBy: z.string().nullable(),
  claimedAt: z.iso.datetime().nullable(),
  decidedAt: z.iso.datetime().nullable(),
  rejectionReason: z.string().nullable(),
});
export const queueResponse = z.object({ items: z.array(queueItem), total: z.number().int() });

export const reviewDetail = queueItem.extend({
  partnerName: z.string().nullable(),
  /** The form; for the business stage the account number is masked. */
  data: z.record(z.string(), z.string().nullable()),
  history: history.element.extend({ reviewerId: z.string().nullable() }).array(),
});
export type ReviewDetail = z.infer<typeof reviewDetail>;

const reason = z.string().trim().min(2).max(1000);
export const rejectBody = z.strictObject({
  reason,
  /** Optional optimistic check: the version the reviewer looked at. */
  version: z.number().int().optional(),
});
export const bulkBody = z.strictObject({
  action: z.enum(['claim', 'approve', 'reject']),
  ids: z.array(z.string().min(1).max(64)).min(1).max(100),
  reason: reason.optional(),
});
export const bulkResponse = z.object({
  results: z.array(
    z.object({
      id: z.string(),
      ok: z.boolean(),
      code: z.string().nullable(),
      message: z.string().nullable(),
    }),
  ),
});
export const revealBody = z.strictObject({
  /** Why finance needs the number; kept in the audit log. */
  reason,
});
export const revealResponse = z.object({ bankAccountNumber: z.string() });
