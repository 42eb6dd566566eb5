import { z } from 'zod';

export const BILL_KINDS = ['marketplace', 'procurement'] as const;
export const BILL_STATUSES = ['countersigning', 'returned', 'completed'] as const;
export const APPROVERS = ['partner', 'ecosystem_manager', 'reviewer', 'finance', 'admin'] as const;
export type BillKind = (typeof BILL_KINDS)[number];

const localized = z.object({
  'zh-CN': z.string().trim().min(1).max(60),
  'en-US': z.string().trim().min(1).max(60),
});

/** A bill as the billing system sends it (snake_case, like spend ingestion). */
export const ingestBill = z.strictObject({
  external_id: z.string().trim().min(1).max(64),
  kind: z.enum(BILL_KINDS),
  /** The partner's id (`prt_…`) or its account id (domain id). */
  partner: z.string().trim().min(1).max(64),
  title: z.string().trim().min(1).max(200),
  period: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM'),
  lines: z
    .array(
      z.strictObject({
        description: z.string().trim().min(1).max(200),
        quantity: z.number().int().positive().max(1_000_000).default(1),
        amount_fen: z.number().int().positive().max(1e12),
      }),
    )
    .min(1)
    .max(500),
});
export type IngestBill = z.infer<typeof ingestBill>;
export const ingestBody = z.strictObject({ bills: z.array(ingestBill).min(1).max(500) });
export const ingestResponse = z.object({
  results: z.array(
    z.object({
      index: z.number().int(),
      externalId: z.string(),
      outcome: z.enum(['created', 'resent', 'duplicate', 'error']),
      billId: z.string().nullable(),
      code: z.string().nullable(),
      message: z.string().nullable(),
    }),
  ),
});

export const chainStep = z.strictObject({ approver: z.enum(APPROVERS), label: localized });
export const chainBody = z.strictObject({ steps: z.array(chainStep).min(1).max(8) });
export const chainView = z.object({
  kind: z.enum(BILL_KINDS),
  steps: z.array(chainStep),
  updatedAt: z.string().nullable(),
});
export const chainsResponse = z.object({ items: z.array(chainView) });

export const stepView = z.object({
  seq: z.number().int(),
  round: z.number().int(),
  approver: z.enum(APPROVERS),
  label: localized,
  status: z.enum(['waiting', 'pending', 'approved', 'returned']),
  dueAt: z.string().nullable(),
  overdue: z.boolean(),
  escalatedAt: z.string().nullable(),
  actedAt: z.string().nullable(),
  reason: z.string().nullable(),
});
export const billView = z.object({
  id: z.string(),
  partnerId: z.string(),
  partnerName: z.string(),
  kind: z.enum(BILL_KINDS),
  externalId: z.string(),
  title: z.string(),
  period: z.string(),
  totalFen: z.number().int(),
  status: z.enum(BILL_STATUSES),
  round: z.number().int(),
  currentStep: stepView.nullable(),
  returnReason: z.string().nullable(),
  noticeId: z.string().nullable(),
  createdAt: z.string(),
});
export type BillView = z.infer<typeof billView>;
export const billDetail = billView.extend({
  lines: z.array(
    z.object({ description: z.string(), quantity: z.number().int(), amountFen: z.number().int() }),
  ),
  steps: z.array(stepView),
});
export const billListQuery = z.strictObject({
  status: z.enum(BILL_STATUSES).optional(),
  kind: z.enum(BILL_KINDS).optional(),
  partnerId: z.string().max(64).optional(),
  /** Console: only bills whose current step is the caller's. */
  mine: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(20),
  offset: z.coerce.number().int().min(0).default(0),
});
export const billExportQuery = billListQuery.omit({ limit: true, offset: true, mine: true }).extend({
  format: z.enum(['csv', 'xlsx']).default('csv'),
});
export const billPage = z.object({
  items: z.array(billView),
  total: z.number().int(),
  counts: z.object({ countersigning: z.number().int(), overdue: z.number().int() }),
});
export const idParams = z.object({ id: z.string().min(1).max(64) });
export const kindParams = z.object({ kind: z.enum(BILL_KINDS) });
export const returnBody = z.strictObject({ reason: z.string().trim().min(2).max(500) });
export const bulkBody = z.strictObject({ ids: z.array(z.string().min(1).max(64)).min(1).max(100) });
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
