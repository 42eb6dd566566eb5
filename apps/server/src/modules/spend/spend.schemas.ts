import { z } from 'zod';
import { MAX_BATCH } from './spend.service.ts';

/** Items are checked one by one by the service, so one bad record never refuses the batch. */
export const ingestBody = z.strictObject({
  records: z
    .array(z.unknown())
    .min(1)
    .max(MAX_BATCH)
    .describe(
      'Spend records {record_id (≤ 64), customer_id (account id), spent_at (ISO 8601 with zone), service_type, ' +
        'amount_fen (integer 0…10^12), payment_kind (cash | voucher)}',
    ),
});

export const ingestResponse = z.object({
  accepted: z.number().int(),
  duplicates: z.number().int(),
  rejected: z.number().int(),
  errors: z.array(z.object({ index: z.number().int(), recordId: z.string().nullable(), reason: z.string() })),
});

export const importQuery = z.strictObject({
  format: z.enum(['ndjson', 'csv']).optional(),
  skipBadLines: z.enum(['true', 'false']).default('false'),
  fileName: z.string().max(200).optional(),
});

export const importView = z.object({
  id: z.string(),
  fileName: z.string().nullable(),
  format: z.string(),
  skipBadLines: z.boolean(),
  status: z.enum(['validating', 'importing', 'completed', 'failed', 'interrupted']),
  totalLines: z.number().int(),
  processedLines: z.number().int(),
  insertedCount: z.number().int(),
  duplicateCount: z.number().int(),
  errorCount: z.number().int(),
  errors: z.array(z.object({ line: z.number().int(), reason: z.string() })),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type ImportView = z.infer<typeof importView>;

export const importParams = z.strictObject({ id: z.string().min(1).max(64) });
export const importList = z.object({ items: z.array(importView) });
