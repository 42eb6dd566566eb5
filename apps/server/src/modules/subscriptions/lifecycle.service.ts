import type { DbOrTx } from '@pc/db';
import { type AppContext, systemActor } from '../../platform/context.ts';
import { AppError } from '../../platform/errors/errors.ts';
import { fenToYuan } from '../../platform/money/money.ts';
import { businessDateTime } from '../customers/index.ts';
import {
  markOrderCancelled,
  markOrderPaid,
  overduePending,
  pendingRefs,
  placeOrder,
} from '../orders/index.ts';
import { lifecycleSettings } from './catalogue.service.ts';
import { applyPaid, checkCustomerMayBuy, priceRenewal } from './renewals.service.ts';
import { endOfDayIn, visibleResources } from './resources.service.ts';
import {
  byCustomer,
  noticeResources,
  noticeResourcesMany,
  type ResourceNotice,
} from './subscriptions.notify.ts';
import type { PeriodType } from './subscriptions.periods.ts';
import {
  claimReminders,
  claimStep,
  dueForAutoRenew,
  dueForOnDemand,
  expireBatch,
  lockResources,
  type ResourceRow,
  releaseBatch,
  resourcesByRefs,
  transition,
  updateResource,
} from './subscriptions.repository.ts';

/**
 * Rows per transaction (per step) in the sweeps. Each chunk is one claiming statement per step and
 * one bulk write of its notices, one notice per customer and step in the chunk: the larger the
 * chunk, the fewer notices (a customer's due resources share one) and statements. 20,000 keeps a
 * chunk's transaction short (a second or two on PostgreSQL) and its arrays well within limits.
 */
export const SWEEP_BATCH = 20_000;

export interface SweepResult {
  reminded: number;
  autoRenewed: number;
  autoRenewFailed: number;
  expired: number;
  toOnDemand: number;
  released: number;
  ordersCancelled: number;
}

const actor = systemActor();

/**
 * One pass of the lifecycle (R15): reminders before expiry, auto-renewals within the lead time,
 * expiry into the retention (grace) period or to pay-per-use, release after it, and cancellation of
 * orders left unpaid past their deadline. Each step is claimed in the transaction that does it
 * (a step row, or a conditional update of the status), so however many nodes run the sweep and
 * however often, each step happens once.
 */
export async function runLifecycle(ctx: AppContext): Promise<SweepResult> {
  const settings = await lifecycleSettings(ctx.db);
  const out: SweepResult = {
    reminded: 0,
    autoRenewed: 0,
    autoRenewFailed: 0,
    expired: 0,
    toOnDemand: 0,
    released: 0,
    ordersCancelled: 0,
  };
  out.reminded = await sendReminders(ctx, settings.reminderDays);
  const renewals = await autoRenewDue(ctx, settings.autoRenewLeadDays);
  out.autoRenewed = renewals.done;
  out.autoRenewFailed = renewals.failed;
  const expiry = await expireDue(ctx, settings.retentionDays);
  out.expired = expiry.expired;
  out.toOnDemand = expiry.toOnDemand;
  out.released = await releaseDue(ctx);
  out.ordersCancelled = await cancelOverdueOrders(ctx);
  return out;
}

/** Claims every due reminder; each resource gets one notice, for the nearest threshold it reached. */
async function sendReminders(ctx: AppContext, days: readonly number[]): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await ctx.db.transaction(async (tx) => {
      const now = ctx.clock.now();
      const nearest = new Map<string, number>();
      let claimed = 0;
      for (const d of [...days].sort((a, b) => b - a)) {
        const got = await claimReminders(tx, d, now, endOfDayIn(now, d), SWEEP_BATCH);
        claimed += got.length;
        for (const g of got) nearest.set(g.resourceRef, d);
      }
      if (claimed === 0) return 0;
      const rows = await resourcesByRefs(tx, [...nearest.keys()]);
      const notices: ResourceNotice[] = [];
      for (const [customerId, list] of byCustomer(rows)) {
        const byDays = new Map<number, ResourceRow[]>();
        for (const r of list) {
          const d = nearest.get(r.id) as number;
          const same = byDays.get(d);
          if (same) same.push(r);
          else byDays.set(d, [r]);
        }
        for (const [d, resources] of byDays)
          notices.push({
            customerId,
            resources,
            key: `subs:remind:${d}:${resources[0]?.id}:${resources[0]?.expireAt?.toISOString()}`,
            data: { days: d },
          });
      }
      await noticeResourcesMany(
        ctx,
        tx,
        'subscriptions.expiry_reminder',
        notices,
        'subscriptions.expiry_reminder_partner',
      );
      return claimed;
    });
    total += n;
    if (n < SWEEP_BATCH) return total;
  }
}

