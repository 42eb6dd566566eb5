import { sql } from 'drizzle-orm';
import { bigint, customType, index, integer, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { ts } from './common.ts';
import { partners } from './partners.ts';

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
});
const fen = (name: string) => bigint(name, { mode: 'number' });

/**
 * R20/R21: what the partner must invoice for one payment application or one countersigned bill.
 * The amounts, buyer and seller are frozen when the notice is issued: the invoice list page and its
 * PDF are drawn from this row only, so they never differ from the notice.
 */
export const invoicingNotices = pgTable(
  'invoicing_notices',
  {
    id: text('id').primaryKey(),
    /** Printed on the invoice list (开票清单); unique, human-readable. */
    documentNo: text('document_no').notNull(),
    partnerId: text('partner_id')
      .notNull()
      .references(() => partners.id),
    sourceKind: text('source_kind').notNull(),
    sourceId: text('source_id').notNull(),
    /** open → invoiced → accepted → paid; back to open when an invoice is returned. */
    status: text('status').notNull(),
    /** `[{ text: { 'zh-CN', 'en-US' }, preTaxFen }]`: the goods/service lines to write on the invoice. */
    lines: jsonb('lines').notNull(),
    /** `{ name, taxpayerId, address, phone, bankName, bankAccount }` of the provider (the buyer). */
    buyer: jsonb('buyer').notNull(),
    /** `{ name, taxpayerId }` of the partner as certified when the notice was issued. */
    seller: jsonb('seller').notNull(),
    taxpayerStatus: text('taxpayer_status').notNull(),
    taxRule: text('tax_rule').notNull(),
    rateBasisPoints: integer('rate_basis_points').notNull(),
    /** How the amounts were computed, `{ 'zh-CN', 'en-US' }` (from the tax module). */
    formula: jsonb('formula').notNull(),
    preTaxFen: fen('pre_tax_fen').notNull(),
    amountExTaxFen: fen('amount_ex_tax_fen').notNull(),
    taxFen: fen('tax_fen').notNull(),
    totalFen: fen('total_fen').notNull(),
    /** Sums over the invoices not returned: the cap that concurrent submissions cannot pass. */
    invoicedExTaxFen: fen('invoiced_ex_tax_fen').notNull().default(0),
    invoicedTaxFen: fen('invoiced_tax_fen').notNull().default(0),
    periodStart: ts('period_start'),
    /** The notice date (Asia/Shanghai `YYYY-MM-DD`): the taxpayer status and rate of this day apply. */
    noticeDate: text('notice_date').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('invoicing_notices_source_uq').on(t.sourceKind, t.sourceId),
    uniqueIndex('invoicing_notices_document_uq').on(t.documentNo),
    index('invoicing_notices_partner_idx').on(t.partnerId, t.createdAt),
    index('invoicing_notices_status_idx').on(t.status, t.createdAt),
  ],
);

/** A VAT special invoice the partner issued against a notice (several may cover one notice). */
export const invoices = pgTable(
  'invoices',
  {
    id: text('id').primaryKey(),
    noticeId: text('notice_id')
      .notNull()
      .references(() => invoicingNotices.id),
    partnerId: text('partner_id')
      .notNull()
      .references(() => partners.id),
    /** `vat_special_paper` | `vat_special_electronic`; ordinary invoices never get here. */
    type: text('type').notNull(),
    /** Empty for fully digital invoices, which have a 20-digit number only. */
    invoiceCode: text('invoice_code').notNull().default(''),
    invoiceNumber: text('invoice_number').notNull(),
    issuedOn: text('issued_on').notNull(),
    amountExTaxFen: fen('amount_ex_tax_fen').notNull(),
    taxFen: fen('tax_fen').notNull(),
    totalFen: fen('total_fen').notNull(),
    sellerTaxpayerId: text('seller_taxpayer_id').notNull(),
    buyerTaxpayerId: text('buyer_taxpayer_id').notNull(),
    /** submitted → posted → received (paper) | received (electronic) → accepted | returned. */
    status: text('status').notNull(),
    fileId: text('file_id'),
    expressCompany: text('express_company'),
    trackingNumber: text('tracking_number'),
    returnReason: text('return_reason'),
    submittedAt: ts('submitted_at').notNull(),
    postedAt: ts('posted_at'),
    receivedAt: ts('received_at'),
    checkedAt: ts('checked_at'),
    checkedBy: text('checked_by'),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    // One invoice number once, whoever submits it; a returned invoice frees its number.
    uniqueIndex('invoices_number_uq').on(t.invoiceCode, t.invoiceNumber).where(sql`status <> 'returned'`),
    index('invoices_notice_idx').on(t.noticeId, t.submittedAt),
    index('invoices_status_idx').on(t.status, t.submittedAt),
  ],
);

/** An electronic invoice's file (PDF or OFD, ≤ 10 MB), uploaded before the invoice is submitted. */
export const invoiceFiles = pgTable(
  'invoice_files',
  {
    id: text('id').primaryKey(),
    partnerId: text('partner_id')
      .notNull()
      .references(() => partners.id),
    fileName: text('file_name').notNull(),
    /** `pdf` | `ofd`, from the content, not the name. */
    format: text('format').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('invoice_files_partner_idx').on(t.partnerId, t.createdAt)],
);

/** The states a partner sees on a notice, each with its date (notice → … → paid). */
export const invoicingNoticeEvents = pgTable(
  'invoicing_notice_events',
  {
    id: text('id').primaryKey(),
    noticeId: text('notice_id')
      .notNull()
      .references(() => invoicingNotices.id),
    invoiceId: text('invoice_id'),
    state: text('state').notNull(),
    detail: jsonb('detail'),
    at: ts('at').notNull(),
  },
  (t) => [index('invoicing_notice_events_notice_idx').on(t.noticeId, t.at)],
);
