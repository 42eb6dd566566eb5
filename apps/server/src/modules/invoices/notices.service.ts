import type { DbOrTx } from '@pc/db';
import type { Actor, AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors/errors.ts';
import { newId } from '../../platform/ids/ids.ts';
import { businessDate } from '../certificates/index.ts';
import { certifiedPayee } from '../certification/index.ts';
import { getPartner } from '../partners/index.ts';
import { noticeAmounts } from './invoices.amounts.ts';
import { PROVIDER_BUYER } from './invoices.buyer.ts';
import './invoices.errors.ts';
import { notifyNoticeIssued } from './invoices.notify.ts';
import {
  findNoticeBySource,
  insertNoticeEvent,
  insertNoticeOnce,
  lockNotice,
  type NoticeRow,
  updateNotice,
} from './notices.repository.ts';

import type { NoticeLine } from './notices.types.ts';

export type NoticeSourceKind = 'payment_application' | 'bill';

export type { NoticeLine } from './notices.types.ts';

export interface NewInvoicingNotice {
  partnerId: string;
  source: { kind: NoticeSourceKind; id: string };
  lines: NoticeLine[];
  periodStart?: Date;
}

function checkInput(input: NewInvoicingNotice): void {
  const bad = (reason: string) => new AppError('invoices.invalid_notice', { reason });
  if (!['payment_application', 'bill'].includes(input.source.kind)) throw bad('source.kind');
  if (!input.source.id) throw bad('source.id');
  if (!input.lines.length) throw bad('lines');
  for (const l of input.lines) {
    if (!Number.isSafeInteger(l.preTaxFen) || l.preTaxFen <= 0) throw bad('lines.preTaxFen');
    if (!l.text['zh-CN']?.trim() || !l.text['en-US']?.trim()) throw bad('lines.text');
  }
}

/** `KPQD-20260115-7KQ3M2XA`: the date in Asia/Shanghai and the id's random tail. */
function documentNoOf(id: string, day: string): string {
  return `KPQD-${day.replaceAll('-', '')}-${id.slice(-8).toUpperCase()}`;
}

/**
 * R14/R20/R21: issues the invoicing notice of a payment application or a countersigned bill, in the
 * caller's transaction, with its timeline entry, audit record and the partner administrators' email,
 * SMS and in-app messages. Idempotent on the source: a second call (or a concurrent one) returns the
 * notice already issued. Amounts follow the partner's taxpayer status on the notice date.
 */
export async function createInvoicingNotice(
  ctx: AppContext,
  tx: DbOrTx,
  actor: Actor,
  input: NewInvoicingNotice,
): Promise<{ id: string }> {
  checkInput(input);
  const existing = await findNoticeBySource(tx, input.source.kind, input.source.id);
  if (existing) return { id: existing.id };
  const partner = await getPartner(ctx, input.partnerId, tx);
  if (!partner) throw new AppError('invoices.invalid_notice', { reason: 'partnerId' });
  const now = ctx.clock.now();
  const preTaxFen = input.lines.reduce((s, l) => s + l.preTaxFen, 0);
  const amounts = await noticeAmounts(ctx, tx, {
    partnerId: input.partnerId,
    preTaxFen,
    on: now,
    subject: input.source.kind === 'bill' ? 'bill' : 'incentive',
    ...(input.periodStart ? { periodStart: input.periodStart } : {}),
  });
  const payee = await certifiedPayee(tx, input.partnerId);
  const id = newId('ivn', now.getTime());
  const day = businessDate(now);
  const row = await insertNoticeOnce(tx, {
    id,
    documentNo: documentNoOf(id, day),
    partnerId: input.partnerId,
    sourceKind: input.source.kind,
    sourceId: input.source.id,
    status: 'open',
    lines: input.lines.map((l) => ({
      text: { 'zh-CN': l.text['zh-CN'], 'en-US': l.text['en-US'] },
      preTaxFen: l.preTaxFen,
    })),
    buyer: { ...PROVIDER_BUYER },
    seller: { name: payee?.companyLegalName ?? partner.name, taxpayerId: payee?.taxpayerId ?? null },
    taxpayerStatus: amounts.status,
    taxRule: amounts.rule,
    rateBasisPoints: amounts.rateBasisPoints,
    formula: amounts.formula,
    preTaxFen: amounts.preTaxFen,
    amountExTaxFen: amounts.amountExTaxFen,
    taxFen: amounts.taxFen,
    totalFen: amounts.totalFen,
    periodStart: input.periodStart ?? null,
    noticeDate: day,
    createdAt: now,
    updatedAt: now,
  });
  if (!row) {
    // A concurrent call for the same source won the insert; its notice is the one.
    const winner = await findNoticeBySource(tx, input.source.kind, input.source.id);
    if (!winner) throw new AppError('common.conflict');
    return { id: winner.id };
  }
  await recordIssued(ctx, tx, actor, row);
  return { id: row.id };
}

async function recordIssued(ctx: AppContext, tx: DbOrTx, actor: Actor, row: NoticeRow): Promise<void> {
  await insertNoticeEvent(tx, {
    id: newId('ive', row.createdAt.getTime()),
    noticeId: row.id,
    state: 'notified',
    detail: { documentNo: row.documentNo },
    at: row.createdAt,
  });
  await ctx.audit.record(tx, actor, {
    action: 'invoices.notice_issued',
    entityType: 'invoicing_notice',
    entityId: row.id,
    partnerId: row.partnerId,
    after: {
      source: { kind: row.sourceKind, id: row.sourceId },
      documentNo: row.documentNo,
      preTaxFen: row.preTaxFen,
      amountExTaxFen: row.amountExTaxFen,
      taxFen: row.taxFen,
      totalFen: row.totalFen,
      taxpayerStatus: row.taxpayerStatus,
      rule: row.taxRule,
    },
  });
  await notifyNoticeIssued(ctx, tx, row);
}

/** For payments: the notice locked in the caller's transaction (payment and notice change together). */
export async function lockNoticeForPayment(tx: DbOrTx, id: string): Promise<NoticeRow | undefined> {
  return lockNotice(tx, id);
}

/** The notice is paid: state, timeline entry and audit in the payment's transaction. */
export async function markNoticePaid(
  ctx: AppContext,
  tx: DbOrTx,
  actor: Actor,
  row: NoticeRow,
  payment: { id: string; paidOn: string; amountFen: number; accountMasked: string },
): Promise<void> {
  const now = ctx.clock.now();
  await updateNotice(tx, row.id, { status: 'paid', updatedAt: now });
  await insertNoticeEvent(tx, {
    id: newId('ive', now.getTime()),
    noticeId: row.id,
    state: 'paid',
    detail: {
      paymentId: payment.id,
      paidOn: payment.paidOn,
      amountFen: payment.amountFen,
      account: payment.accountMasked,
    },
    at: now,
  });
  await ctx.audit.record(tx, actor, {
    action: 'invoices.notice_paid',
    entityType: 'invoicing_notice',
    entityId: row.id,
    partnerId: row.partnerId,
    before: { status: row.status },
    after: { status: 'paid', paymentId: payment.id },
  });
}
