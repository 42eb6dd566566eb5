import { z } from 'zod';
import { phoneSchema } from '../identity/index.ts';

export const reviewStatus = z.enum(['open', 'submitted', 'approved', 'rejected', 'lapsed']);

/** What a partner submits for the annual review. */
export const materialsBody = z.strictObject({
  /** The year's business: customers served, projects delivered, team changes. */
  summary: z.string().trim().min(10).max(4000),
  /** Staff holding valid professional certifications. */
  certifiedStaff: z.number().int().min(0).max(100_000),
  /** Customer cases delivered in the year. */
  customerCases: z.number().int().min(0).max(100_000),
  contactName: z.string().trim().min(1).max(100),
  contactPhone: phoneSchema,
  /** Links to supporting documents (shared drive, cloud storage). */
  documentUrls: z.array(z.url().max(500)).max(10).default([]),
});
export type Materials = z.infer<typeof materialsBody>;
/** The materials as answered: the phone as stored (E.164; as typed before it was normalised). */
const materialsView = materialsBody.extend({ contactPhone: z.string() });

export const certificateSchema = z.object({
  id: z.string(),
  number: z.string(),
  /** `expired` as soon as validity ends, even before the 1 February job has run. */
  status: z.enum(['active', 'expired']),
  issuedAt: z.iso.datetime(),
  /** The last valid day (Asia/Shanghai), `YYYY-MM-DD`. */
  validUntil: z.string(),
  renewedAt: z.iso.datetime().nullable(),
  expiredAt: z.iso.datetime().nullable(),
});

export const reviewSchema = z.object({
  id: z.string(),
  partnerId: z.string(),
  cycleYear: z.number().int(),
  status: reviewStatus,
  deadline: z.iso.datetime(),
  /** Validity now, and what approval extends it to. */
  currentValidUntil: z.string(),
  extendedValidUntil: z.string(),
  materials: materialsView.nullable(),
  submissions: z.number().int(),
  submittedAt: z.iso.datetime().nullable(),
  reviewedAt: z.iso.datetime().nullable(),
  rejectReason: z.string().nullable(),
  openedAt: z.iso.datetime(),
  closedAt: z.iso.datetime().nullable(),
  /** The deadline passed while materials were still due (open or rejected). */
  overdue: z.boolean(),
  /** The partner may submit (again) now. */
  canSubmit: z.boolean(),
});

export const partnerCertificateResponse = z.object({
  certificate: certificateSchema.nullable(),
  /** The review of the current cycle, if one is open or was decided. */
  currentReview: reviewSchema.nullable(),
  reviews: z.array(reviewSchema),
});

export const reviewIdParams = z.strictObject({ reviewId: z.string().min(1).max(64) });
export const partnerIdParams = z.strictObject({ partnerId: z.string().min(1).max(64) });

export const rejectBody = z.strictObject({ reason: z.string().trim().min(2).max(1000) });
export const bulkApproveBody = z.strictObject({ ids: z.array(z.string().min(1).max(64)).min(1).max(100) });
export const bulkResultResponse = z.object({
  results: z.array(
    z.object({
      id: z.string(),
      ok: z.boolean(),
      code: z.string().nullable(),
      message: z.string().nullable(),
    }),
  ),
});

export const queueQuery = z.strictObject({
  status: reviewStatus.optional(),
  cycleYear: z.coerce.number().int().min(2000).max(2100).optional(),
  q: z.string().trim().min(1).max(100).optional(),
  partnerId: z.string().min(1).max(64).optional(),
  /** Only reviews whose materials deadline passed without a submission pending. */
  overdue: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  before: z.string().min(1).max(64).optional(),
});

export const queueItem = reviewSchema.extend({
  partnerName: z.string(),
  certificateNumber: z.string().nullable(),
});
export const queueResponse = z.object({
  items: z.array(queueItem),
  nextBefore: z.string().nullable(),
  /** Reviews per status in the filtered cycle (or all cycles). */
  counts: z.record(z.string(), z.number().int()),
});

export const reviewDetailResponse = z.object({
  review: queueItem,
  certificate: certificateSchema.nullable(),
});
