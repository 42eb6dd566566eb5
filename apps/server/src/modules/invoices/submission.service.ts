import { type DbOrTx, isUniqueViolation } from '@pc/db';
import type { Actor, AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors/errors.ts';
import { newId } from '../../platform/ids/ids.ts';
import { applyRate, fenToYuan } from '../../platform/money/money.ts';
import type { Buyer } from './invoices.buyer.ts';
import './invoices.errors.ts';
import {
  filesInUse,
  findFileMeta,
  findInvoice,
  type InvoiceRow,
  insertInvoices,
  takenNumbers,
  updateInvoiceFrom,
} from './invoices.repository.ts';
import type { InvoiceInput, InvoiceView } from './invoices.schemas.ts';
import { invoiceViewOf, noticeDetailOf } from './invoices.views.ts';
import {
  addInvoiced,
  insertNoticeEvent,
  lockNotice,
  type NoticeRow,
  updateNotice,
} from './notices.repository.ts';

const ORDINARY = new Set(['vat_ordinary_paper', 'vat_ordinary_electronic']);

/** Every per-invoice rule, in the order a partner would fix them; index is 1-based as on screen. */
async function checkInvoice(tx: DbOrTx, notice: NoticeRow, inv: InvoiceInput, index: number): Promise<void> {
  if (ORDINARY.has(inv.type)) throw new AppError('invoices.ordinary_invoice_refused', { index });
  if (inv.amountExTaxFen + inv.taxFen !== inv.totalFen)
    throw new AppError('invoices.invoice_arithmetic', { index });
  // Declared rounding: tax = amount × rate, half-up to the fen; a split may move one fen between invoices.
  const expected = applyRate(inv.amountExTaxFen, notice.rateBasisPoints, 10_000);
  if (Math.abs(inv.taxFen - expected) > 1) {
    throw new AppError('invoices.tax_rounding', {
      index,
      tax: fenToYuan(inv.taxFen),
      expected: fenToYuan(expected),
      rate: `${notice.rateBasisPoints / 100}%`,
    });
  }
  const buyer = notice.buyer as Buyer;
  if (inv.buyerTaxpayerId !== buyer.taxpayerId) {
    throw new AppError('invoices.wrong_buyer_taxpayer_id', { index, expected: buyer.taxpayerId });
  }
  const seller = notice.seller as { taxpayerId: string | null };
  if (seller.taxpayerId && inv.sellerTaxpayerId !== seller.taxpayerId) {
    throw new AppError('invoices.wrong_seller_taxpayer_id', { index, expected: seller.taxpayerId });
  }
  if (inv.type === 'vat_special_electronic') {
    if (inv.trackingNumber || inv.expressCompany)
      throw new AppError('invoices.tracking_for_electronic', { index });
    if (!inv.fileId) throw new AppError('invoices.file_required', { index });
    const file = await findFileMeta(tx, inv.fileId);
    if (!file || file.partnerId !== notice.partnerId)
      throw new AppError('invoices.file_not_found', { index });
  } else if (inv.fileId) {
    throw new AppError('invoices.file_not_allowed', { index });
  }
}

async function checkUnique(tx: DbOrTx, invoices: InvoiceInput[]): Promise<void> {
  const keys = invoices.map((i) => ({ invoiceCode: i.invoiceCode ?? '', invoiceNumber: i.invoiceNumber }));
  const seen = new Set<string>();
  for (const k of keys) {
    const key = `${k.invoiceCode}/${k.invoiceNumber}`;
    if (seen.has(key)) throw new AppError('invoices.duplicate_number', { invoiceNumber: k.invoiceNumber });
    seen.add(key);
  }
  const [taken] = await takenNumbers(tx, keys);
  if (taken) throw new AppError('invoices.duplicate_number', { invoiceNumber: taken });
  const files = invoices.flatMap((i) => (i.fileId ? [i.fileId] : []));
  if (new Set(files).size !== files.length || (await filesInUse(tx, files)).length) {
    throw new AppError('invoices.file_not_found');
  }
}

function checkTotals(notice: NoticeRow, invoices: InvoiceInput[]): void {
  const sum = (f: (i: InvoiceInput) => number) => invoices.reduce((s, i) => s + f(i), 0);
  const remaining = {
    exTax: notice.amountExTaxFen - notice.invoicedExTaxFen,
    tax: notice.taxFen - notice.invoicedTaxFen,
  };
  const checks: [string, number, number][] = [
    ['amountExTax', sum((i) => i.amountExTaxFen), remaining.exTax],
    ['tax', sum((i) => i.taxFen), remaining.tax],
    ['total', sum((i) => i.totalFen), remaining.exTax + remaining.tax],
  ];
  for (const [field, submitted, expected] of checks) {
    if (submitted !== expected) {
      throw new AppError('invoices.totals_mismatch', {
        field,
        submitted: fenToYuan(submitted),
        expected: fenToYuan(expected),
      });
    }
  }
}

/**
 * R20: the partner records the VAT special invoice(s) for what remains of a notice. Together they
 * must match the remaining amount without tax and the remaining tax to the fen; a returned invoice
 * released its part, so a resubmission covers just that. One transaction with the notice locked, so
 * concurrent submissions cannot invoice a notice more than once in total.
 */
export async function submitInvoices(
  ctx: AppContext,
  actor: Actor,
  partnerId: string,
  noticeId: string,
  invoices: InvoiceInput[],
) {
  try {
    return await ctx.db.transaction(async (tx) => {
      const notice = await lockNotice(tx, noticeId);
      if (!notice || notice.partnerId !== partnerId) throw new AppError('invoices.notice_not_found');
      if (notice.status !== 'open') throw new AppError('invoices.notice_not_open', { status: notice.status });
      for (const [n, inv] of invoices.entries()) await checkInvoice(tx, notice, inv, n + 1);
      await checkUnique(tx, invoices);
      checkTotals(notice, invoices);
      const exTax = invoices.reduce((s, i) => s + i.amountExTaxFen, 0);
      const tax = invoices.reduce((s, i) => s + i.taxFen, 0);
      if (!(await addInvoiced(tx, notice.id, exTax, tax))) throw new AppError('common.conflict');
      const now = ctx.clock.now();
      const rows = await insertInvoices(
        tx,
        invoices.map((inv) => rowOf(notice, inv, now)),
      );
      await updateNotice(tx, notice.id, { status: 'invoiced', updatedAt: now });
      for (const r of rows) await recordSubmitted(ctx, tx, actor, notice, r);
      return noticeDetailOf({ ...ctx, db: tx }, (await lockNotice(tx, notice.id)) as NoticeRow);
    });
  } catch (e) {
    if (isUniqueViolation(e, 'invoices_number_uq')) {
      throw new AppError('invoices.duplicate_number', {
        invoiceNumber: invoices.map((i) => i.invoiceNumber).join(', '),
      });
    }
    throw e;
  }
}

function rowOf(notice: NoticeRow, inv: InvoiceInput, now: Date) {
  const electronic = inv.type === 'vat_special_electronic';
  const posted = !electronic && !!inv.trackingNumber;
  return {
    id: newId('inv', now.getTime()),
    noticeId: notice.id,
    partnerId: notice.partnerId,
    type: inv.type,
    invoiceCode: inv.invoiceCode ?? '',
    invoiceNumber: inv.invoiceNumber,
    issuedOn: inv.issuedOn,
    amountExTaxFen: inv.amountExTaxFen,
    taxFen: inv.taxFen,
    totalFen: inv.totalFen,
    sellerTaxpayerId: inv.sellerTaxpayerId,
    buyerTaxpayerId: inv.buyerTaxpayerId,
    // An electronic invoice arrives with its file; a paper one when finance receives the post.
    status: electronic ? 'received' : posted ? 'posted' : 'submitted',
    fileId: inv.fileId ?? null,
    expressCompany: posted ? (inv.expressCompany ?? null) : null,
    trackingNumber: posted ? (inv.trackingNumber ?? null) : null,
    submittedAt: now,
    postedAt: posted ? now : null,
    receivedAt: electronic ? now : null,
    updatedAt: now,
  };
}

async function recordSubmitted(
  ctx: AppContext,
  tx: DbOrTx,
  actor: Actor,
  notice: NoticeRow,
  r: InvoiceRow,
): Promise<void> {
  const states = [
    'invoice_submitted',
    ...(r.postedAt ? ['posted'] : []),
    ...(r.receivedAt ? ['received'] : []),
  ];
  for (const state of states) {
    await insertNoticeEvent(tx, {
      id: newId('ive', r.submittedAt.getTime()),
      noticeId: notice.id,
      invoiceId: r.id,
      state,
      detail: { invoiceNumber: r.invoiceNumber, type: r.type, trackingNumber: r.trackingNumber },
      at: r.submittedAt,
    });
  }
  await ctx.audit.record(tx, actor, {
    action: 'invoices.invoice_submitted',
    entityType: 'invoice',
    entityId: r.id,
    partnerId: notice.partnerId,
    after: {
      noticeId: notice.id,
      type: r.type,
      invoiceCode: r.invoiceCode,
      invoiceNumber: r.invoiceNumber,
      amountExTaxFen: r.amountExTaxFen,
      taxFen: r.taxFen,
      totalFen: r.totalFen,
      status: r.status,
    },
  });
}

/** A paper invoice's courier and tracking number, once it is posted. */
export async function recordPosting(
  ctx: AppContext,
  actor: Actor,
  partnerId: string,
  invoiceId: string,
  body: { expressCompany: string; trackingNumber: string },
): Promise<InvoiceView> {
  return ctx.db.transaction(async (tx) => {
    const inv = await findInvoice(tx, invoiceId);
    if (!inv || inv.partnerId !== partnerId) throw new AppError('invoices.invoice_not_found');
    if (inv.type === 'vat_special_electronic')
      throw new AppError('invoices.tracking_for_electronic', { index: 1 });
    const now = ctx.clock.now();
    const row = await updateInvoiceFrom(tx, inv.id, ['submitted', 'posted'], {
      status: 'posted',
      expressCompany: body.expressCompany,
      trackingNumber: body.trackingNumber,
      postedAt: now,
      updatedAt: now,
    });
    if (!row) throw new AppError('invoices.invalid_transition', { status: inv.status });
    await insertNoticeEvent(tx, {
      id: newId('ive', now.getTime()),
      noticeId: inv.noticeId,
      invoiceId: inv.id,
      state: 'posted',
      detail: { invoiceNumber: inv.invoiceNumber, ...body },
      at: now,
    });
    await ctx.audit.record(tx, actor, {
      action: 'invoices.invoice_posted',
      entityType: 'invoice',
      entityId: inv.id,
      partnerId,
      before: { status: inv.status, trackingNumber: inv.trackingNumber },
      after: { status: row.status, ...body },
    });
    return invoiceViewOf(tx, row);
  });
}
