import type { DbOrTx } from '@pc/db';
import type { Actor, AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors/errors.ts';
import { findActiveAssociation, findCustomer } from '../customers/index.ts';
import {
  findOrder,
  markOrderCancelled,
  markOrderPaid,
  type OrderLineInput,
  type OrderWithLines,
  orderByRequestKey,
  type Payer,
  pendingRefs,
  placeOrder,
} from '../orders/index.ts';
import { pricesFor, quoteOf } from './catalogue.service.ts';
import { createPurchased } from './purchase.apply.ts';
import { type Scope, visibleResources } from './resources.service.ts';
import './subscriptions.errors.ts';
import { addPeriod, MAX_PREPAID_MONTHS, type PeriodType, type Price } from './subscriptions.periods.ts';
import {
  childrenOf,
  lockResourceByRef,
  lockResources,
  type ResourceListRow,
  type ResourceRow,
  updateResource,
} from './subscriptions.repository.ts';

export interface ItemFailure {
  resourceId: string;
  error: AppError;
}

export interface RenewRequest {
  resourceIds: readonly string[];
  periodType: PeriodType;
  periodNum: number;
}

export interface QuoteItem extends Price {
  resourceId: string;
  /** The main resource's price includes its sub-resources'. */
  children: (Price & { resourceId: string })[];
  expireAt: string | null;
  newExpireAt: string;
}

export interface Quote {
  items: QuoteItem[];
  officialFen: number;
  discountFen: number;
  amountFen: number;
  failures: ItemFailure[];
}

function failOn(e: unknown, resourceId: string, failures: ItemFailure[]): void {
  if (!(e instanceof AppError)) throw e;
  failures.push({ resourceId, error: e });
}

/** Why a resource cannot be renewed now, or null. */
export function renewBlock(row: ResourceListRow): AppError | null {
  const r = row.resource;
  const resourceId = r.resourceId;
  if (r.status === 'released' || r.status === 'unsubscribed')
    return new AppError('subscriptions.resource_released', { resourceId });
  if (r.chargingMode !== 'period') return new AppError('subscriptions.not_period', { resourceId });
  if (row.effectiveStatus === 'frozen' || row.customerStatus === 'frozen' || row.customerRestricted)
    return new AppError('subscriptions.resource_frozen', {
      resourceId,
      reason: row.frozenReason ?? 'customer_frozen',
    });
  return null;
}

/** The time bought, from the current expiry (a renewal in the grace period continues it). */
function renewedUntil(r: ResourceRow, req: RenewRequest, now: Date): Date {
  const from = r.expireAt ?? now;
  const until = addPeriod(from, req.periodType, req.periodNum);
  if (until > addPeriod(now, 'month', MAX_PREPAID_MONTHS))
    throw new AppError('subscriptions.period_too_long', { resourceId: r.resourceId });
  return until;
}

interface Priced {
  main: ResourceListRow;
  price: Price;
  lines: OrderLineInput[];
  children: (Price & { resourceId: string })[];
  until: Date;
}

/** Prices a main resource with its sub-resources for the renewal; throws the resource's refusal. */
async function priceRenewal(db: DbOrTx, row: ResourceListRow, req: RenewRequest, now: Date): Promise<Priced> {
  const block = renewBlock(row);
  if (block) throw block;
  const main = row.resource;
  const subs = (await childrenOf(db, [main.id])).filter(
    (c) => c.chargingMode === 'period' && c.status !== 'released' && c.status !== 'unsubscribed',
  );
  const prices = await pricesFor(db, [main, ...subs]);
  const until = renewedUntil(main, req, now);
  const lines: OrderLineInput[] = [];
  const children: (Price & { resourceId: string })[] = [];
  const total: Price = { officialFen: 0, discountFen: 0, amountFen: 0 };
  for (const r of [main, ...subs]) {
    const entry = prices.get(r.id);
    if (!entry) throw new AppError('subscriptions.no_price', { resourceId: r.resourceId });
    const p = quoteOf(entry, req.periodType, req.periodNum);
    total.officialFen += p.officialFen;
    total.discountFen += p.discountFen;
    total.amountFen += p.amountFen;
    if (r !== main) children.push({ resourceId: r.resourceId, ...p });
    lines.push({
      resourceRef: r.id,
      resourceId: r.resourceId,
      resourceName: r.resourceName,
      enterpriseProjectId: r.enterpriseProjectId,
      serviceTypeCode: r.serviceTypeCode,
      resourceTypeCode: r.resourceTypeCode,
      regionCode: r.regionCode,
      productSpecDesc: r.productSpecDesc,
      productId: entry.product.id,
      periodType: req.periodType,
      periodNum: req.periodNum,
      ...p,
      effectiveAt: r.expireAt ?? now,
      // A sub-resource follows its main resource's expiry.
      expireAt: r === main ? until : r.expireAt && r.expireAt > until ? r.expireAt : until,
    });
  }
  return { main: row, price: total, lines, children, until };
}

/** The renewal price of each resource for the period (ListRenewRateOnPeriod, the portal quote). */
export async function quoteRenewal(ctx: AppContext, scope: Scope, req: RenewRequest): Promise<Quote> {
  const now = ctx.clock.now();
  const visible = await visibleResources(ctx.db, scope, req.resourceIds);
  const failures: ItemFailure[] = [];
  const items: QuoteItem[] = [];
  for (const id of new Set(req.resourceIds)) {
    const row = visible.get(id);
    if (!row) {
      failures.push({
        resourceId: id,
        error: new AppError('subscriptions.resource_not_found', { resourceId: id }),
      });
      continue;
    }
    try {
      const p = await priceRenewal(ctx.db, row, req, now);
      items.push({
        resourceId: id,
        ...p.price,
        children: p.children,
        expireAt: row.resource.expireAt?.toISOString() ?? null,
        newExpireAt: p.until.toISOString(),
      });
    } catch (e) {
      failOn(e, id, failures);
    }
  }
  const sum = (k: keyof Price) => items.reduce((a, x) => a + x[k], 0);
  return {
    items,
    officialFen: sum('officialFen'),
    discountFen: sum('discountFen'),
    amountFen: sum('amountFen'),
    failures,
  };
}

/** Who may pay: a partner pays only for its resale customers. */
async function checkPayer(tx: DbOrTx, customerId: string, payer: Payer): Promise<void> {
  if (payer !== 'partner') return;
  const assoc = await findActiveAssociation(tx, customerId);
  if (assoc?.type !== 'resale') throw new AppError('orders.partner_pay_resale_only');
}

/** A frozen or purchase-restricted customer places and pays no orders. */
async function checkCustomerMayBuy(tx: DbOrTx, customerId: string): Promise<void> {
  const c = await findCustomer(tx, customerId);
  if (!c || c.status === 'frozen' || c.purchaseRestrictedAt)
    throw new AppError('subscriptions.customer_frozen');
}

/**
 * Applies a paid order to its resources: renewals move the expiry (a resource in its grace period
 * is in use again). Runs in the payment's transaction: both happen or neither.
 */
async function applyPaid(
  tx: DbOrTx,
  paid: { lines: { resourceRef: string; expireAt: Date | null }[] },
  now: Date,
) {
  for (const line of paid.lines) {
    const r = await lockResourceByRef(tx, line.resourceRef);
    if (!r || r.status === 'released' || r.status === 'unsubscribed')
      throw new AppError('subscriptions.resource_released', {
        resourceId: r?.resourceId ?? line.resourceRef,
      });
    if (!line.expireAt) continue;
    await updateResource(tx, r.id, {
      expireAt: line.expireAt,
      status: 'in_use',
      graceUntil: null,
      updatedAt: now,
    });
  }
}

export interface RenewResult {
  orders: OrderWithLines[];
  failures: ItemFailure[];
}

/**
 * The batch operations' frame (renew, unsubscribe): the scope's resources among `resourceIds`
 * grouped by customer (others fail as not found), then per customer one transaction that locks
 * them, answers a retried `requestKey` with the order it placed, re-reads them under the locks
 * and runs `place`; an error of one customer's transaction fails that customer's resources only.
 */
export async function ordersPerCustomer(
  ctx: AppContext,
  scope: Scope,
  resourceIds: readonly string[],
  requestKey: string | null | undefined,
  failures: ItemFailure[],
  place: (
    tx: DbOrTx,
    customerId: string,
    group: string[],
    rows: Map<string, ResourceListRow>,
    now: Date,
  ) => Promise<OrderWithLines | null>,
): Promise<OrderWithLines[]> {
  const ids = [...new Set(resourceIds)];
  const visible = await visibleResources(ctx.db, scope, ids);
  const byCustomer = new Map<string, string[]>();
  for (const id of ids) {
    const row = visible.get(id);
    if (!row) {
      failures.push({
        resourceId: id,
        error: new AppError('subscriptions.resource_not_found', { resourceId: id }),
      });
      continue;
    }
    byCustomer.set(row.resource.customerId, [...(byCustomer.get(row.resource.customerId) ?? []), id]);
  }
  const orders: OrderWithLines[] = [];
  for (const [customerId, group] of byCustomer) {
    try {
      const placed = await ctx.db.transaction(async (tx) => {
        const now = ctx.clock.now();
        await lockResources(tx, group);
        const again = await orderByRequestKey(tx, customerId, requestKey);
        if (again) return again;
        return place(tx, customerId, group, await visibleResources(tx, scope, group), now);
      });
      if (placed) orders.push(placed);
    } catch (e) {
      for (const id of group) failOn(e, id, failures);
    }
  }
  return orders;
}

/**
 * Renews resources (RenewalResources, the renewal page): one order per customer, pending payment
 * unless `autoPay`. Idempotent on `requestKey`: a retried or double-clicked request answers with
 * the order it placed. Each customer's order is one transaction with the locks on its resources.
 */
export async function renewResources(
  ctx: AppContext,
  actor: Actor,
  scope: Scope,
  req: RenewRequest & { autoPay?: boolean; payer?: Payer; requestKey?: string | null },
): Promise<RenewResult> {
  const failures: ItemFailure[] = [];
  const orders = await ordersPerCustomer(
    ctx,
    scope,
    req.resourceIds,
    req.requestKey,
    failures,
    async (tx, customerId, group, rows, now) => {
      const priced: Priced[] = [];
      for (const id of group) {
        const row = rows.get(id);
        try {
          if (!row) throw new AppError('subscriptions.resource_not_found', { resourceId: id });
          priced.push(await priceRenewal(tx, row, req, now));
        } catch (e) {
          failOn(e, id, failures);
        }
      }
      if (priced.length === 0) return null;
      await checkCustomerMayBuy(tx, customerId);
      const held = await pendingRefs(
        tx,
        priced.flatMap((p) => p.lines.map((l) => l.resourceRef)),
      );
      const free = priced.filter((p) => {
        if (!p.lines.some((l) => held.has(l.resourceRef))) return true;
        const resourceId = p.main.resource.resourceId;
        failures.push({ resourceId, error: new AppError('orders.resource_pending', { resourceId }) });
        return false;
      });
      if (free.length === 0) return null;
      if (req.autoPay) await checkPayer(tx, customerId, req.payer ?? 'customer');
      const order = await placeOrder(ctx, tx, actor, {
        customerId,
        partnerId: free[0]?.main.partnerId ?? null,
        type: 'renew',
        source: scope.kind === 'partner' ? 'partner' : scope.kind === 'customer' ? 'customer' : 'system',
        requestKey: req.requestKey ?? null,
        lines: free.flatMap((p) => p.lines),
      });
      if (!req.autoPay) return order;
      const paid = await markOrderPaid(ctx, tx, actor, order.order.id, req.payer ?? 'customer');
      await applyPaid(tx, paid, now);
      return { ...paid, replayed: false };
    },
  );
  return { orders, failures };
}

/** The order if the scope may act on it; otherwise `orders.not_found`. */
async function requireOrderIn(tx: DbOrTx, scope: Scope, orderId: string) {
  const order = await findOrder(tx, orderId);
  const ok =
    order &&
    (scope.kind === 'system' ||
      (scope.kind === 'customer' && order.customerId === scope.customerId) ||
      (scope.kind === 'partner' && order.partnerId !== null && scope.partnerIds.includes(order.partnerId)));
  if (!order || !ok) throw new AppError('orders.not_found');
  return order;
}

/**
 * Pays a pending order and applies it in one transaction: the charge, the cash coupons it uses and
 * the new expiry (a renewal) or the new resources (a purchase) commit together, or (on any failure,
 * a crash included) none does. A retry of a paid order is refused (`orders.not_payable`) and
 * changes nothing: no second charge, no coupon used twice.
 */
export async function payOrder(
  ctx: AppContext,
  actor: Actor,
  scope: Scope,
  orderId: string,
  payer: Payer,
  couponIds: readonly string[] = [],
): Promise<OrderWithLines> {
  return ctx.db.transaction(async (tx) => {
    const order = await requireOrderIn(tx, scope, orderId);
    if (order.status !== 'pending_payment')
      throw new AppError('orders.not_payable', { status: order.status });
    await checkPayer(tx, order.customerId, payer);
    await checkCustomerMayBuy(tx, order.customerId);
    const paid = await markOrderPaid(ctx, tx, actor, orderId, payer, couponIds);
    const now = ctx.clock.now();
    if (paid.order.type === 'new')
      return { ...paid, lines: await createPurchased(tx, paid.order, paid.lines, now), replayed: false };
    await applyPaid(tx, paid, now);
    return { ...paid, replayed: false };
  });
}

export async function cancelOrder(ctx: AppContext, actor: Actor, scope: Scope, orderId: string) {
  return ctx.db.transaction(async (tx) => {
    await requireOrderIn(tx, scope, orderId);
    return markOrderCancelled(ctx, tx, actor, orderId);
  });
}

export { applyPaid, checkCustomerMayBuy, failOn, priceRenewal };
