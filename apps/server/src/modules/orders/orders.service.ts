import { type DbOrTx, isUniqueViolation } from '@pc/db';
import type { Actor, AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors/errors.ts';
import { newId } from '../../platform/ids/ids.ts';
import { applyCoupons } from './coupons.service.ts';
import { billOrder } from './orders.bills.ts';
import './orders.errors.ts';
import { billCycleOf } from './orders.periods.ts';
import {
  clearPending,
  findOrderByRequestKey,
  insertOrder,
  linesOf,
  lockOrder,
  type NewOrderLine,
  type OrderLineRow,
  type OrderRow,
  paidPeriodLines,
  setLineCoupon,
  updateOrder,
} from './orders.repository.ts';

export type OrderType = 'new' | 'renew' | 'change' | 'unsubscribe' | 'to_on_demand';
export type OrderStatus = 'pending_payment' | 'paid' | 'cancelled' | 'refunded';
export type Payer = 'customer' | 'partner' | 'auto';

/** A pending order may be paid within this time; afterwards it is cancelled by the sweep. */
export const PAYMENT_WINDOW_MS = 7 * 24 * 3600_000;

export interface OrderLineInput {
  resourceRef: string;
  resourceId: string;
  resourceName?: string;
  enterpriseProjectId?: string | null;
  serviceTypeCode: string;
  resourceTypeCode: string;
  regionCode: string;
  productSpecDesc: string;
  productId?: string | null;
  periodType?: 'month' | 'year' | null;
  periodNum?: number | null;
  officialFen: number;
  discountFen: number;
  amountFen: number;
  effectiveAt?: Date | null;
  expireAt?: Date | null;
  baseOrderId?: string | null;
}

export interface PlaceOrder {
  customerId: string;
  partnerId: string | null;
  type: OrderType;
  source: 'customer' | 'partner' | 'system';
  requestKey?: string | null;
  lines: OrderLineInput[];
  /** `paid` for orders settled at once (refunds, changes without charge). */
  status?: 'pending_payment' | 'paid';
  refundOf?: string | null;
}

export interface OrderWithLines {
  order: OrderRow;
  lines: OrderLineRow[];
  /** True when the request key found an order placed before (a retried request). */
  replayed: boolean;
}

const sum = (lines: readonly OrderLineInput[], k: 'officialFen' | 'discountFen' | 'amountFen') =>
  lines.reduce((a, x) => a + x[k], 0);

/** The order placed earlier with this request key, if any: a retried request answers with it. */
export async function orderByRequestKey(
  tx: DbOrTx,
  customerId: string,
  requestKey: string | null | undefined,
): Promise<OrderWithLines | null> {
  if (!requestKey) return null;
  const order = await findOrderByRequestKey(tx, customerId, requestKey);
  if (!order) return null;
  return { order, lines: await linesOf(tx, [order.id]), replayed: true };
}

/**
 * Places an order in the caller's transaction, with its lines and audit record. A pending order's
 * lines hold their resources: a second pending order for one resource is refused
 * (`orders.resource_pending`, guarded by a unique index against races).
 */
export async function placeOrder(
  ctx: AppContext,
  tx: DbOrTx,
  actor: Actor,
  input: PlaceOrder,
): Promise<OrderWithLines> {
  const now = ctx.clock.now();
  const status = input.status ?? 'pending_payment';
  const id = newId('ord', now.getTime());
  const lines: NewOrderLine[] = input.lines.map((x) => ({
    id: newId('orl', now.getTime()),
    orderId: id,
    resourceRef: x.resourceRef,
    resourceId: x.resourceId,
    resourceName: x.resourceName ?? '',
    enterpriseProjectId: x.enterpriseProjectId ?? null,
    serviceTypeCode: x.serviceTypeCode,
    resourceTypeCode: x.resourceTypeCode,
    regionCode: x.regionCode,
    productSpecDesc: x.productSpecDesc,
    productId: x.productId ?? null,
    periodType: x.periodType ?? null,
    periodNum: x.periodNum ?? null,
    officialFen: x.officialFen,
    discountFen: x.discountFen,
    amountFen: x.amountFen,
    couponFen: 0,
    effectiveAt: x.effectiveAt ?? null,
    expireAt: x.expireAt ?? null,
    baseOrderId: x.baseOrderId ?? null,
    pending: status === 'pending_payment' ? 1 : 0,
  }));
  let order: OrderRow;
  try {
    order = await insertOrder(
      tx,
      {
        id,
        customerId: input.customerId,
        partnerId: input.partnerId,
        type: input.type,
        status,
        officialFen: sum(input.lines, 'officialFen'),
        discountFen: sum(input.lines, 'discountFen'),
        amountFen: sum(input.lines, 'amountFen'),
        refundOf: input.refundOf ?? null,
        paidBy: status === 'paid' ? 'customer' : null,
        source: input.source,
        requestKey: input.requestKey ?? null,
        createdBy: actor.id,
        createdAt: now,
        paymentDeadline: status === 'pending_payment' ? new Date(now.getTime() + PAYMENT_WINDOW_MS) : null,
        paidAt: status === 'paid' ? now : null,
        billCycle: status === 'paid' ? billCycleOf(now) : null,
        updatedAt: now,
      },
      lines,
    );
  } catch (e) {
    if (isUniqueViolation(e, 'order_lines_pending_uq'))
      throw new AppError('orders.resource_pending', { resourceId: input.lines[0]?.resourceId ?? '' });
    throw e;
  }
  if (status === 'paid') await billOrder(tx, order, lines as OrderLineRow[], now);
  await ctx.audit.record(tx, actor, {
    action: 'orders.placed',
    entityType: 'order',
    entityId: id,
    partnerId: input.partnerId,
    after: { type: input.type, status, amountFen: order.amountFen, lines: lines.length },
  });
  return { order, lines: lines as OrderLineRow[], replayed: false };
}

/**
 * Marks a pending order paid in the caller's transaction (the caller applies what it bought in the
 * same transaction, so payment and its effect commit together or not at all). `couponIds`: cash
 * coupons of the order's customer that pay part of it (`applyCoupons`); the rest is cash.
 */
export async function markOrderPaid(
  ctx: AppContext,
  tx: DbOrTx,
  actor: Actor,
  orderId: string,
  paidBy: Payer,
  couponIds: readonly string[] = [],
): Promise<{ order: OrderRow; lines: OrderLineRow[] }> {
  const now = ctx.clock.now();
  const order = await lockOrder(tx, orderId);
  if (!order) throw new AppError('orders.not_found');
  if (order.status !== 'pending_payment') throw new AppError('orders.not_payable', { status: order.status });
  if (order.paymentDeadline && order.paymentDeadline <= now) throw new AppError('orders.payment_expired');
  const coupons = await applyCoupons(tx, order, await linesOf(tx, [orderId]), couponIds, now);
  for (const [lineId, fen] of coupons.lineCoupon) if (fen > 0) await setLineCoupon(tx, lineId, fen);
  const paid = await updateOrder(tx, orderId, {
    status: 'paid',
    paidBy,
    paidAt: now,
    billCycle: billCycleOf(now),
    couponFen: coupons.couponFen,
    updatedAt: now,
  });
  await clearPending(tx, orderId);
  const paidLines = await linesOf(tx, [orderId]);
  await billOrder(tx, paid, paidLines, now);
  await ctx.audit.record(tx, actor, {
    action: 'orders.paid',
    entityType: 'order',
    entityId: orderId,
    partnerId: order.partnerId,
    before: { status: order.status },
    after: {
      status: 'paid',
      paidBy,
      amountFen: order.amountFen,
      couponFen: coupons.couponFen,
      coupons: coupons.used,
    },
  });
  return { order: paid, lines: paidLines };
}

/** Cancels a pending order (its resources are free for another order). */
export async function markOrderCancelled(
  ctx: AppContext,
  tx: DbOrTx,
  actor: Actor,
  orderId: string,
): Promise<OrderRow> {
  const now = ctx.clock.now();
  const order = await lockOrder(tx, orderId);
  if (!order) throw new AppError('orders.not_found');
  if (order.status !== 'pending_payment')
    throw new AppError('orders.not_cancellable', { status: order.status });
  const cancelled = await updateOrder(tx, orderId, { status: 'cancelled', cancelledAt: now, updatedAt: now });
  await clearPending(tx, orderId);
  await ctx.audit.record(tx, actor, {
    action: 'orders.cancelled',
    entityType: 'order',
    entityId: orderId,
    partnerId: order.partnerId,
    before: { status: order.status },
    after: { status: 'cancelled' },
  });
  return cancelled;
}

/** After a refund order: the paid orders it returned money of are `refunded`. */
export async function markOrdersRefunded(
  ctx: AppContext,
  tx: DbOrTx,
  orderIds: readonly string[],
): Promise<void> {
  const now = ctx.clock.now();
  for (const id of new Set(orderIds)) {
    const order = await lockOrder(tx, id);
    if (order?.status === 'paid') await updateOrder(tx, id, { status: 'refunded', updatedAt: now });
  }
}

/** True for retried requests: a concurrent duplicate lost the race on the request-key index. */
export function isRequestKeyRace(e: unknown): boolean {
  return isUniqueViolation(e, 'orders_request_key_uq');
}

export { pendingRefs } from './orders.repository.ts';

/**
 * The paid purchase and renewal lines of a resource, oldest period first (refunds are reckoned from
 * them): `amountFen` is the cash paid, so a refund returns cash only and never what coupons paid.
 */
export async function paidLinesOf(
  db: DbOrTx,
  resourceRef: string,
): Promise<{ orderId: string; amountFen: number; effectiveAt: Date | null; expireAt: Date | null }[]> {
  const rows = await paidPeriodLines(db, resourceRef);
  return rows.map((x) => ({
    orderId: x.order.id,
    amountFen: x.line.amountFen - x.line.couponFen,
    effectiveAt: x.line.effectiveAt,
    expireAt: x.line.expireAt,
  }));
}
