import { z } from 'zod';

const id = z.string().min(1).max(64);
export const idParams = z.strictObject({ id });
const quarter = z.string().regex(/^\d{4}-Q[1-4]$/, 'YYYY-Qn');
const status = z.enum(['submitted', 'approved', 'returned']);

export const applyBody = z.strictObject({ quarter });
export const returnBody = z.strictObject({ reason: z.string().trim().min(2).max(2000) });
export const reviewManyBody = z
  .strictObject({
    ids: z.array(id).min(1).max(100),
    decision: z.enum(['approve', 'return']),
    reason: z.string().trim().min(2).max(2000).optional(),
  })
  .refine((b) => b.decision === 'approve' || b.reason !== undefined, {
    message: 'a reason is required to return',
    path: ['reason'],
  });

export const applicationView = z.object({
  id: z.string(),
  partnerId: z.string(),
  partnerName: z.string().nullable(),
  quarter: z.string(),
  status,
  amountFen: z.number().int(),
  noticeCount: z.number().int(),
  submittedAt: z.string(),
  reviewedAt: z.string().nullable(),
  returnReason: z.string().nullable(),
  invoicingNoticeId: z.string().nullable(),
});
export const applicationDetail = applicationView.extend({
  notices: z.array(
    z.object({ id: z.string(), periodKey: z.string(), amountFen: z.number().int(), status: z.string() }),
  ),
});

const counts = z.record(z.string(), z.number().int());
export const applicationList = z.object({ items: z.array(applicationView), total: z.number().int(), counts });
export const overviewResponse = applicationList.extend({
  eligibility: z.object({
    allowed: z.boolean(),
    businessStatus: z.string(),
    code: z.string().nullable(),
    message: z.string().nullable(),
    link: z.string().nullable(),
  }),
});
export const consoleQuery = z.strictObject({
  status: status.optional(),
  quarter: quarter.optional(),
  q: z.string().trim().min(1).max(100).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).default(0),
});
export const reviewManyResponse = z.object({
  done: z.array(z.string()),
  failed: z.array(z.object({ id: z.string(), code: z.string(), message: z.string() })),
});
