import { z } from 'zod';

export const taxpayerStatus = z.enum(['general', 'small_scale']);

export const vatRate = z.object({
  id: z.string(),
  taxpayerStatus,
  rateBasisPoints: z.number().int(),
  /** Percent text, e.g. "6%". */
  rate: z.string(),
  effectiveFrom: z.string().describe('YYYY-MM-DD, from 00:00 Asia/Shanghai'),
  note: z.string(),
  /** `default` for the built-in rate in force before any operator row. */
  source: z.enum(['default', 'operator']),
  createdAt: z.string().nullable(),
});

export const vatRatesResponse = z.object({
  items: z.array(vatRate),
  /** The rate in force today per status. */
  current: z.object({ general: z.number().int(), small_scale: z.number().int() }),
  legacyCutoff: z.string(),
});

export const addRateBody = z.strictObject({
  taxpayerStatus,
  rateBasisPoints: z.number().int().min(0).max(10_000),
  effectiveFrom: z.iso.date(),
  note: z.string().trim().max(500).default(''),
});
export type AddRateBody = z.infer<typeof addRateBody>;

export const invoicePreviewQuery = z.object({
  taxpayerStatus,
  preTaxFen: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  periodStart: z.iso.date().optional(),
  on: z.iso.date().optional(),
});

export const invoiceAmountsSchema = z.object({
  preTaxFen: z.number().int(),
  amountExTaxFen: z.number().int(),
  taxFen: z.number().int(),
  totalFen: z.number().int(),
  rateBasisPoints: z.number().int(),
  rule: z.enum(['standard', 'legacy']),
  formula: z.object({ 'zh-CN': z.string(), 'en-US': z.string() }),
});