/**
 * Auto-renews what falls within the lead time: one renewal order per resource, placed and paid
 * with the expiry moved in one transaction. A frozen customer or a missing price fails the step
 * once (recorded) and tells the customer; the resource then expires as any other.
 */
async function autoRenewDue(ctx: AppContext, leadDays: number): Promise<{ done: number; failed: number }> {
  let done = 0;
  let failed = 0;
  const due = await dueForAutoRenew(ctx.db, endOfDayIn(ctx.clock.now(), leadDays), SWEEP_BATCH);
  for (const r of due) {
    const outcome = await autoRenewOne(ctx, r).catch(() => 'skipped' as const);
    if (outcome === 'done') done++;
    if (outcome === 'failed') failed++;
  }
  return { done, failed };
}

async function autoRenewOne(ctx: AppContext, candidate: ResourceRow): Promise<'done' | 'failed' | 'skipped'> {
  const attempt = await ctx.db
    .transaction(async (tx) => {
      const now = ctx.clock.now();
      await lockResources(tx, [candidate.resourceId]);
      const row = (await visibleResources(tx, { kind: 'system' }, [candidate.resourceId])).get(
        candidate.resourceId,
      );
      const r = row?.resource;
      if (!row || !r?.expireAt || r.autoRenew !== 1 || r.expireAt.getTime() !== candidate.expireAt?.getTime())
        return 'skipped' as const;
      if (!(await claimStep(tx, r.id, r.expireAt, 'auto_renew', now))) return 'skipped' as const;
      await checkCustomerMayBuy(tx, r.customerId);
      const priced = await priceRenewal(
        tx,
        row,
        { resourceIds: [r.resourceId], periodType: r.autoRenewPeriodType as PeriodType, periodNum: 1 },
        now,
      );
      const held = await pendingRefs(
        tx,
        priced.lines.map((l) => l.resourceRef),
      );
      if (held.size) throw new AppError('orders.resource_pending', { resourceId: r.resourceId });
      const order = await placeOrder(ctx, tx, actor, {
        customerId: r.customerId,
        partnerId: row.partnerId,
        type: 'renew',
        source: 'system',
        lines: priced.lines,
      });
      const paid = await markOrderPaid(ctx, tx, actor, order.order.id, 'auto');
      await applyPaid(tx, paid, now);
      if (r.autoRenewTimes > 0) {
        await updateResource(tx, r.id, {
          autoRenewTimes: r.autoRenewTimes - 1,
          autoRenew: r.autoRenewTimes === 1 ? 0 : 1,
        });
      }
      await noticeResources(ctx, tx, {
        customerId: r.customerId,
        resources: [{ ...r, expireAt: priced.until }],
        template: 'subscriptions.auto_renewed',
        key: `subs:auto_renewed:${order.order.id}`,
        data: { orderId: order.order.id, amount: fenToYuan(order.order.amountFen) },
      });
      return 'done' as const;
    })
    .catch((e: unknown) => (e instanceof AppError ? e : Promise.reject(e)));
  if (typeof attempt === 'string') return attempt;
  // Refused (frozen customer, no price, pending order): record the failed step once and say why.
  return ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    if (!candidate.expireAt) return 'skipped' as const;
    if (!(await claimStep(tx, candidate.id, candidate.expireAt, 'auto_renew', now, `failed:${attempt.code}`)))
      return 'skipped' as const;
    await noticeResources(ctx, tx, {
      customerId: candidate.customerId,
      resources: [candidate],
      template: 'subscriptions.auto_renew_failed',
      key: `subs:auto_renew_failed:${candidate.id}:${candidate.expireAt.toISOString()}`,
      data: { reason: ctx.errors.message(attempt, 'zh-CN') },
    });
    return 'failed' as const;
  });
}

