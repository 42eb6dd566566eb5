import type { DbOrTx } from '@pc/db';
import type { AppContext } from '../../platform/context.ts';
import { partnersByIds } from '../partners/index.ts';
import { invoiceListOf } from './invoice-list.view.ts';
import { findFileMeta, type InvoiceRow, invoicesOfNotice } from './invoices.repository.ts';
import type { InvoiceView, NoticeDetail, NoticeSummary } from './invoices.schemas.ts';
import { listNoticeEvents, type NoticeRow } from './notices.repository.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export async function invoiceViewOf(db: DbOrTx, r: InvoiceRow): Promise<InvoiceView> {
  const file = r.fileId ? await findFileMeta(db, r.fileId) : undefined;
  return {
    id: r.id,
    noticeId: r.noticeId,
    partnerId: r.partnerId,
    type: r.type as InvoiceView['type'],
    invoiceCode: r.invoiceCode,
    invoiceNumber: r.invoiceNumber,
    issuedOn: r.issuedOn,
    amountExTaxFen: r.amountExTaxFen,
    taxFen: r.taxFen,
    totalFen: r.totalFen,
    sellerTaxpayerId: r.sellerTaxpayerId,
    buyerTaxpayerId: r.buyerTaxpayerId,
    status: r.status as InvoiceView['status'],
    file: file ? { id: file.id, fileName: file.fileName, format: file.format, size: file.size } : null,
    expressCompany: r.expressCompany,
    trackingNumber: r.trackingNumber,
    returnReason: r.returnReason,
    submittedAt: r.submittedAt.toISOString(),
    postedAt: iso(r.postedAt),
    receivedAt: iso(r.receivedAt),
    checkedAt: iso(r.checkedAt),
  };
}

export async function noticeSummariesOf(ctx: AppContext, rows: NoticeRow[]): Promise<NoticeSummary[]> {
  const partners = await partnersByIds(ctx, [...new Set(rows.map((r) => r.partnerId))]);
  return rows.map((r) => ({
    id: r.id,
    partnerId: r.partnerId,
    partnerName: partners.get(r.partnerId)?.name ?? '',
    documentNo: r.documentNo,
    sourceKind: r.sourceKind as NoticeSummary['sourceKind'],
    sourceId: r.sourceId,
    status: r.status as NoticeSummary['status'],
    noticeDate: r.noticeDate,
    amountExTaxFen: r.amountExTaxFen,
    taxFen: r.taxFen,
    totalFen: r.totalFen,
    invoicedExTaxFen: r.invoicedExTaxFen,
    invoicedTaxFen: r.invoicedTaxFen,
    createdAt: r.createdAt.toISOString(),
  }));
}

export async function noticeDetailOf(ctx: AppContext, row: NoticeRow): Promise<NoticeDetail> {
  const [summary] = await noticeSummariesOf(ctx, [row]);
  const invoices = await invoicesOfNotice(ctx.db, row.id);
  const events = await listNoticeEvents(ctx.db, row.id);
  return {
    ...(summary as NoticeSummary),
    invoiceList: invoiceListOf(ctx, row),
    invoices: await Promise.all(invoices.map((i) => invoiceViewOf(ctx.db, i))),
    timeline: events.map((e) => ({
      state: e.state as NoticeDetail['timeline'][number]['state'],
      at: e.at.toISOString(),
      invoiceId: e.invoiceId,
      detail: (e.detail as Record<string, unknown> | null) ?? null,
    })),
  };
}
