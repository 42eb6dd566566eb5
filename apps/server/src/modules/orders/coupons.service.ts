import type { DbOrTx } from '@pc/db';
import type { Actor, AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors/errors.ts';
import { newId } from '../../platform/ids/ids.ts';
import { fenToYuan } from '../../platform/money/money.ts';
import {
  findActiveAssociation,
  findCustomerByDomainId,
  findCustomersByIds,
  notifyCustomer,
  requireVisibleCustomer,
} from '../customers/index.ts';
import { notifyPartnerAdmins } from '../identity/index.ts';
import {
  type CouponRow,
  couponsOfOrders,
  insertCoupon,
  listCoupons,
  lockCoupons,
  markCouponRevoked,
  markCouponUsed,
} from './coupons.repository.ts';
import './orders.errors.ts';
import type { OrderLineRow, OrderRow } from './orders.repository.ts';

/** A payment names at most this many coupons (the SDK's `coupon_infos`: 0–3). */
export const MAX_COUPONS_PER_ORDER = 3;

export interface IssueCoupon {
  customerDomainId: string;
  faceValueFen: number;
  minOrderFen: number;
  serviceTypeCodes: string[];
  validFrom: Date;
  validUntil: Date;
  note?: string;
}

export type CouponStatus = 'available' | 'used' | 'expired' | 'revoked';

export interface CouponView {
  id: string;
  customerId: string;
  customerDomainId: string;
  customerName: string;
  faceValueFen: number;
  minOrderFen: number;
  serviceTypeCodes: string[];
  validFrom: string;
  validUntil: string;
  /** `expired`: still unused after its validity ended. */
  status: CouponStatus;
  orderId: string | null;
  usedFen: number;
  usedAt: string | null;
  note: string;
  revokedAt: string | null;
  revokeReason: string | null;
  createdAt: string;
}

async function couponViews(ctx: AppContext, rows: readonly CouponRow[]): Promise<CouponView[]> {
  const now = ctx.clock.now();
  const customers = new Map(
    (await findCustomersByIds(ctx.db, [...new Set(rows.map((r) => r.customerId))])).map((c) => [c.id, c]),
  );
  return rows.map((r) => ({
    id: r.id,
    customerId: r.customerId,
    customerDomainId: customers.get(r.customerId)?.domainId ?? '',
    customerName: customers.get(r.customerId)?.name ?? '',
    faceValueFen: r.faceValueFen,
    minOrderFen: r.minOrderFen,
    serviceTypeCodes: r.serviceTypeCodes,
    validFrom: r.validFrom.toISOString(),
    validUntil: r.validUntil.toISOString(),
    status: r.status === 'available' && r.validUntil <= now ? 'expired' : (r.status as CouponStatus),
    orderId: r.orderId,
    usedFen: r.usedFen,
    usedAt: r.usedAt?.toISOString() ?? null,
    note: r.note,
    revokedAt: r.revokedAt?.toISOString() ?? null,
    revokeReason: r.revokeReason,
    createdAt: r.createdAt.toISOString(),
  }));
}

/** Operators (finance, admin) issue a cash coupon to a customer: one transaction, audited. */
export async function issueCoupon(ctx: AppContext, actor: Actor, input: IssueCoupon): Promise<CouponView> {
  if (input.validUntil <= input.validFrom) throw new AppError('orders.coupon_validity_invalid');
  const now = ctx.clock.now();
  const row = await ctx.db.transaction(async (tx) => {
    const customer = await findCustomerByDomainId(tx, input.customerDomainId);
    if (!customer) throw new AppError('orders.coupon_customer_not_found');
    const coupon = await insertCoupon(tx, {
      id: newId('cpn', now.getTime()),
      customerId: customer.id,
      faceValueFen: input.faceValueFen,
      minOrderFen: input.minOrderFen,
      serviceTypeCodes: [...new Set(input.serviceTypeCodes)],
      validFrom: input.validFrom,
      validUntil: input.validUntil,
      status: 'available',
      note: input.note ?? '',
      issuedBy: actor.id ?? 'system',
      createdAt: now,
      updatedAt: now,
    });
    await ctx.audit.record(tx, actor, {
      action: 'orders.coupon_issued',
      entityType: 'coupon',
      entityId: coupon.id,
      after: {
        customerId: customer.id,
        faceValueFen: coupon.faceValueFen,
        minOrderFen: coupon.minOrderFen,
        serviceTypeCodes: coupon.serviceTypeCodes,
        validFrom: coupon.validFrom.toISOString(),
        validUntil: coupon.validUntil.toISOString(),
      },
    });
    return coupon;
  });
  const [view] = await couponViews(ctx, [row]);
  return view as CouponView;
}

/**
 * Operators (finance, admin) withdraw an unused coupon with a reason: one transaction under the
 * coupon's row lock, so a payment using it at the same moment either finishes first (then it is
 * used and cannot be revoked) or finds it revoked. A retried revocation answers the revoked coupon.
 */
export async function revokeCoupon(ctx: AppContext, actor: Actor, id: string, reason: string) {
  const now = ctx.clock.now();
  const row = await ctx.db.transaction(async (tx) => {
    const [coupon] = await lockCoupons(tx, [id]);
    if (!coupon) throw new AppError('orders.coupon_not_found', { couponId: id });
    if (coupon.status === 'revoked') return coupon;
    if (coupon.status !== 'available') throw new AppError('orders.coupon_not_revocable', { couponId: id });
    const revoked = await markCouponRevoked(tx, id, {
      revokedAt: now,
      revokedBy: actor.id ?? 'system',
      revokeReason: reason,
    });
    if (!revoked) throw new AppError('orders.coupon_not_revocable', { couponId: id });
    await ctx.audit.record(tx, actor, {
      action: 'orders.coupon_revoked',
      entityType: 'coupon',
      entityId: id,
      before: { status: 'available' },
      after: { status: 'revoked', reason },
    });
    await tellRevoked(ctx, tx, revoked);
    return revoked;
  });
  const [view] = await couponViews(ctx, [row]);
  return view as CouponView;
}

/**
 * The customer learns its coupon was withdrawn (email, SMS, in-app), and so do the administrators of
 * a resale customer's partner, who pays its orders: queued in the revoking transaction.
 */
async function tellRevoked(ctx: AppContext, tx: DbOrTx, coupon: CouponRow): Promise<void> {
  const [customer] = await findCustomersByIds(tx, [coupon.customerId]);
  if (!customer) return;
  const data = {
    customerName: customer.name,
    customerDomainId: customer.domainId,
    couponId: coupon.id,
    faceValue: fenToYuan(coupon.faceValueFen),
    revokeReason: coupon.revokeReason ?? '',
  };
  await notifyCustomer(
    ctx,
    tx,
    customer,
    'orders.coupon_revoked',
    `coupon-revoked:${coupon.id}:customer`,
    () => data,
  );
  const assoc = await findActiveAssociation(tx, customer.id);
  if (assoc?.type !== 'resale') return;
  await notifyPartnerAdmins(ctx, tx, assoc.partnerId, {
    template: 'orders.coupon_revoked_partner',
    key: `coupon-revoked:${coupon.id}:partner`,
    data: () => data,
  });
}

export interface CouponQuery {
  customerDomainId?: string;
  status?: 'available' | 'used' | 'revoked';
  offset: number;
  limit: number;
}

/** Console: every customer's coupons (or one customer's). */
export async function listAllCoupons(ctx: AppContext, q: CouponQuery) {
  let customerIds: string[] | undefined;
  if (q.customerDomainId) {
    const c = await findCustomerByDomainId(ctx.db, q.customerDomainId);
    if (!c) return { items: [], total: 0 };
    customerIds = [c.id];
  }
  const { total, rows } = await listCoupons(ctx.db, { ...q, customerIds });
  return { items: await couponViews(ctx, rows), total };
}

/** The customer's own coupons (customer area). */
export async function listCustomerCoupons(
  ctx: AppContext,
  customerId: string,
  q: Omit<CouponQuery, 'customerDomainId'>,
) {
  const { total, rows } = await listCoupons(ctx.db, { ...q, customerIds: [customerId] });
  return { items: await couponViews(ctx, rows), total };
}

/** A customer's coupons as its partner (or the reseller's distributor) sees them. */
export async function listPartnerCustomerCoupons(
  ctx: AppContext,
  partnerId: string,
  q: CouponQuery & { customerDomainId: string },
) {
  const { customer } = await requireVisibleCustomer(
    ctx.db,
    partnerId,
    await findCustomerByDomainId(ctx.db, q.customerDomainId),
  );
  return listCustomerCoupons(ctx, customer.id, q);
}

/**
 * `total` shared out over `weights` in proportion, exactly: each share rounded down, then the fen
 * left over go one each to the largest remainders (the earlier line on a tie). The shares sum to
 * `total`; a zero weight gets nothing.
 */
export function shareOut(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, w) => a + w, 0);
  if (sum <= 0) return weights.map(() => 0);
  const t = BigInt(total);
  const s = BigInt(sum);
  const parts = weights.map((w) => {
    const n = t * BigInt(w);
    return { share: n / s, rest: n % s };
  });
  let left = total - parts.reduce((a, p) => a + Number(p.share), 0);
  const order = parts
    .map((p, i) => ({ i, rest: p.rest }))
    .filter((x) => (weights[x.i] ?? 0) > 0)
    .sort((a, b) => (a.rest === b.rest ? a.i - b.i : a.rest > b.rest ? -1 : 1));
  const out = parts.map((p) => Number(p.share));
  for (const x of order) {
    if (left <= 0) break;
    out[x.i] = (out[x.i] ?? 0) + 1;
    left--;
  }
  return out;
}

