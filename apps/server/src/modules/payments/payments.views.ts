import type { AppContext } from '../../platform/context.ts';
import type { Locale } from '../../platform/i18n/i18n.ts';
import { fenToYuan } from '../../platform/money/money.ts';
import { businessDate } from '../certificates/index.ts';
import { maskBankAccount } from '../certification/index.ts';
import { documentNosOf, type TableColumn, tableFile } from '../invoices/index.ts';
import { partnersByIds } from '../partners/index.ts';
import { countPayments, listPayments, type PaymentFilter, type PaymentRow } from './payments.repository.ts';
import type { PaymentView } from './payments.schemas.ts';

async function viewsOf(ctx: AppContext, rows: PaymentRow[]): Promise<PaymentView[]> {
  const partners = await partnersByIds(ctx, [...new Set(rows.map((r) => r.partnerId))]);
  const docs = await documentNosOf(ctx.db, [...new Set(rows.map((r) => r.noticeId))]);
  return rows.map((r) => ({
    id: r.id,
    noticeId: r.noticeId,
    documentNo: docs.get(r.noticeId) ?? '',
    partnerId: r.partnerId,
    partnerName: partners.get(r.partnerId)?.name ?? '',
    amountFen: r.amountFen,
    paidOn: r.paidOn,
    bankReference: r.bankReference,
    bankName: r.bankName,
    accountName: r.accountName,
    accountMasked: maskBankAccount(r.accountLast4) ?? '',
    createdAt: r.createdAt.toISOString(),
  }));
}

export async function paymentPage(ctx: AppContext, f: PaymentFilter, limit: number, offset: number) {
  const [rows, total] = await Promise.all([listPayments(ctx.db, f, limit, offset), countPayments(ctx.db, f)]);
  return { items: await viewsOf(ctx, rows), total };
}

const COLUMNS: TableColumn<PaymentView>[] = [
  { title: { 'zh-CN': '付款日期', 'en-US': 'Paid on' }, value: (r) => r.paidOn },
  { title: { 'zh-CN': '开票通知', 'en-US': 'Invoicing notice' }, value: (r) => r.documentNo },
  { title: { 'zh-CN': '伙伴', 'en-US': 'Partner' }, value: (r) => r.partnerName },
  { title: { 'zh-CN': '金额（元）', 'en-US': 'Amount (yuan)' }, value: (r) => fenToYuan(r.amountFen) },
  { title: { 'zh-CN': '收款银行', 'en-US': 'Bank' }, value: (r) => r.bankName },
  { title: { 'zh-CN': '收款账户', 'en-US': 'Account' }, value: (r) => r.accountMasked },
  { title: { 'zh-CN': '银行流水号', 'en-US': 'Bank reference' }, value: (r) => r.bankReference },
];

export async function exportPayments(
  ctx: AppContext,
  f: PaymentFilter,
  format: 'csv' | 'xlsx',
  locale: Locale,
) {
  const rows = await viewsOf(ctx, await listPayments(ctx.db, f, 10_000));
  return tableFile(rows, COLUMNS, format, locale, `payments-${businessDate(ctx.clock.now())}`);
}
