import { z } from 'zod';

export const payBody = z.strictObject({
  paidOn: z.iso.date(),
  amountFen: z.number().int().positive().max(1e13),
  bankReference: z.string().trim().min(4).max(64),
});
export const revealBody = z.strictObject({ reason: z.string().trim().min(2).max(300) });
export const idParams = z.object({ id: z.string().min(1).max(64) });

export const paymentView = z.object({
  id: z.string(),
  noticeId: z.string(),
  documentNo: z.string(),
  partnerId: z.string(),
  partnerName: z.string(),
  amountFen: z.number().int(),
  paidOn: z.string(),
  bankReference: z.string(),
  bankName: z.string(),
  accountName: z.string(),
  accountMasked: z.string(),
  createdAt: z.iso.datetime(),
});
export type PaymentView = z.infer<typeof paymentView>;

export const paymentListQuery = z.strictObject({
  partnerId: z.string().max(64).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(20),
  offset: z.coerce.number().int().min(0).default(0),
});
export const paymentExportQuery = paymentListQuery.omit({ limit: true, offset: true }).extend({
  format: z.enum(['csv', 'xlsx']).default('csv'),
});
export const paymentPage = z.object({ items: z.array(paymentView), total: z.number().int() });

/** Where the money goes: the certified account, masked; with whether payouts are allowed now (R4). */
export const payeeView = z.object({
  noticeId: z.string(),
  partnerId: z.string(),
  totalFen: z.number().int(),
  status: z.string(),
  payoutAllowed: z.boolean(),
  payoutBlockedMessage: z.string().nullable(),
  account: z
    .object({
      companyLegalName: z.string(),
      bankName: z.string(),
      bankBranch: z.string(),
      accountName: z.string(),
      accountMasked: z.string(),
    })
    .nullable(),
});
export const revealResponse = z.object({ accountNumber: z.string() });