/** Expired resources enter the retention period (frozen, kept) or change to pay-per-use. */
async function expireDue(
  ctx: AppContext,
  retentionDays: number,
): Promise<{ expired: number; toOnDemand: number }> {
  let toOnDemand = 0;
  for (const r of await dueForOnDemand(ctx.db, ctx.clock.now(), SWEEP_BATCH)) {
    if (await ctx.db.transaction((tx) => changeToOnDemand(ctx, tx, r, ctx.clock.now()))) toOnDemand++;
  }
  let expired = 0;
  for (;;) {
    const n = await ctx.db.transaction(async (tx) => {
      const moved = await expireBatch(tx, ctx.clock.now(), retentionDays, SWEEP_BATCH);
      await noticeResourcesMany(
        ctx,
        tx,
        'subscriptions.expired',
        [...byCustomer(moved)].map(([customerId, list]) => ({
          customerId,
          resources: list,
          key: `subs:expired:${list[0]?.id}:${list[0]?.expireAt?.toISOString()}`,
          data: {
            retentionDays,
            graceUntil: list[0]?.graceUntil ? businessDateTime(list[0].graceUntil) : '',
          },
        })),
      );
      return moved.length;
    });
    expired += n;
    if (n < SWEEP_BATCH) return { expired, toOnDemand };
  }
}

/** At expiry, a resource set to change becomes pay-per-use (an order of its own, nothing charged). */
async function changeToOnDemand(ctx: AppContext, tx: DbOrTx, r: ResourceRow, now: Date): Promise<boolean> {
  const moved = await transition(tx, r.id, 'in_use', {
    chargingMode: 'on_demand',
    toOnDemandAtExpiry: 0,
    autoRenew: 0,
    updatedAt: now,
  });
  if (!moved || !r.expireAt) return false;
  await claimStep(tx, r.id, r.expireAt, 'to_on_demand', now);
  const row = (await visibleResources(tx, { kind: 'system' }, [r.resourceId])).get(r.resourceId);
  await placeOrder(ctx, tx, actor, {
    customerId: r.customerId,
    partnerId: row?.partnerId ?? null,
    type: 'to_on_demand',
    source: 'system',
    status: 'paid',
    lines: [
      {
        resourceRef: r.id,
        resourceId: r.resourceId,
        resourceName: r.resourceName,
        enterpriseProjectId: r.enterpriseProjectId,
        serviceTypeCode: r.serviceTypeCode,
        resourceTypeCode: r.resourceTypeCode,
        regionCode: r.regionCode,
        productSpecDesc: r.productSpecDesc,
        officialFen: 0,
        discountFen: 0,
        amountFen: 0,
        effectiveAt: r.expireAt,
      },
    ],
  });
  return true;
}

/** Retention over: the resource is released, with a notice. */
async function releaseDue(ctx: AppContext): Promise<number> {
  let released = 0;
  for (;;) {
    const n = await ctx.db.transaction(async (tx) => {
      const moved = await releaseBatch(tx, ctx.clock.now(), SWEEP_BATCH);
      await noticeResourcesMany(
        ctx,
        tx,
        'subscriptions.released',
        [...byCustomer(moved)].map(([customerId, list]) => ({
          customerId,
          resources: list,
          key: `subs:released:${list[0]?.id}:${list[0]?.expireAt?.toISOString()}`,
        })),
      );
      return moved.length;
    });
    released += n;
    if (n < SWEEP_BATCH) return released;
  }
}

/** Orders left pending past their payment deadline are cancelled (their resources are free again). */
async function cancelOverdueOrders(ctx: AppContext): Promise<number> {
  const due = await overduePending(ctx.db, ctx.clock.now(), SWEEP_BATCH);
  let n = 0;
  for (const o of due) {
    await ctx.db
      .transaction((tx) => markOrderCancelled(ctx, tx, actor, o.id))
      .then(
        () => n++,
        (e: unknown) => {
          if (!(e instanceof AppError)) throw e;
        },
      );
  }
  return n;
}
