import { z } from 'zod';

const localized = z.object({ 'zh-CN': z.string(), 'en-US': z.string() });
const id = z.string().min(1).max(64);
export const idParams = z.strictObject({ id });
const periodKey = z.string().regex(/^\d{4}-(0[1-9]|1[0-2]|Q[1-4])$/, 'YYYY-MM or YYYY-Qn');

export const performanceResponse = z.object({
  year: z.number().int(),
  amountFen: z.number().int(),
  ownFen: z.number().int(),
  resellersFen: z.number().int(),
  thresholdFen: z.number().int(),
  reached: z.boolean(),
  remainingFen: z.number().int(),
});

const noticeStatus = z.enum(['issued', 'confirmed', 'disputed']);

export const noticeView = z.object({
  id: z.string(),
  partnerId: z.string(),
  partnerName: z.string().nullable(),
  periodKey: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  preTaxFen: z.number().int(),
  adjustmentFen: z.number().int(),
  amountFen: z.number().int(),
  status: noticeStatus,
  disputeReason: z.string().nullable(),
  ticketId: z.string().nullable(),
  confirmedAt: z.string().nullable(),
  paymentApplicationId: z.string().nullable(),
  invoice: z
    .object({
      taxpayerStatus: z.enum(['general', 'small_scale']),
      preTaxFen: z.number().int(),
      amountExTaxFen: z.number().int(),
      taxFen: z.number().int(),
      totalFen: z.number().int(),
      rateBasisPoints: z.number().int(),
      rule: z.enum(['standard', 'legacy']),
      formula: localized,
    })
    .nullable()
    .describe('null until business information (the taxpayer status) is certified'),
  adjustments: z.array(
    z.object({ id: z.string(), amountFen: z.number().int(), reason: z.string(), createdAt: z.string() }),
  ),
  createdAt: z.string(),
});

export const noticeDetail = noticeView.extend({
  lines: z.array(
    z.object({
      id: z.string(),
      policyCode: z.string(),
      policyName: localized,
      policyVersion: z.number().int(),
      serviceType: z.string(),
      serviceName: localized,
      originPeriodKey: z.string(),
      late: z.boolean(),
      recordCount: z.number().int(),
      baseFen: z.number().int(),
      basisPoints: z.number().int(),
      amountFen: z.number().int(),
    }),
  ),
});

const counts = z.record(z.string(), z.number().int());

export const noticeListQuery = z.strictObject({
  status: noticeStatus.optional(),
  periodKey: periodKey.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).default(0),
});
export const consoleNoticeQuery = noticeListQuery.extend({
  q: z.string().trim().min(1).max(100).optional(),
  partnerId: id.optional(),
});

export const noticeList = z.object({
  items: z.array(noticeView),
  total: z.number().int(),
  counts,
  exclusions: z
    .array(z.object({ periodKey: z.string(), reason: z.string(), forgoneFen: z.number().int() }))
    .optional(),
});

export const exportQuery = z.strictObject({ format: z.enum(['csv', 'xlsx']).default('csv') });
export const pageQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const lineRecordsResponse = z.object({
  line: z.object({
    id: z.string(),
    baseFen: z.number().int(),
    basisPoints: z.number().int(),
    amountFen: z.number().int(),
    recordCount: z.number().int(),
  }),
  items: z.array(
    z.object({
      recordId: z.string(),
      customerId: z.string(),
      spentAt: z.string(),
      serviceType: z.string(),
      associationType: z.string().nullable(),
      paymentKind: z.string(),
      amountFen: z.number().int(),
      shareCentiFen: z.number(),
    }),
  ),
});

export const disputeBody = z.strictObject({ reason: z.string().trim().min(5).max(2000) });
export const adjustBody = z.strictObject({
  amountFen: z.number().int().min(-1_000_000_000_00).max(1_000_000_000_00),
  reason: z.string().trim().min(5).max(2000),
});
export const bulkIdsBody = z.strictObject({ ids: z.array(id).min(1).max(200) });
export const countResponse = z.object({ count: z.number().int() });

export const runView = z.object({
  id: z.string(),
  periodKey: z.string(),
  trigger: z.enum(['schedule', 'operator']),
  status: z.enum(['running', 'completed', 'cancelled', 'failed']),
  verification: z.boolean(),
  matches: z.boolean().nullable(),
  partnersTotal: z.number().int(),
  partnersDone: z.number().int(),
  progress: z.number(),
  linesCount: z.number().int(),
  totalFen: z.number().int(),
  excludedCount: z.number().int(),
  cancelRequested: z.boolean(),
  error: z.string().nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});
export const runList = z.object({ items: z.array(runView), counts });
export const runQuery = z.strictObject({
  status: z.enum(['running', 'completed', 'cancelled', 'failed']).optional(),
  periodKey: periodKey.optional(),
});
export const startRunBody = z.strictObject({ periodKey });
export const programQuery = z.strictObject({ program: z.string().min(1).max(64).optional() });
