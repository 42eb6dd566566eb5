import type { Actor, AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors/errors.ts';
import {
  markOrdersRefunded,
  type OrderLineInput,
  type OrderWithLines,
  paidLinesOf,
  pendingRefs,
  placeOrder,
} from '../orders/index.ts';
import { failOn, type ItemFailure, ordersPerCustomer } from './renewals.service.ts';
import { type Scope, visibleResources } from './resources.service.ts';
import './subscriptions.errors.ts';
import type { PeriodType } from './subscriptions.periods.ts';
import { unusedPart } from './subscriptions.periods.ts';
import {
  childrenOf,
  lockResources,
  type ResourceListRow,
  type ResourceRow,
  updateResource,
} from './subscriptions.repository.ts';

const isClosed = (r: ResourceRow) => r.status === 'released' || r.status === 'unsubscribed';
const isFrozen = (row: ResourceListRow) => row.effectiveStatus === 'frozen';

/** One resource of the scope, locked with its sub-resources, in a transaction. */
async function withResource<T>(
  ctx: AppContext,
  scope: Scope,
  resourceId: string,
  fn: (
    tx: Parameters<Parameters<AppContext['db']['transaction']>[0]>[0],
    row: ResourceListRow,
    subs: ResourceRow[],
  ) => Promise<T>,
): Promise<T> {
  return ctx.db.transaction(async (tx) => {
    await lockResources(tx, [resourceId]);
    const row = (await visibleResources(tx, scope, [resourceId])).get(resourceId);
    if (!row) throw new AppError('subscriptions.resource_not_found', { resourceId });
    const subs = (await childrenOf(tx, [row.resource.id])).filter((c) => !isClosed(c));
    return fn(tx, row, subs);
  });
}

/**
 * Sets auto-renewal (AutoRenewalResources): yearly/monthly resources in use only, with their
 * sub-resources. `times` auto-renewals (0: unlimited); `periodType` defaults to month.
 */
export async function setAutoRenew(
  ctx: AppContext,
  actor: Actor,
  scope: Scope,
  resourceId: string,
  opts: { periodType?: PeriodType; times?: number } = {},
): Promise<void> {
  await withResource(ctx, scope, resourceId, async (tx, row, subs) => {
    const r = row.resource;
    if (r.chargingMode !== 'period') throw new AppError('subscriptions.not_period', { resourceId });
    if (isClosed(r) || r.status === 'grace')
      throw new AppError('subscriptions.resource_expired', { resourceId });
    if (isFrozen(row))
      throw new AppError('subscriptions.resource_frozen', { resourceId, reason: row.frozenReason ?? '' });
    const now = ctx.clock.now();
    const set = {
      autoRenew: 1,
      autoRenewPeriodType: opts.periodType ?? r.autoRenewPeriodType,
      autoRenewTimes: opts.times ?? r.autoRenewTimes,
      toOnDemandAtExpiry: 0,
      updatedAt: now,
    };
    for (const x of [r, ...subs]) await updateResource(tx, x.id, set);
    await ctx.audit.record(tx, actor, {
      action: 'subscriptions.auto_renew_set',
      entityType: 'resource',
      entityId: r.id,
      partnerId: row.partnerId,
      before: { autoRenew: r.autoRenew === 1 },
      after: { autoRenew: true, periodType: set.autoRenewPeriodType, times: set.autoRenewTimes },
    });
  });
}

/** Cancels auto-renewal (CancelAutoRenewalResources); already cancelled is `CBC.99003605`. */
export async function cancelAutoRenew(ctx: AppContext, actor: Actor, scope: Scope, resourceId: string) {
  await withResource(ctx, scope, resourceId, async (tx, row, subs) => {
    const r = row.resource;
    if (r.autoRenew !== 1) throw new AppError('subscriptions.auto_renew_already_cancelled', { resourceId });
    const now = ctx.clock.now();
    for (const x of [r, ...subs]) await updateResource(tx, x.id, { autoRenew: 0, updatedAt: now });
    await ctx.audit.record(tx, actor, {
      action: 'subscriptions.auto_renew_cancelled',
      entityType: 'resource',
      entityId: r.id,
      partnerId: row.partnerId,
      before: { autoRenew: true },
      after: { autoRenew: false },
    });
  });
}

/**
 * Changes to pay-per-use at expiry (UpdatePeriodToOnDemand): `SET_UP` or `CANCEL`, per resource;
 * refusals are listed, the rest applied. Setting it turns auto-renewal off (one expiry policy).
 */
export async function setToOnDemand(
  ctx: AppContext,
  actor: Actor,
  scope: Scope,
  resourceIds: readonly string[],
  on: boolean,
): Promise<ItemFailure[]> {
  const failures: ItemFailure[] = [];
  for (const resourceId of new Set(resourceIds)) {
    try {
      await withResource(ctx, scope, resourceId, async (tx, row, subs) => {
        const r = row.resource;
        if (r.chargingMode !== 'period') throw new AppError('subscriptions.not_period', { resourceId });
        if (isClosed(r)) throw new AppError('subscriptions.resource_expired', { resourceId });
        if (isFrozen(row))
          throw new AppError('subscriptions.resource_frozen', { resourceId, reason: row.frozenReason ?? '' });
        const now = ctx.clock.now();
        const set = on
          ? { toOnDemandAtExpiry: 1, autoRenew: 0, updatedAt: now }
          : { toOnDemandAtExpiry: 0, updatedAt: now };
        for (const x of [r, ...subs]) await updateResource(tx, x.id, set);
        await ctx.audit.record(tx, actor, {
          action: on ? 'subscriptions.to_on_demand_set' : 'subscriptions.to_on_demand_cancelled',
          entityType: 'resource',
          entityId: r.id,
          partnerId: row.partnerId,
          before: { toOnDemandAtExpiry: r.toOnDemandAtExpiry === 1 },
          after: { toOnDemandAtExpiry: on },
        });
      });
    } catch (e) {
      failOn(e, resourceId, failures);
    }
  }
  return failures;
}

/** 1: the resource and its renewed periods; 2: only the renewed periods that have not started. */
export type UnsubscribeType = 1 | 2;

export interface RefundItem {
  resourceId: string;
  refundFen: number;
  /** The paid orders the money comes back from. */
  lines: { resourceId: string; baseOrderId: string; amountFen: number }[];
  /** Type 2: the expiry after the renewed periods are returned. */
  newExpireAt: string | null;
}

/** What unsubscribing a resource returns, reckoned from its paid orders (unused time, half-up). */
async function refundOf(
  db: Parameters<typeof paidLinesOf>[0],
  row: ResourceListRow,
  subs: ResourceRow[],
  type: UnsubscribeType,
  now: Date,
): Promise<RefundItem> {
  const r = row.resource;
  const resourceId = r.resourceId;
  if (isClosed(r)) throw new AppError('subscriptions.resource_released', { resourceId });
  if (r.chargingMode !== 'period') throw new AppError('subscriptions.not_period', { resourceId });
  if (isFrozen(row)) throw new AppError('subscriptions.unsubscribe_frozen', { resourceId });
  const lines: RefundItem['lines'] = [];
  let newExpireAt: Date | null = null;
  for (const x of [r, ...subs]) {
    for (const l of await paidLinesOf(db, x.id)) {
      if (!l.effectiveAt || !l.expireAt) continue;
      if (type === 2) {
        if (l.effectiveAt <= now) continue;
        if (x === r && (!newExpireAt || l.effectiveAt < newExpireAt)) newExpireAt = l.effectiveAt;
        lines.push({ resourceId: x.resourceId, baseOrderId: l.orderId, amountFen: l.amountFen });
      } else {
        const back = unusedPart(l.amountFen, l.effectiveAt, l.expireAt, now);
        if (back > 0) lines.push({ resourceId: x.resourceId, baseOrderId: l.orderId, amountFen: back });
      }
    }
  }
  if (type === 2 && !newExpireAt) throw new AppError('subscriptions.no_renewed_period', { resourceId });
  return {
    resourceId,
    refundFen: lines.reduce((a, l) => a + l.amountFen, 0),
    lines,
    newExpireAt: newExpireAt?.toISOString() ?? null,
  };
}

/** The refund shown before the customer or partner confirms an unsubscribe. */
export async function previewUnsubscribe(
  ctx: AppContext,
  scope: Scope,
  resourceIds: readonly string[],
  type: UnsubscribeType,
): Promise<{ items: RefundItem[]; refundFen: number; failures: ItemFailure[] }> {
  const now = ctx.clock.now();
  const visible = await visibleResources(ctx.db, scope, resourceIds);
  const items: RefundItem[] = [];
  const failures: ItemFailure[] = [];
  for (const id of new Set(resourceIds)) {
    try {
      const row = visible.get(id);
      if (!row) throw new AppError('subscriptions.resource_not_found', { resourceId: id });
      const subs = (await childrenOf(ctx.db, [row.resource.id])).filter((c) => !isClosed(c));
      items.push(await refundOf(ctx.db, row, subs, type, now));
    } catch (e) {
      failOn(e, id, failures);
    }
  }
  return { items, refundFen: items.reduce((a, x) => a + x.refundFen, 0), failures };
}

/**
 * Unsubscribes (CancelResourcesSubscription): per customer one transaction and one refund order
 * (negative lines per paid order refunded, those orders become `refunded`); type 1 closes the
 * resources, type 2 moves the expiry back. Idempotent on `requestKey`.
 */
export async function unsubscribe(
  ctx: AppContext,
  actor: Actor,
  scope: Scope,
  input: {
    resourceIds: readonly string[];
    type: UnsubscribeType;
    reasonType?: number;
    reason?: string;
    requestKey?: string | null;
  },
): Promise<{ orders: OrderWithLines[]; failures: ItemFailure[] }> {
  const failures: ItemFailure[] = [];
  const orders = await ordersPerCustomer(
    ctx,
    scope,
    input.resourceIds,
    input.requestKey,
    failures,
    async (tx, customerId, group, rows, now) => {
      const ok: { row: ResourceListRow; subs: ResourceRow[]; refund: RefundItem }[] = [];
      for (const id of group) {
        try {
          const row = rows.get(id);
          if (!row) throw new AppError('subscriptions.resource_not_found', { resourceId: id });
          const subs = (await childrenOf(tx, [row.resource.id])).filter((c) => !isClosed(c));
          const held = await pendingRefs(tx, [row.resource.id, ...subs.map((s) => s.id)]);
          if (held.size) throw new AppError('orders.resource_pending', { resourceId: id });
          ok.push({ row, subs, refund: await refundOf(tx, row, subs, input.type, now) });
        } catch (e) {
          failOn(e, id, failures);
        }
      }
      if (ok.length === 0) return null;
      const refByResource = new Map<string, ResourceRow>();
      for (const x of ok)
        for (const res of [x.row.resource, ...x.subs]) refByResource.set(res.resourceId, res);
      const lines: OrderLineInput[] = ok.flatMap((x) =>
        (x.refund.lines.length
          ? x.refund.lines
          : [{ resourceId: x.row.resource.resourceId, baseOrderId: null, amountFen: 0 }]
        ).map((l) => {
          const res = refByResource.get(l.resourceId) as ResourceRow;
          return {
            resourceRef: res.id,
            resourceId: res.resourceId,
            resourceName: res.resourceName,
            enterpriseProjectId: res.enterpriseProjectId,
            serviceTypeCode: res.serviceTypeCode,
            resourceTypeCode: res.resourceTypeCode,
            regionCode: res.regionCode,
            productSpecDesc: res.productSpecDesc,
            officialFen: -l.amountFen,
            discountFen: 0,
            amountFen: -l.amountFen,
            effectiveAt: now,
            expireAt: res.expireAt,
            baseOrderId: l.baseOrderId,
          };
        }),
      );
      const baseIds = lines.map((l) => l.baseOrderId).filter((x): x is string => Boolean(x));
      const order = await placeOrder(ctx, tx, actor, {
        customerId,
        partnerId: ok[0]?.row.partnerId ?? null,
        type: 'unsubscribe',
        source: scope.kind === 'customer' ? 'customer' : 'partner',
        status: 'paid',
        requestKey: input.requestKey ?? null,
        refundOf: baseIds[0] ?? null,
        lines,
      });
      await markOrdersRefunded(ctx, tx, baseIds);
      for (const x of ok) {
        const r = x.row.resource;
        if (input.type === 1) {
          for (const res of [r, ...x.subs])
            await updateResource(tx, res.id, {
              status: 'unsubscribed',
              releasedAt: now,
              autoRenew: 0,
              graceUntil: null,
              updatedAt: now,
            });
        } else if (x.refund.newExpireAt) {
          const until = new Date(x.refund.newExpireAt);
          for (const res of [r, ...x.subs])
            await updateResource(tx, res.id, { expireAt: until, updatedAt: now });
        }
        await ctx.audit.record(tx, actor, {
          action: 'subscriptions.unsubscribed',
          entityType: 'resource',
          entityId: r.id,
          partnerId: x.row.partnerId,
          before: { status: r.status, expireAt: r.expireAt },
          after: {
            type: input.type,
            refundFen: x.refund.refundFen,
            reasonType: input.reasonType ?? null,
            reason: input.reason ?? null,
            orderId: order.order.id,
          },
        });
      }
      return order;
    },
  );
  return { orders, failures };
}
