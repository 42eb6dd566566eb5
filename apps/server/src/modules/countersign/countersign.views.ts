import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors/errors.ts';
import type { Locale } from '../../platform/i18n/i18n.ts';
import { fenToYuan } from '../../platform/money/money.ts';
import { businessDate } from '../certificates/index.ts';
import { type TableColumn, tableFile } from '../invoices/index.ts';
import { partnersByIds } from '../partners/index.ts';
import {
  type BillFilter,
  type BillRow,
  countBills,
  countOverdue,
  findBill,
  listBills,
  pendingStepsOf,
  type StepRow,
  stepsOf,
} from './countersign.repository.ts';
import type { BillView } from './countersign.schemas.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function stepViewOf(s: StepRow, now: Date) {
  return {
    seq: s.seq,
    round: s.round,
    approver: s.approver as 'partner',
    label: s.label as { 'zh-CN': string; 'en-US': string },
    status: s.status as 'pending',
    dueAt: iso(s.dueAt),
    overdue: s.status === 'pending' && !!s.dueAt && s.dueAt < now,
    escalatedAt: iso(s.escalatedAt),
    actedAt: iso(s.actedAt),
    reason: s.reason,
  };
}

async function viewsOf(ctx: AppContext, rows: BillRow[]): Promise<BillView[]> {
  const now = ctx.clock.now();
  const partners = await partnersByIds(ctx, [...new Set(rows.map((r) => r.partnerId))]);
  const pending = new Map(
    (
      await pendingStepsOf(
        ctx.db,
        rows.map((r) => r.id),
      )
    ).map((s) => [s.billId, s]),
  );
  return rows.map((r) => {
    const step = pending.get(r.id);
    return {
      id: r.id,
      partnerId: r.partnerId,
      partnerName: partners.get(r.partnerId)?.name ?? '',
      kind: r.kind as BillView['kind'],
      externalId: r.externalId,
      title: r.title,
      period: r.period,
      totalFen: r.totalFen,
      status: r.status as BillView['status'],
      round: r.round,
      currentStep: step ? stepViewOf(step, now) : null,
      returnReason: r.returnReason,
      noticeId: r.noticeId,
      createdAt: r.createdAt.toISOString(),
    };
  });
}

export async function billPage(ctx: AppContext, f: BillFilter, limit: number, offset: number) {
  const now = ctx.clock.now();
  const [rows, total, countersigning, overdue] = await Promise.all([
    listBills(ctx.db, f, limit, offset),
    countBills(ctx.db, f),
    countBills(ctx.db, { ...f, status: 'countersigning' }),
    countOverdue(ctx.db, now, f),
  ]);
  return { items: await viewsOf(ctx, rows), total, counts: { countersigning, overdue } };
}

export async function billDetail(ctx: AppContext, id: string, partnerId: string | null) {
  const row = await findBill(ctx.db, id);
  if (!row || (partnerId && row.partnerId !== partnerId)) throw new AppError('countersign.bill_not_found');
  const [view] = await viewsOf(ctx, [row]);
  const now = ctx.clock.now();
  return {
    ...(view as BillView),
    lines: row.lines as { description: string; quantity: number; amountFen: number }[],
    steps: (await stepsOf(ctx.db, row.id)).map((s) => stepViewOf(s, now)),
  };
}

const LABELS = {
  kind: {
    marketplace: { 'zh-CN': '云商店商品账单', 'en-US': 'Marketplace' },
    procurement: { 'zh-CN': '采购介入类账单', 'en-US': 'Procurement' },
  },
  status: {
    countersigning: { 'zh-CN': '会签中', 'en-US': 'Countersigning' },
    returned: { 'zh-CN': '已退回', 'en-US': 'Returned' },
    completed: { 'zh-CN': '会签完成', 'en-US': 'Countersigned' },
  },
} as const;

const COLUMNS: TableColumn<BillView>[] = [
  { title: { 'zh-CN': '账单编号', 'en-US': 'Bill id' }, value: (r) => r.externalId },
  { title: { 'zh-CN': '类型', 'en-US': 'Kind' }, value: (r, l) => LABELS.kind[r.kind][l] },
  { title: { 'zh-CN': '账单名称', 'en-US': 'Title' }, value: (r) => r.title },
  { title: { 'zh-CN': '账期', 'en-US': 'Period' }, value: (r) => r.period },
  { title: { 'zh-CN': '伙伴', 'en-US': 'Partner' }, value: (r) => r.partnerName },
  { title: { 'zh-CN': '金额（元）', 'en-US': 'Amount (yuan)' }, value: (r) => fenToYuan(r.totalFen) },
  { title: { 'zh-CN': '状态', 'en-US': 'Status' }, value: (r, l) => LABELS.status[r.status][l] },
  { title: { 'zh-CN': '当前步骤', 'en-US': 'Current step' }, value: (r, l) => r.currentStep?.label[l] ?? '' },
];

export async function exportBills(ctx: AppContext, f: BillFilter, format: 'csv' | 'xlsx', locale: Locale) {
  const rows = await viewsOf(ctx, await listBills(ctx.db, f, 10_000, 0));
  return tableFile(rows, COLUMNS, format, locale, `bills-${businessDate(ctx.clock.now())}`);
}
