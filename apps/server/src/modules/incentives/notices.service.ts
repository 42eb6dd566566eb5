import './incentives.errors.ts';
import type { DbOrTx } from '@pc/db';
import { businessDate } from '../../platform/clock/working-days.ts';
import type { Actor, AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors/errors.ts';
import { type ExportFormat, tableFile } from '../../platform/export/table-export.ts';
import { type Locale, parseLocale } from '../../platform/i18n/i18n.ts';
import { newId } from '../../platform/ids/ids.ts';
import { fenToYuan } from '../../platform/money/money.ts';
import { partnerAdmins } from '../identity/index.ts';
import { invoiceAmounts, taxpayerStatusOf } from '../tax/index.ts';
import { openTicketIn } from '../tickets/index.ts';
import { billCyclesOf, periodByKey } from './incentives.periods.ts';
import { rateDayOf } from './notices.issue.ts';
import {
  type AdjustmentRow,
  adjustmentsOf,
  countNoticesByStatus,
  findNotice,
  insertAdjustment,
  type NoticeFilter,
  type NoticeRow,
  queryNotices,
  updateNotice,
} from './notices.repository.ts';
import { listPeriods } from './periods.repository.ts';
import { listPolicies, listVersions, listVersionsByIds } from './policies.repository.ts';
import type { PolicyRules } from './policies.schemas.ts';
import { serviceTypeName } from './service-types.ts';
import { exclusionsOf, findLine, type LineRow, linesOfRun, recordsOfLine } from './settlement.repository.ts';

export const amountOf = (n: NoticeRow) => n.preTaxFen + n.adjustmentFen;

/** The invoice side of a notice (R14): by the partner's certified status, or null until certified. */
async function invoiceOf(ctx: AppContext, db: DbOrTx, n: NoticeRow) {
  const status = await taxpayerStatusOf(ctx, db, n.partnerId);
  if (!status) return null;
  const amounts = await invoiceAmounts(ctx, db, {
    status,
    preTaxFen: Math.max(0, amountOf(n)),
    on: rateDayOf({ end: n.periodEnd }),
    periodStart: n.periodStart,
  });
  return { taxpayerStatus: status, ...amounts };
}

function adjustmentView(a: AdjustmentRow) {
  return { id: a.id, amountFen: a.amountFen, reason: a.reason, createdAt: a.createdAt.toISOString() };
}

export async function noticeView(
  ctx: AppContext,
  db: DbOrTx,
  n: NoticeRow,
  extra: { partnerName?: string; adjustments?: AdjustmentRow[] } = {},
) {
  return {
    id: n.id,
    partnerId: n.partnerId,
    partnerName: extra.partnerName ?? null,
    periodKey: n.periodKey,
    periodStart: businessDate(n.periodStart),
    periodEnd: businessDate(new Date(n.periodEnd.getTime() - 1)),
    preTaxFen: n.preTaxFen,
    adjustmentFen: n.adjustmentFen,
    amountFen: amountOf(n),
    status: n.status as 'issued' | 'confirmed' | 'disputed',
    disputeReason: n.disputeReason,
    ticketId: n.ticketId,
    confirmedAt: n.confirmedAt?.toISOString() ?? null,
    paymentApplicationId: n.paymentApplicationId,
    invoice: await invoiceOf(ctx, db, n),
    adjustments: (extra.adjustments ?? []).map(adjustmentView),
    createdAt: n.createdAt.toISOString(),
  };
}

export async function listNotices(ctx: AppContext, f: NoticeFilter) {
  const { rows, total } = await queryNotices(ctx.db, f);
  const items = [];
  for (const r of rows) items.push(await noticeView(ctx, ctx.db, r.notice, { partnerName: r.partnerName }));
  return { items, total, counts: await countNoticesByStatus(ctx.db, f.partnerId) };
}

/** A partner's exclusions (R7 / suspension) of the closed periods, with their reason. */
export async function partnerExclusions(ctx: AppContext, partnerId: string) {
  const runIds = (await listPeriods(ctx.db)).flatMap((p) =>
    p.status === 'closed' && p.runId ? [p.runId] : [],
  );
  const rows = await exclusionsOf(ctx.db, runIds, partnerId);
  return rows.map((r) => ({ periodKey: r.periodKey, reason: r.reason, forgoneFen: r.forgoneFen }));
}

async function loadNotice(db: DbOrTx, id: string, partnerId?: string, lock = false): Promise<NoticeRow> {
  const n = await findNotice(db, id, lock);
  if (!n || (partnerId && n.partnerId !== partnerId)) throw new AppError('incentives.notice_not_found');
  return n;
}

/** A notice with its lines (policy and version of each) and adjustments: the portal's drill-down. */
export async function getNoticeDetail(ctx: AppContext, id: string, partnerId?: string) {
  const n = await loadNotice(ctx.db, id, partnerId);
  const lines = (await linesOfRun(ctx.db, n.runId, [n.partnerId])).filter((l) => l.periodKey === n.periodKey);
  const policies = await listPolicies(ctx.db);
  const versions = await listVersions(
    ctx.db,
    policies.map((p) => p.id),
  );
  return {
    ...(await noticeView(ctx, ctx.db, n, { adjustments: await adjustmentsOf(ctx.db, [n.id]) })),
    lines: lines.map((l) => {
      const policy = policies.find((p) => p.id === l.policyId);
      return {
        id: l.id,
        policyCode: policy?.code ?? l.policyId,
        policyName: policy
          ? { 'zh-CN': policy.nameZh, 'en-US': policy.nameEn }
          : { 'zh-CN': '', 'en-US': '' },
        policyVersion: versions.find((v) => v.id === l.policyVersionId)?.version ?? 0,
        serviceType: l.serviceType,
        serviceName: serviceTypeName(l.serviceType),
        originPeriodKey: l.originPeriodKey,
        late: l.late,
        recordCount: l.recordCount,
        baseFen: l.baseFen,
        basisPoints: l.basisPoints,
        amountFen: l.amountFen,
      };
    }),
  };
}

async function lineOf(ctx: AppContext, lineId: string, partnerId?: string): Promise<LineRow> {
  const line = await findLine(ctx.db, lineId);
  if (!line || (partnerId && line.partnerId !== partnerId)) throw new AppError('incentives.notice_not_found');
  return line;
}

/** The spend records behind one line, each with its unrounded share (every fen traced). */
export async function lineRecords(
  ctx: AppContext,
  lineId: string,
  partnerId: string | undefined,
  page: { limit: number; offset: number },
) {
  const line = await lineOf(ctx, lineId, partnerId);
  const p = periodByKey(line.late ? line.originPeriodKey : line.periodKey);
  if (!p) throw new AppError('incentives.notice_not_found');
  const [version] = await listVersionsByIds(ctx.db, [line.policyVersionId]);
  const rules = (version?.rules as PolicyRules | undefined) ?? { paymentKinds: [], associationTypes: [] };
  const rows = await recordsOfLine(ctx.db, line, p.kind, billCyclesOf(p), rules, page.limit, page.offset);
  return {
    line: {
      id: line.id,
      baseFen: line.baseFen,
      basisPoints: line.basisPoints,
      amountFen: line.amountFen,
      recordCount: line.recordCount,
    },
    items: rows.map((r) => ({
      recordId: r.record_id,
      customerId: r.customer_id,
      spentAt: new Date(r.spent_at).toISOString(),
      serviceType: r.service_type,
      associationType: r.association_type,
      paymentKind: r.payment_kind,
      amountFen: Number(r.amount_fen),
      /** amount × rate in hundredths of a fen, before the line's rounding. */
      shareCentiFen: (Number(r.amount_fen) * line.basisPoints) / 100,
    })),
  };
}

const EXPORT_HEADER: Record<Locale, string[]> = {
  'zh-CN': [
    '期次',
    '政策',
    '版本',
    '服务类型',
    '来源期次',
    '补记',
    '消费记录',
    '客户',
    '消费时间',
    '付款方式',
    '金额（元）',
    '费率',
    '行激励（元）',
  ],
  'en-US': [
    'Period',
    'Policy',
    'Version',
    'Service type',
    'Origin period',
    'Late',
    'Spend record',
    'Customer',
    'Spent at',
    'Payment',
    'Amount',
    'Rate',
    'Line incentive',
  ],
};

/** The notice's lines and every spend record behind them, as CSV or XLSX. */
export async function exportNotice(
  ctx: AppContext,
  id: string,
  partnerId: string | undefined,
  format: ExportFormat,
  locale: Locale,
) {
  const detail = await getNoticeDetail(ctx, id, partnerId);
  const rows: (string | number)[][] = [];
  for (const l of detail.lines) {
    for (let offset = 0; ; offset += 5000) {
      const page = await lineRecords(ctx, l.id, partnerId, { limit: 5000, offset });
      for (const r of page.items) {
        rows.push([
          detail.periodKey,
          l.policyCode,
          l.policyVersion,
          l.serviceType,
          l.originPeriodKey,
          l.late ? (locale === 'zh-CN' ? '是' : 'yes') : '',
          r.recordId,
          r.customerId,
          r.spentAt,
          r.paymentKind,
          fenToYuan(r.amountFen),
          `${l.basisPoints / 100}%`,
          fenToYuan(l.amountFen),
        ]);
      }
      if (page.items.length < 5000) break;
    }
  }
  return tableFile(EXPORT_HEADER[locale], rows, format, `incentive-${detail.periodKey}-${detail.id}`);
}

/** The partner administrator confirms a notice awaiting confirmation. */
export async function confirmNotice(ctx: AppContext, actor: Actor & { partnerId: string }, id: string) {
  return ctx.db.transaction(async (tx) => {
    const before = await loadNotice(tx, id, actor.partnerId, true);
    const now = ctx.clock.now();
    const n = await updateNotice(tx, id, ['issued'], {
      status: 'confirmed',
      confirmedBy: actor.id,
      confirmedAt: now,
      updatedAt: now,
    });
    if (!n) throw new AppError('incentives.notice_not_issued', { status: before.status });
    await ctx.audit.record(tx, actor, {
      action: 'incentives.notice_confirmed',
      entityType: 'incentive_notice',
      entityId: id,
      partnerId: n.partnerId,
      before: { status: before.status },
      after: { status: n.status, amountFen: amountOf(n) },
    });
    return noticeView(ctx, tx, n);
  });
}

/** The partner administrator disputes a notice: a ticket linked to it opens (R11 service level). */
export async function disputeNotice(
  ctx: AppContext,
  actor: Actor & { id: string; partnerId: string },
  id: string,
  reason: string,
) {
  return ctx.db.transaction(async (tx) => {
    const before = await loadNotice(tx, id, actor.partnerId, true);
    if (before.status !== 'issued')
      throw new AppError('incentives.notice_not_issued', { status: before.status });
    const locale = actor.locale;
    const ticket = await openTicketIn(ctx, tx, actor, {
      category: 'billing',
      subject:
        locale === 'zh-CN'
          ? `激励通知 ${before.periodKey} 质疑`
          : `Dispute of incentive notice ${before.periodKey}`,
      description: reason,
      subjectType: 'incentive_notice',
      subjectId: id,
    });
    const now = ctx.clock.now();
    const n = await updateNotice(tx, id, ['issued'], {
      status: 'disputed',
      disputeReason: reason,
      ticketId: ticket.id,
      updatedAt: now,
    });
    if (!n) throw new AppError('incentives.notice_not_issued', { status: before.status });
    await ctx.audit.record(tx, actor, {
      action: 'incentives.notice_disputed',
      entityType: 'incentive_notice',
      entityId: id,
      partnerId: n.partnerId,
      before: { status: before.status },
      after: { status: n.status, reason, ticketId: ticket.id },
    });
    return noticeView(ctx, tx, n);
  });
}

/**
 * An operator corrects a notice with an adjustment (signed fen, with a reason): added, never an
 * edit of history. The notice goes back to awaiting confirmation and the partner is told.
 */
export async function adjustNotice(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: { amountFen: number; reason: string },
) {
  if (input.amountFen === 0) throw new AppError('incentives.adjustment_zero');
  return ctx.db.transaction(async (tx) => {
    const before = await loadNotice(tx, id, undefined, true);
    if (before.paymentApplicationId) throw new AppError('incentives.notice_in_application');
    const total = amountOf(before) + input.amountFen;
    if (total < 0)
      throw new AppError('incentives.adjustment_negative_total', { totalYuan: fenToYuan(total) });
    const now = ctx.clock.now();
    const adj = await insertAdjustment(tx, {
      id: newId('iad'),
      noticeId: id,
      partnerId: before.partnerId,
      amountFen: input.amountFen,
      reason: input.reason,
      createdBy: actor.id,
      createdAt: now,
    });
    const n = await updateNotice(tx, id, ['issued', 'confirmed', 'disputed'], {
      adjustmentFen: before.adjustmentFen + input.amountFen,
      status: 'issued',
      confirmedAt: null,
      confirmedBy: null,
      updatedAt: now,
    });
    if (!n) throw new AppError('incentives.notice_not_found');
    await ctx.audit.record(tx, actor, {
      action: 'incentives.notice_adjusted',
      entityType: 'incentive_notice',
      entityId: id,
      partnerId: n.partnerId,
      before: { status: before.status, amountFen: amountOf(before) },
      after: { status: n.status, amountFen: amountOf(n), adjustment: adjustmentView(adj) },
    });
    await ctx.notifier.notifyMany(
      tx,
      (await partnerAdmins(ctx, n.partnerId, tx)).map((u) => ({
        template: 'incentives.notice_adjusted',
        locale: parseLocale(u.locale) ?? 'zh-CN',
        to: { userId: u.id, email: u.email, phone: u.phone, partnerId: n.partnerId },
        channels: ['email', 'in_app'] as const,
        data: {
          name: u.name,
          period: n.periodKey,
          amountYuan: fenToYuan(input.amountFen),
          reason: input.reason,
          noticeId: n.id,
        },
        idempotencyKey: `incentives.notice_adjusted:${adj.id}:${u.id}`,
      })),
    );
    return noticeView(ctx, tx, n, { adjustments: await adjustmentsOf(tx, [id]) });
  });
}

/** Bulk adjustment is not offered (each needs its reason); bulk reminders re-send the notice. */
export async function remindNotices(ctx: AppContext, actor: Actor, ids: readonly string[]) {
  let sent = 0;
  await ctx.db.transaction(async (tx) => {
    for (const id of ids) {
      const n = await findNotice(tx, id);
      if (n?.status !== 'issued') continue;
      const invoice = await invoiceOf(ctx, tx, n);
      const admins = await partnerAdmins(ctx, n.partnerId, tx);
      await ctx.notifier.notifyMany(
        tx,
        admins.map((u) => {
          const locale = parseLocale(u.locale) ?? 'zh-CN';
          return {
            template: invoice ? 'incentives.notice_issued' : 'incentives.notice_issued_no_status',
            locale,
            to: { userId: u.id, email: u.email, phone: u.phone, partnerId: n.partnerId },
            channels: ['email', 'in_app'] as const,
            data: {
              name: u.name,
              noticeId: n.id,
              period: n.periodKey,
              preTaxYuan: fenToYuan(amountOf(n)),
              invoiceYuan: invoice ? fenToYuan(invoice.totalFen) : '',
              formula: invoice ? invoice.formula[locale] : '',
            },
            idempotencyKey: `incentives.notice_reminder:${n.id}:${n.version}:${ctx.clock.now().toISOString()}:${u.id}`,
          };
        }),
      );
      await ctx.audit.record(tx, actor, {
        action: 'incentives.notice_reminded',
        entityType: 'incentive_notice',
        entityId: id,
        partnerId: n.partnerId,
      });
      sent++;
    }
  });
  return { count: sent };
}
