import type { AppContext } from '../../platform/context.ts';
import type { Locale } from '../../platform/i18n/i18n.ts';
import { fenToYuan } from '../../platform/money/money.ts';
import { businessDate } from '../certificates/index.ts';
import type { NoticeSummary } from './invoices.schemas.ts';
import { noticeSummariesOf } from './invoices.views.ts';
import { listNotices, type NoticeFilter } from './notices.repository.ts';
import { type TableColumn, tableFile } from './table-file.ts';

export const EXPORT_LIMIT = 10_000;

export const NOTICE_STATUS_LABELS: Record<NoticeSummary['status'], Record<Locale, string>> = {
  open: { 'zh-CN': '待开票', 'en-US': 'To invoice' },
  invoiced: { 'zh-CN': '已提交发票', 'en-US': 'Invoiced' },
  accepted: { 'zh-CN': '发票已审核', 'en-US': 'Invoice accepted' },
  paid: { 'zh-CN': '已付款', 'en-US': 'Paid' },
};
export const SOURCE_LABELS: Record<NoticeSummary['sourceKind'], Record<Locale, string>> = {
  payment_application: { 'zh-CN': '激励付款申请', 'en-US': 'Incentive payment application' },
  bill: { 'zh-CN': '会签账单', 'en-US': 'Countersigned bill' },
};

const COLUMNS: TableColumn<NoticeSummary>[] = [
  { title: { 'zh-CN': '单据编号', 'en-US': 'Document no.' }, value: (r) => r.documentNo },
  { title: { 'zh-CN': '通知日期', 'en-US': 'Notice date' }, value: (r) => r.noticeDate },
  { title: { 'zh-CN': '伙伴', 'en-US': 'Partner' }, value: (r) => r.partnerName },
  { title: { 'zh-CN': '来源', 'en-US': 'Source' }, value: (r, l) => SOURCE_LABELS[r.sourceKind][l] },
  { title: { 'zh-CN': '来源单号', 'en-US': 'Source id' }, value: (r) => r.sourceId },
  {
    title: { 'zh-CN': '不含税金额（元）', 'en-US': 'Without tax (yuan)' },
    value: (r) => fenToYuan(r.amountExTaxFen),
  },
  { title: { 'zh-CN': '税额（元）', 'en-US': 'Tax (yuan)' }, value: (r) => fenToYuan(r.taxFen) },
  { title: { 'zh-CN': '价税合计（元）', 'en-US': 'Total (yuan)' }, value: (r) => fenToYuan(r.totalFen) },
  { title: { 'zh-CN': '状态', 'en-US': 'Status' }, value: (r, l) => NOTICE_STATUS_LABELS[r.status][l] },
];

export async function exportNotices(
  ctx: AppContext,
  filter: NoticeFilter,
  format: 'csv' | 'xlsx',
  locale: Locale,
) {
  const rows = await noticeSummariesOf(ctx, await listNotices(ctx.db, filter, EXPORT_LIMIT));
  return tableFile(rows, COLUMNS, format, locale, `invoicing-notices-${businessDate(ctx.clock.now())}`);
}
