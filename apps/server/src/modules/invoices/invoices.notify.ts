import type { DbOrTx } from '@pc/db';
import type { AppContext } from '../../platform/context.ts';
import type { Locale } from '../../platform/i18n/i18n.ts';
import { fenToYuan } from '../../platform/money/money.ts';
import { notifyPartnerAdmins } from '../identity/index.ts';
import { signListToken } from './invoice-link.ts';
import type { Buyer } from './invoices.buyer.ts';
import type { NoticeRow } from './notices.repository.ts';
import type { NoticeLine } from './notices.types.ts';

const SOURCE_NAMES: Record<string, Record<Locale, string>> = {
  payment_application: { 'zh-CN': '激励付款申请', 'en-US': 'incentive payment application' },
  bill: { 'zh-CN': '会签账单', 'en-US': 'countersigned bill' },
};

/** The signed, expiring address of the notice's invoice list (开票清单) page. */
export function invoiceListUrl(ctx: AppContext, row: NoticeRow): string {
  return `${ctx.config.publicUrl}/invoice-list/${signListToken(ctx.config.secretKey, row.id, row.createdAt)}`;
}

/** Tells every administrator of the partner, in their language; keyed so a retry never sends twice. */
function notifyAdmins(
  ctx: AppContext,
  tx: DbOrTx,
  partnerId: string,
  template: string,
  key: string,
  data: (locale: Locale) => Record<string, unknown>,
): Promise<void> {
  return notifyPartnerAdmins(ctx, tx, partnerId, { template, key, data });
}

export async function notifyNoticeIssued(ctx: AppContext, tx: DbOrTx, row: NoticeRow): Promise<void> {
  const buyer = row.buyer as Buyer;
  const lines = row.lines as NoticeLine[];
  const url = invoiceListUrl(ctx, row);
  await notifyAdmins(
    ctx,
    tx,
    row.partnerId,
    'invoices.notice_issued',
    `invoices:notice:${row.id}`,
    (locale) => ({
      noticeId: row.id,
      documentNo: row.documentNo,
      source: SOURCE_NAMES[row.sourceKind]?.[locale] ?? row.sourceKind,
      buyerName: locale === 'zh-CN' ? buyer.name : `${buyer.name} (${buyer.nameEn})`,
      buyerTaxpayerId: buyer.taxpayerId,
      buyerAddress: `${buyer.address} ${buyer.phone}`,
      buyerBank: `${buyer.bankName} ${buyer.bankAccount}`,
      lines: lines.map((l) => `${l.text[locale]} ${fenToYuan(l.preTaxFen)}`).join('；'),
      exTax: fenToYuan(row.amountExTaxFen),
      tax: fenToYuan(row.taxFen),
      total: fenToYuan(row.totalFen),
      rate: `${row.rateBasisPoints / 100}%`,
      listUrl: url,
    }),
  );
}

export async function notifyInvoiceChecked(
  ctx: AppContext,
  tx: DbOrTx,
  row: NoticeRow,
  invoice: { id: string; invoiceNumber: string; returnReason: string | null },
  outcome: 'accepted' | 'returned',
): Promise<void> {
  await notifyAdmins(
    ctx,
    tx,
    row.partnerId,
    `invoices.invoice_${outcome}`,
    `invoices:${outcome}:${invoice.id}`,
    () => ({
      noticeId: row.id,
      documentNo: row.documentNo,
      invoiceNumber: invoice.invoiceNumber,
      reason: invoice.returnReason ?? '',
    }),
  );
}

export { notifyAdmins };
