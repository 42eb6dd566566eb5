import { type DbOrTx, schema } from '@pc/db';
import { and, asc, count, desc, eq, gt, gte, inArray, lt, lte, type SQL } from 'drizzle-orm';

const c = schema.coupons;

export type CouponRow = typeof c.$inferSelect;
export type NewCoupon = typeof c.$inferInsert;

export async function insertCoupon(tx: DbOrTx, row: NewCoupon): Promise<CouponRow> {
  const [out] = await tx.insert(c).values(row).returning();
  return out as CouponRow;
}

/** The coupons, locked in id order (two payments naming the same coupons wait for each other). */
export function lockCoupons(tx: DbOrTx, ids: readonly string[]): Promise<CouponRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return tx
    .select()
    .from(c)
    .where(inArray(c.id, [...ids]))
    .orderBy(asc(c.id))
    .for('update');
}

export async function markCouponUsed(
  tx: DbOrTx,
  id: string,
  set: { orderId: string; usedFen: number; usedAt: Date },
): Promise<boolean> {
  const rows = await tx
    .update(c)
    .set({ ...set, status: 'used', updatedAt: set.usedAt })
    .where(and(eq(c.id, id), eq(c.status, 'available')))
    .returning({ id: c.id });
  return rows.length === 1;
}

/** Withdraws an unused coupon; false when it is no longer available (used or revoked meanwhile). */
export async function markCouponRevoked(
  tx: DbOrTx,
  id: string,
  set: { revokedAt: Date; revokedBy: string; revokeReason: string },
): Promise<CouponRow | undefined> {
  const [row] = await tx
    .update(c)
    .set({ ...set, status: 'revoked', updatedAt: set.revokedAt })
    .where(and(eq(c.id, id), eq(c.status, 'available')))
    .returning();
  return row;
}

export function couponsOfOrders(db: DbOrTx, orderIds: readonly string[]): Promise<CouponRow[]> {
  if (orderIds.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(c)
    .where(inArray(c.orderId, [...orderIds]))
    .orderBy(asc(c.id));
}

export interface CouponFilter {
  customerIds?: readonly string[];
  status?: string;
  offset: number;
  limit: number;
}

export async function listCoupons(
  db: DbOrTx,
  f: CouponFilter,
): Promise<{ total: number; rows: CouponRow[] }> {
  const conds: SQL[] = [];
  if (f.customerIds) conds.push(inArray(c.customerId, [...f.customerIds]));
  if (f.status) conds.push(eq(c.status, f.status));
  const where = and(...conds);
  const [rows, totals] = await Promise.all([
    db.select().from(c).where(where).orderBy(desc(c.createdAt), desc(c.id)).offset(f.offset).limit(f.limit),
    db.select({ n: count() }).from(c).where(where),
  ]);
  return { total: Number(totals[0]?.n ?? 0), rows };
}

export interface PartnerCouponFilter {
  partnerId: string;
  couponId?: string;
  orderId?: string;
  /** Stored statuses; `expiredAt` adds "available but ended before this instant" (the API's expired). */
  statuses?: readonly string[];
  availableAt?: Date;
  expiredAt?: Date;
  createdFrom?: Date;
  createdTo?: Date;
  offset: number;
  limit: number;
}

/** The coupons of the customers the partner holds now (an active association), newest first. */
export async function listPartnerCoupons(
  db: DbOrTx,
  f: PartnerCouponFilter,
): Promise<{ total: number; rows: CouponRow[] }> {
  const a = schema.customerAssociations;
  const conds: SQL[] = [
    inArray(
      c.customerId,
      db
        .select({ id: a.customerId })
        .from(a)
        .where(and(eq(a.partnerId, f.partnerId), eq(a.status, 'active'))),
    ),
  ];
  if (f.couponId !== undefined) conds.push(eq(c.id, f.couponId));
  if (f.orderId !== undefined) conds.push(eq(c.orderId, f.orderId));
  if (f.statuses) conds.push(inArray(c.status, [...f.statuses]));
  if (f.availableAt) conds.push(gt(c.validUntil, f.availableAt));
  if (f.expiredAt) conds.push(lte(c.validUntil, f.expiredAt));
  if (f.createdFrom) conds.push(gte(c.createdAt, f.createdFrom));
  if (f.createdTo) conds.push(lt(c.createdAt, f.createdTo));
  const where = and(...conds);
  const [rows, totals] = await Promise.all([
    db.select().from(c).where(where).orderBy(desc(c.createdAt), desc(c.id)).offset(f.offset).limit(f.limit),
    db.select({ n: count() }).from(c).where(where),
  ]);
  return { total: Number(totals[0]?.n ?? 0), rows };
}
