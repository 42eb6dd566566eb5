import './payment-applications.errors.ts';
import type { DbOrTx } from '@pc/db';
import type { Actor, AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors/errors.ts';
import { parseLocale } from '../../platform/i18n/i18n.ts';
import { newId } from '../../platform/ids/ids.ts';
import { fenToYuan } from '../../platform/money/money.ts';
import { assertPayoutAllowed, payoutEligibility } from '../certification/index.ts';
import { partnerAdmins } from '../identity/index.ts';
import { holdNotices, noticesHeldBy, noticesOfQuarter, periodByKey } from '../incentives/index.ts';
import { createInvoicingNotice } from '../invoices/index.ts';
import {
  type ApplicationFilter,
  type ApplicationRow,
  findApplication,
  findByQuarter,
  insertApplication,
  moveApplication,
  queryApplications,
} from './payment-applications.repository.ts';

export function applicationView(a: ApplicationRow, partnerName: string | null = null) {
  return {
    id: a.id,
    partnerId: a.partnerId,
    partnerName,
    quarter: a.quarter,
    status: a.status as 'submitted' | 'approved' | 'returned',
    amountFen: a.amountFen,
    noticeCount: a.noticeCount,
    submittedAt: a.submittedAt.toISOString(),
    reviewedAt: a.reviewedAt?.toISOString() ?? null,
    returnReason: a.returnReason,
    invoicingNoticeId: a.invoicingNoticeId,
  };
}

function quarterOf(key: string) {
  const q = /^\d{4}-Q[1-4]$/.test(key) ? periodByKey(key) : undefined;
  if (!q) throw new AppError('payment_applications.quarter_invalid', { quarter: key });
  return q;
}

/**
 * R19: the partner applies for payment of a quarter's confirmed incentives. R4 first: until
 * business information is certified the payout gate refuses with the way to it. One application
 * per partner and quarter: a repeated or concurrent submission returns the one that exists (the
 * unique key decides); a returned one is submitted again with the current amounts.
 */
export async function applyForPayment(
  ctx: AppContext,
  actor: Actor & { partnerId: string },
  quarter: string,
) {
  const q = quarterOf(quarter);
  if (ctx.clock.now() < q.end) throw new AppError('payment_applications.quarter_not_ended', { quarter });
  await assertPayoutAllowed(ctx.db, actor.partnerId);
  const existing = await findByQuarter(ctx.db, actor.partnerId, quarter);
  if (existing && existing.status !== 'returned') return applicationView(existing);
  return ctx.db.transaction(async (tx) => {
    await assertPayoutAllowed(tx, actor.partnerId);
    const notices = await noticesOfQuarter(tx, actor.partnerId, q);
    const open = notices.filter((n) => n.status !== 'confirmed');
    if (open.length > 0) {
      throw new AppError('payment_applications.unconfirmed_notices', { quarter, count: open.length });
    }
    if (notices.length === 0) throw new AppError('payment_applications.nothing_confirmed', { quarter });
    const amountFen = notices.reduce((s, n) => s + n.amountFen, 0);
    const now = ctx.clock.now();
    let app: ApplicationRow | undefined;
    const returned = await findByQuarter(tx, actor.partnerId, quarter);
    if (returned?.status === 'returned') {
      app = await moveApplication(tx, returned.id, 'returned', {
        status: 'submitted',
        amountFen,
        noticeCount: notices.length,
        submittedBy: actor.id,
        submittedAt: now,
        returnReason: null,
        reviewedAt: null,
        reviewedBy: null,
        updatedAt: now,
      });
    } else {
      app = await insertApplication(tx, {
        id: newId('pap'),
        partnerId: actor.partnerId,
        quarter,
        status: 'submitted',
        amountFen,
        noticeCount: notices.length,
        submittedBy: actor.id,
        submittedAt: now,
        createdAt: now,
        updatedAt: now,
      });
    }
    if (!app) {
      // A concurrent submission won: its application is the one.
      const winner = await findByQuarter(tx, actor.partnerId, quarter);
      if (!winner) throw new AppError('payment_applications.not_found');
      return applicationView(winner);
    }
    await holdNotices(
      tx,
      notices.map((n) => n.id),
      app.id,
    );
    await ctx.audit.record(tx, actor, {
      action: 'payment_applications.submitted',
      entityType: 'payment_application',
      entityId: app.id,
      partnerId: actor.partnerId,
      after: { quarter, amountFen, notices: notices.map((n) => n.id) },
    });
    return applicationView(app);
  });
}

async function notifyAdmins(
  ctx: AppContext,
  tx: DbOrTx,
  app: ApplicationRow,
  template: string,
  data: Record<string, unknown>,
) {
  await ctx.notifier.notifyMany(
    tx,
    (await partnerAdmins(ctx, app.partnerId, tx)).map((u) => ({
      template,
      locale: parseLocale(u.locale) ?? 'zh-CN',
      to: { userId: u.id, email: u.email, phone: u.phone, partnerId: app.partnerId },
      channels: ['email', 'sms', 'in_app'] as const,
      data: { name: u.name, quarter: app.quarter, applicationId: app.id, ...data },
      idempotencyKey: `${template}:${app.id}:${app.version}:${u.id}`,
    })),
  );
}

/**
 * Finance approves: the invoicing notice for the quarter's incentives is created in the same
 * transaction (the invoices module; idempotent on its source), so an approval never exists
 * without it.
 */
export async function approveApplication(ctx: AppContext, actor: Actor, id: string) {
  return ctx.db.transaction(async (tx) => {
    const before = await findApplication(tx, id);
    if (!before) throw new AppError('payment_applications.not_found');
    const now = ctx.clock.now();
    const app = await moveApplication(tx, id, 'submitted', {
      status: 'approved',
      reviewedBy: actor.id,
      reviewedAt: now,
      updatedAt: now,
    });
    if (!app) throw new AppError('payment_applications.not_submitted', { status: before.status });
    await assertPayoutAllowed(tx, app.partnerId);
    const notices = await noticesHeldBy(tx, app.id);
    const notice = await createInvoicingNotice(ctx, tx, actor, {
      partnerId: app.partnerId,
      source: { kind: 'payment_application', id: app.id },
      lines: notices.map((n) => ({
        text: { 'zh-CN': `激励 ${n.periodKey}（不含税）`, 'en-US': `Incentive ${n.periodKey} (before tax)` },
        preTaxFen: n.amountFen,
      })),
      periodStart: notices[0]?.periodStart,
    });
    const approved = await moveApplication(tx, id, 'approved', { invoicingNoticeId: notice.id });
    await ctx.audit.record(tx, actor, {
      action: 'payment_applications.approved',
      entityType: 'payment_application',
      entityId: id,
      partnerId: app.partnerId,
      before: { status: before.status },
      after: { status: 'approved', invoicingNoticeId: notice.id },
    });
    const final = approved ?? app;
    await notifyAdmins(ctx, tx, final, 'payment_applications.approved', {
      amountYuan: fenToYuan(final.amountFen),
    });
    return applicationView(final);
  });
}

/** Finance returns an application with a reason; its notices are free for the next submission. */
export async function returnApplication(ctx: AppContext, actor: Actor, id: string, reason: string) {
  return ctx.db.transaction(async (tx) => {
    const before = await findApplication(tx, id);
    if (!before) throw new AppError('payment_applications.not_found');
    const now = ctx.clock.now();
    const app = await moveApplication(tx, id, 'submitted', {
      status: 'returned',
      returnReason: reason,
      reviewedBy: actor.id,
      reviewedAt: now,
      updatedAt: now,
    });
    if (!app) throw new AppError('payment_applications.not_submitted', { status: before.status });
    const held = await noticesHeldBy(tx, id);
    await holdNotices(
      tx,
      held.map((n) => n.id),
      null,
    );
    await ctx.audit.record(tx, actor, {
      action: 'payment_applications.returned',
      entityType: 'payment_application',
      entityId: id,
      partnerId: app.partnerId,
      before: { status: before.status },
      after: { status: 'returned', reason },
    });
    await notifyAdmins(ctx, tx, app, 'payment_applications.returned', { reason });
    return applicationView(app);
  });
}

/** Bulk review: each application in its own transaction; failures are listed with their code. */
export async function reviewMany(
  ctx: AppContext,
  actor: Actor,
  input: { ids: string[]; decision: 'approve' | 'return'; reason?: string },
) {
  const done: string[] = [];
  const failed: { id: string; code: string; message: string }[] = [];
  for (const id of input.ids) {
    try {
      if (input.decision === 'approve') await approveApplication(ctx, actor, id);
      else await returnApplication(ctx, actor, id, input.reason ?? '');
      done.push(id);
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      failed.push({ id, code: e.code, message: ctx.errors.message(e, actor.locale) });
    }
  }
  return { done, failed };
}

export async function listApplications(ctx: AppContext, f: ApplicationFilter) {
  const { rows, total, counts } = await queryApplications(ctx.db, f);
  return { items: rows.map((r) => applicationView(r.app, r.partnerName)), total, counts };
}

export async function getApplication(ctx: AppContext, id: string, partnerId?: string) {
  const a = await findApplication(ctx.db, id);
  if (!a || (partnerId && a.partnerId !== partnerId)) throw new AppError('payment_applications.not_found');
  const notices = await noticesHeldBy(ctx.db, id);
  return {
    ...applicationView(a),
    notices: notices.map((n) => ({
      id: n.id,
      periodKey: n.periodKey,
      amountFen: n.amountFen,
      status: n.status,
    })),
  };
}

/** The portal's page: the payout gate (R4) as data, and the partner's applications. */
export async function paymentOverview(ctx: AppContext, partnerId: string, locale: 'zh-CN' | 'en-US') {
  return {
    eligibility: await payoutEligibility(ctx.db, ctx.errors, partnerId, locale),
    ...(await listApplications(ctx, { partnerId, limit: 100, offset: 0 })),
  };
}
