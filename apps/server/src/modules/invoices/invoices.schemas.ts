import { z } from 'zod';

const localized = z.object({ 'zh-CN': z.string(), 'en-US': z.string() });
export const NOTICE_STATUSES = ['open', 'invoiced', 'accepted', 'paid'] as const;
export const INVOICE_TYPES = ['vat_special_paper', 'vat_special_electronic'] as const;
/** Accepted in a submission only to be refused with a clear message (R20). */
export const ORDINARY_TYPES = ['vat_ordinary_paper', 'vat_ordinary_electronic'] as const;
export const INVOICE_STATUSES = ['submitted', 'posted', 'received', 'accepted', 'returned'] as const;
export const TIMELINE_STATES = [
  'notified',
  'invoice_submitted',
  'posted',
  'received',
  'accepted',
  'returned',
  'paid',
] as const;

export const buyerView = z.object({
  name: z.string(),
  nameEn: z.string(),
  taxpayerId: z.string(),
  address: z.string(),
  phone: z.string(),
  bankName: z.string(),
  bankAccount: z.string(),
});

/** The invoice list (开票清单): the notice's frozen figures, shown on the page and printed in the PDF. */
export const invoiceListView = z.object({
  noticeId: z.string(),
  documentNo: z.string(),
  noticeDate: z.string(),
  sourceKind: z.enum(['payment_application', 'bill']),
  sourceId: z.string(),
  buyer: buyerView,
  seller: z.object({ name: z.string(), taxpayerId: z.string().nullable() }),
  lines: z.array(z.object({ text: localized, preTaxFen: z.number().int() })),
  taxpayerStatus: z.enum(['general', 'small_scale']),
  rule: z.enum(['standard', 'legacy']),
  rateBasisPoints: z.number().int(),
  formula: localized,
  preTaxFen: z.number().int(),
  amountExTaxFen: z.number().int(),
  taxFen: z.number().int(),
  totalFen: z.number().int(),
  /** The address of this page (signed link); the PDF's QR code points here. */
  url: z.string(),
  pdfUrl: z.string(),
});
export type InvoiceListView = z.infer<typeof invoiceListView>;

export const tokenParams = z.object({ token: z.string().min(1).max(200) });
export const idParams = z.object({ id: z.string().min(1).max(64) });

const taxpayerId = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[0-9A-Z]{15,20}$/, 'taxpayer identification number');

/** One invoice as the partner records it; ordinary types pass validation only to be refused by rule. */
export const invoiceInput = z.strictObject({
  type: z.enum([...INVOICE_TYPES, ...ORDINARY_TYPES]),
  /** 10 or 12 digits; absent for fully digital invoices (20-digit number). */
  invoiceCode: z
    .string()
    .trim()
    .regex(/^(\d{10}|\d{12})$/, 'invoice code (10 or 12 digits)')
    .optional(),
  invoiceNumber: z
    .string()
    .trim()
    .regex(/^(\d{8}|\d{20})$/, 'invoice number (8 or 20 digits)'),
  issuedOn: z.iso.date(),
  amountExTaxFen: z.number().int().positive().max(1e13),
  taxFen: z.number().int().min(0).max(1e13),
  totalFen: z.number().int().positive().max(1e13),
  sellerTaxpayerId: taxpayerId,
  buyerTaxpayerId: taxpayerId,
  /** An uploaded file (POST /api/invoice-files); electronic invoices only. */
  fileId: z.string().min(1).max(64).optional(),
  /** Paper invoices only, when already posted. */
  expressCompany: z.string().trim().min(2).max(64).optional(),
  trackingNumber: z
    .string()
    .trim()
    .regex(/^[0-9A-Za-z-]{6,32}$/, 'tracking number')
    .optional(),
});
export type InvoiceInput = z.infer<typeof invoiceInput>;

export const submitBody = z.strictObject({ invoices: z.array(invoiceInput).min(1).max(20) });

export const postingBody = z.strictObject({
  expressCompany: z.string().trim().min(2).max(64),
  trackingNumber: z
    .string()
    .trim()
    .regex(/^[0-9A-Za-z-]{6,32}$/, 'tracking number'),
});

