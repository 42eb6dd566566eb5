import type { AppContext } from '../../platform/context.ts';
import type { Buyer } from './invoices.buyer.ts';
import { invoiceListUrl } from './invoices.notify.ts';
import type { InvoiceListView } from './invoices.schemas.ts';
import type { NoticeRow } from './notices.repository.ts';

/** The invoice list of a notice: every figure straight from the notice row, so the two never differ. */
export function invoiceListOf(ctx: AppContext, row: NoticeRow): InvoiceListView {
  const url = invoiceListUrl(ctx, row);
  return {
    noticeId: row.id,
    documentNo: row.documentNo,
    noticeDate: row.noticeDate,
    sourceKind: row.sourceKind as InvoiceListView['sourceKind'],
    sourceId: row.sourceId,
    buyer: row.buyer as Buyer,
    seller: row.seller as InvoiceListView['seller'],
    lines: row.lines as InvoiceListView['lines'],
    taxpayerStatus: row.taxpayerStatus as InvoiceListView['taxpayerStatus'],
    rule: row.taxRule as InvoiceListView['rule'],
    rateBasisPoints: row.rateBasisPoints,
    formula: row.formula as InvoiceListView['formula'],
    preTaxFen: row.preTaxFen,
    amountExTaxFen: row.amountExTaxFen,
    taxFen: row.taxFen,
    totalFen: row.totalFen,
    url,
    pdfUrl: `${url.replace('/invoice-list/', '/api/invoice-lists/')}/pdf`,
  };
}
