import { z } from 'zod';

const cycle = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM');
const fen = z.number().int();

export const billListQuery = z.object({
  cycle: cycle.optional().describe('Bill cycle YYYY-MM (Asia/Shanghai); the current one by default'),
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(200).default(20),
});

const totals = z.object({
  amountFen: fen,
  cashFen: fen,
  voucherFen: fen,
  periodFen: fen,
  onDemandFen: fen,
  recordCount: z.number().int(),
});

export const billList = z.object({
  cycle: z.string(),
  totals,
  total: z.number().int(),
  items: z.array(
    totals.extend({
      customerId: z.string(),
      customerDomainId: z.string(),
      customerName: z.string(),
      partnerName: z.string(),
    }),
  ),
});

export const customerParams = z.object({ customerId: z.string().min(1).max(64) });
export const cycleQuery = z.object({ cycle: cycle.optional() });

const line = z.object({
  serviceType: z.string(),
  serviceTypeName: z.string(),
  resourceType: z.string(),
  chargingMode: z.number().int(),
  billType: z.number().int(),
  amountFen: fen,
  cashFen: fen,
  voucherFen: fen,
  recordCount: z.number().int(),
});

export const customerBill = totals.extend({
  cycle: z.string(),
  customer: z.object({ id: z.string(), domainId: z.string(), name: z.string() }),
  byServiceType: z.array(
    z.object({
      serviceType: z.string(),
      serviceTypeName: z.string(),
      amountFen: fen,
      cashFen: fen,
      voucherFen: fen,
      recordCount: z.number().int(),
    }),
  ),
  lines: z.array(line),
});

export const feeRecordQuery = z.object({
  cycle: cycle.optional(),
  serviceType: z.string().min(1).max(64).optional(),
  chargingMode: z.coerce
    .number()
    .int()
    .refine((n) => n === 1 || n === 3, '1 or 3')
    .optional(),
  resourceId: z.string().min(1).max(64).optional(),
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(200).default(20),
});

export const feeRecordPage = z.object({
  total: z.number().int(),
  items: z.array(
    z.object({
      id: z.string(),
      tradeId: z.string(),
      source: z.enum(['order', 'usage']),
      tradeTime: z.string(),
      billDetailType: z.number().int(),
      billDetailTypeName: z.string(),
      chargingMode: z.number().int(),
      serviceType: z.string(),
      serviceTypeName: z.string(),
      resourceType: z.string().nullable(),
      resourceId: z.string().nullable(),
      resourceName: z.string().nullable(),
      regionCode: z.string().nullable(),
      enterpriseProjectId: z.string().nullable(),
      amountFen: fen,
      cashFen: fen,
      voucherFen: fen,
    }),
  ),
});

export const exportQuery = z.object({
  cycle,
  format: z.enum(['csv', 'xlsx']).default('csv'),
});