export const invoiceView = z.object({
  id: z.string(),
  noticeId: z.string(),
  partnerId: z.string(),
  type: z.enum(INVOICE_TYPES),
  invoiceCode: z.string(),
  invoiceNumber: z.string(),
  issuedOn: z.string(),
  amountExTaxFen: z.number().int(),
  taxFen: z.number().int(),
  totalFen: z.number().int(),
  sellerTaxpayerId: z.string(),
  buyerTaxpayerId: z.string(),
  status: z.enum(INVOICE_STATUSES),
  file: z.object({ id: z.string(), fileName: z.string(), format: z.string(), size: z.number() }).nullable(),
  expressCompany: z.string().nullable(),
  trackingNumber: z.string().nullable(),
  returnReason: z.string().nullable(),
  submittedAt: z.iso.datetime(),
  postedAt: z.iso.datetime().nullable(),
  receivedAt: z.iso.datetime().nullable(),
  checkedAt: z.iso.datetime().nullable(),
});
export type InvoiceView = z.infer<typeof invoiceView>;

export const timelineEntry = z.object({
  state: z.enum(TIMELINE_STATES),
  at: z.iso.datetime(),
  invoiceId: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()).nullable(),
});

export const noticeSummary = z.object({
  id: z.string(),
  partnerId: z.string(),
  partnerName: z.string(),
  documentNo: z.string(),
  sourceKind: z.enum(['payment_application', 'bill']),
  sourceId: z.string(),
  status: z.enum(NOTICE_STATUSES),
  noticeDate: z.string(),
  amountExTaxFen: z.number().int(),
  taxFen: z.number().int(),
  totalFen: z.number().int(),
  invoicedExTaxFen: z.number().int(),
  invoicedTaxFen: z.number().int(),
  createdAt: z.iso.datetime(),
});
export type NoticeSummary = z.infer<typeof noticeSummary>;

export const noticeDetail = noticeSummary.extend({
  invoiceList: invoiceListView,
  invoices: z.array(invoiceView),
  timeline: z.array(timelineEntry),
});
export type NoticeDetail = z.infer<typeof noticeDetail>;

export const noticeListQuery = z.strictObject({
  status: z.enum(NOTICE_STATUSES).optional(),
  sourceKind: z.enum(['payment_application', 'bill']).optional(),
  partnerId: z.string().max(64).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(20),
  offset: z.coerce.number().int().min(0).default(0),
});
export const noticeExportQuery = noticeListQuery.omit({ limit: true, offset: true }).extend({
  format: z.enum(['csv', 'xlsx']).default('csv'),
});
export const noticePage = z.object({ items: z.array(noticeSummary), total: z.number().int() });

export const fileQuery = z.strictObject({ fileName: z.string().trim().min(1).max(200).optional() });
export const fileView = z.object({
  id: z.string(),
  fileName: z.string(),
  format: z.enum(['pdf', 'ofd']),
  size: z.number().int(),
  sha256: z.string(),
});

export const invoiceQueueQuery = z.strictObject({
  status: z.enum(INVOICE_STATUSES).optional(),
  partnerId: z.string().max(64).optional(),
  type: z.enum(INVOICE_TYPES).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export const invoiceQueueItem = invoiceView.extend({
  partnerName: z.string(),
  documentNo: z.string(),
  noticeTotalFen: z.number().int(),
});
export const invoiceQueuePage = z.object({
  items: z.array(invoiceQueueItem),
  total: z.number().int(),
  /** Queue sizes for the console's tabs: paper invoices to receive, invoices to check. */
  counts: z.object({ toReceive: z.number().int(), toCheck: z.number().int() }),
});
export const returnBody = z.strictObject({ reason: z.string().trim().min(2).max(500) });
export const bulkCheckBody = z.strictObject({
  action: z.enum(['receive', 'accept']),
  ids: z.array(z.string().min(1).max(64)).min(1).max(100),
});
export const bulkCheckResponse = z.object({
  results: z.array(
    z.object({
      id: z.string(),
      ok: z.boolean(),
      code: z.string().nullable(),
      message: z.string().nullable(),
    }),
  ),
});
