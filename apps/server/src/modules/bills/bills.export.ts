import { Readable } from 'node:stream';
import { businessDateTime } from '../../platform/clock/clock.ts';
import type { AppContext } from '../../platform/context.ts';
import { csvCell } from '../../platform/export/table-export.ts';
import type { Locale } from '../../platform/i18n/i18n.ts';
import { fenToYuan } from '../../platform/money/money.ts';
import { getPartner } from '../partners/index.ts';
import { type FeeRecord, walkFeeRecords } from './bills.fees.ts';
import { serviceTypeName } from './bills.names.ts';
import { type Cell, XlsxStream } from './bills.xlsx.ts';

/** Rows fetched per query; each batch is written out before the next is read. */
export const EXPORT_BATCH = 5_000;

const HEADERS: Record<Locale, string[]> = {
  'zh-CN': [
    '账期',
    '伙伴',
    '客户账号ID',
    '客户名称',
    '关联类型',
    '交易时间（北京时间）',
    '订单/交易ID',
    '账单类型',
    '计费模式',
    '云服务类型',
    '云服务类型名称',
    '资源类型',
    '资源ID',
    '资源名称',
    '区域',
    '企业项目',
    '应付金额（元）',
    '现金（元）',
    '代金券（元）',
  ],
  'en-US': [
    'Bill cycle',
    'Partner',
    'Customer account ID',
    'Customer name',
    'Association',
    'Trade time (UTC+8)',
    'Order/trade ID',
    'Bill type',
    'Charging mode',
    'Service type',
    'Service type name',
    'Resource type',
    'Resource ID',
    'Resource name',
    'Region',
    'Enterprise project',
    'Amount (CNY)',
    'Cash (CNY)',
    'Voucher (CNY)',
  ],
};

const DETAIL_TYPES: Record<number, Record<Locale, string>> = {
  1: { 'zh-CN': '消费-新购', 'en-US': 'Purchase' },
  2: { 'zh-CN': '消费-续订', 'en-US': 'Renewal' },
  3: { 'zh-CN': '消费-变更', 'en-US': 'Change' },
  4: { 'zh-CN': '退款-退订', 'en-US': 'Refund: unsubscribe' },
  5: { 'zh-CN': '消费-使用', 'en-US': 'Usage' },
  8: { 'zh-CN': '消费-自动续订', 'en-US': 'Auto-renewal' },
  20: { 'zh-CN': '退款-变更', 'en-US': 'Refund: change' },
  24: { 'zh-CN': '退款-包年/包月转按需', 'en-US': 'Refund: to pay-per-use' },
};
const MODES: Record<number, Record<Locale, string>> = {
  1: { 'zh-CN': '包年/包月', 'en-US': 'Yearly/monthly' },
  3: { 'zh-CN': '按需', 'en-US': 'Pay-per-use' },
};
const ASSOCIATION: Record<string, Record<Locale, string>> = {
  referral: { 'zh-CN': '顾问销售', 'en-US': 'Referral' },
  resale: { 'zh-CN': '代售', 'en-US': 'Resale' },
};

export function detailTypeName(type: number, locale: Locale): string {
  return DETAIL_TYPES[type]?.[locale] ?? String(type);
}
export function chargingModeName(mode: number, locale: Locale): string {
  return MODES[mode]?.[locale] ?? String(mode);
}

function cellsOf(r: FeeRecord, partnerName: string, locale: Locale): Cell[] {
  return [
    r.billCycle,
    partnerName,
    r.customerDomainId,
    r.customerName,
    r.associationType ? (ASSOCIATION[r.associationType]?.[locale] ?? r.associationType) : null,
    businessDateTime(r.tradeTime),
    r.tradeId,
    detailTypeName(r.billDetailType, locale),
    chargingModeName(r.chargingMode, locale),
    r.serviceType,
    serviceTypeName(r.serviceType, locale),
    r.resourceType,
    r.resourceId,
    r.resourceName,
    r.regionCode,
    r.enterpriseProjectId,
    fenToYuan(r.amountFen),
    fenToYuan(r.cashFen),
    fenToYuan(r.voucherFen),
  ];
}

export interface ExportOptions {
  batchSize?: number;
  /** Called after each batch is read from the database, before its rows are written (tests). */
  onBatch?: (rowsSoFar: number) => void;
}

async function* rowsOf(
  ctx: AppContext,
  partnerIds: string[],
  cycle: string,
  locale: Locale,
  opts: ExportOptions,
): AsyncGenerator<Cell[][]> {
  const names = new Map<string, string>();
  for (const id of partnerIds) names.set(id, (await getPartner(ctx, id))?.name ?? id);
  let n = 0;
  for await (const batch of walkFeeRecords(ctx.db, partnerIds, cycle, opts.batchSize ?? EXPORT_BATCH)) {
    n += batch.length;
    opts.onBatch?.(n);
    yield batch.map((r) => cellsOf(r, names.get(r.partnerId) ?? r.partnerId, locale));
  }
}

async function* csvChunks(rows: AsyncGenerator<Cell[][]>, header: string[]): AsyncGenerator<Buffer> {
  yield Buffer.from(`\ufeff${header.map(csvCell).join(',')}\r\n`);
  for await (const batch of rows) {
    let text = '';
    for (const cells of batch) text += `${cells.map(csvCell).join(',')}\r\n`;
    yield Buffer.from(text);
  }
}

async function* xlsxChunks(
  rows: AsyncGenerator<Cell[][]>,
  header: string[],
  sheet: string,
): AsyncGenerator<Buffer> {
  const x = new XlsxStream(header, sheet);
  for await (const batch of rows) {
    for (const cells of batch)
      x.addRow(cells.map((c, i) => (i >= 16 && typeof c === 'string' ? Number(c) : c)));
    const out = x.take();
    if (out.length) yield Buffer.concat(out);
  }
  yield Buffer.concat(x.finish());
}

export interface ExportFile {
  contentType: string;
  filename: string;
  stream: Readable;
}

/**
 * The reconciliation export of a month across the partners' customers: every fee record (order
 * lines and usage), streamed. Rows are read in batches by keyset and written as each batch arrives;
 * the stream pulls the next batch only when the client has taken the previous one (backpressure),
 * so memory is bounded by one batch whatever the month's size.
 */
export function exportMonth(
  ctx: AppContext,
  partnerIds: string[],
  cycle: string,
  format: 'csv' | 'xlsx',
  locale: Locale,
  opts: ExportOptions = {},
): ExportFile {
  const rows = rowsOf(ctx, partnerIds, cycle, locale, opts);
  const header = HEADERS[locale];
  if (format === 'csv')
    return {
      contentType: 'text/csv; charset=utf-8',
      filename: `bills-${cycle}.csv`,
      stream: Readable.from(csvChunks(rows, header), { objectMode: false }),
    };
  return {
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    filename: `bills-${cycle}.xlsx`,
    stream: Readable.from(xlsxChunks(rows, header, locale === 'zh-CN' ? '对账单' : 'Reconciliation'), {
      objectMode: false,
    }),
  };
}