export interface AppliedCoupons {
  /** Each line's coupon share, by line id. */
  lineCoupon: Map<string, number>;
  couponFen: number;
  used: { couponId: string; usedFen: number }[];
}

/**
 * Applies cash coupons to a pending order in the payment's transaction. Each coupon is locked
 * (so two payments naming it wait for each other and the second finds it used), checked (the
 * order's customer, within its validity, unused, the order reaching its minimum, a line of its
 * service types) and used whole: it pays up to its face value of the lines it applies to, never
 * more than what is left of them (no change is given back), shared out over those lines in fen.
 */
export async function applyCoupons(
  tx: DbOrTx,
  order: OrderRow,
  lines: readonly OrderLineRow[],
  couponIds: readonly string[],
  now: Date,
): Promise<AppliedCoupons> {
  const ids = [...new Set(couponIds)];
  const lineCoupon = new Map(lines.map((l) => [l.id, 0]));
  if (ids.length === 0) return { lineCoupon, couponFen: 0, used: [] };
  if (ids.length > MAX_COUPONS_PER_ORDER)
    throw new AppError('orders.coupon_too_many', { max: MAX_COUPONS_PER_ORDER, field: 'coupon_infos' });
  const found = new Map((await lockCoupons(tx, ids)).map((c) => [c.id, c]));
  const used: AppliedCoupons['used'] = [];
  for (const couponId of ids) {
    const c = found.get(couponId);
    if (!c || c.customerId !== order.customerId) throw new AppError('orders.coupon_not_found', { couponId });
    if (c.status === 'revoked')
      throw new AppError('orders.coupon_revoked', { couponId, revokeReason: c.revokeReason ?? '' });
    if (c.status !== 'available') throw new AppError('orders.coupon_used', { couponId });
    if (now < c.validFrom || now >= c.validUntil) throw new AppError('orders.coupon_expired', { couponId });
    if (order.amountFen < c.minOrderFen)
      throw new AppError('orders.coupon_min_amount', { couponId, min: fenToYuan(c.minOrderFen) });
    const fits = lines.filter(
      (l) =>
        l.amountFen > 0 &&
        (c.serviceTypeCodes.length === 0 || c.serviceTypeCodes.includes(l.serviceTypeCode)),
    );
    if (fits.length === 0) throw new AppError('orders.coupon_not_applicable', { couponId });
    const left = fits.map((l) => l.amountFen - (lineCoupon.get(l.id) ?? 0));
    const room = left.reduce((a, x) => a + x, 0);
    if (room <= 0) throw new AppError('orders.coupon_exceeds_order', { couponId });
    const usedFen = Math.min(c.faceValueFen, room);
    shareOut(usedFen, left).forEach((share, i) => {
      const id = fits[i]?.id as string;
      lineCoupon.set(id, (lineCoupon.get(id) ?? 0) + share);
    });
    if (!(await markCouponUsed(tx, c.id, { orderId: order.id, usedFen, usedAt: now })))
      throw new AppError('orders.coupon_used', { couponId });
    used.push({ couponId, usedFen });
  }
  return { lineCoupon, couponFen: used.reduce((a, u) => a + u.usedFen, 0), used };
}

/** The coupons an order was paid with. */
export async function couponsUsedBy(db: DbOrTx, orderIds: readonly string[]) {
  return (await couponsOfOrders(db, orderIds)).map((c) => ({
    id: c.id,
    orderId: c.orderId as string,
    faceValueFen: c.faceValueFen,
    usedFen: c.usedFen,
  }));
}
