import { type DbOrTx, schema } from '@pc/db';
import { and, asc, count, desc, eq, gte, inArray, isNull, lt, type SQL, sql } from 'drizzle-orm';

const o = schema.orders;
const l = schema.orderLines;

export type OrderRow = typeof o.$inferSelect;
export type OrderLineRow = typeof l.$inferSelect;
export type NewOrder = typeof o.$inferInsert;
export type NewOrderLine = typeof l.$inferInsert;

export async function insertOrder(tx: DbOrTx, order: NewOrder, lines: NewOrderLine[]): Promise<OrderRow> {
  const [row] = await tx.insert(o).values(order).returning();
  if (lines.length) await tx.insert(l).values(lines);
  return row as OrderRow;
}

export async function findOrder(db: DbOrTx, id: string): Promise<OrderRow | undefined> {
  const [row] = await db.select().from(o).where(eq(o.id, id)).limit(1);
  return row;
}

export async function lockOrder(tx: DbOrTx, id: string): Promise<OrderRow | undefined> {
  const [row] = await tx.select().from(o).where(eq(o.id, id)).for('update').limit(1);
  return row;
}

export async function findOrderByRequestKey(
  db: DbOrTx,
  customerId: string,
  requestKey: string,
): Promise<OrderRow | undefined> {
  const [row] = await db
    .select()
    .from(o)
    .where(and(eq(o.customerId, customerId), eq(o.requestKey, requestKey)))
    .limit(1);
  return row;
}

export async function updateOrder(tx: DbOrTx, id: string, set: Partial<NewOrder>): Promise<OrderRow> {
  const [row] = await tx.update(o).set(set).where(eq(o.id, id)).returning();
  return row as OrderRow;
}

export async function setLineCoupon(tx: DbOrTx, lineId: string, couponFen: number): Promise<void> {
  await tx.update(l).set({ couponFen }).where(eq(l.id, lineId));
}

/** A purchase line's period, set again at payment (the resource is bought from then). */
export async function setLinePeriod(
  tx: DbOrTx,
  lineId: string,
  effectiveAt: Date,
  expireAt: Date,
): Promise<void> {
  await tx.update(l).set({ effectiveAt, expireAt }).where(eq(l.id, lineId));
}

/** Frees the order's resources for other orders (its lines are no longer pending). */
export async function clearPending(tx: DbOrTx, orderId: string): Promise<void> {
  await tx
    .update(l)
    .set({ pending: 0 })
    .where(and(eq(l.orderId, orderId), eq(l.pending, 1)));
}

export function linesOf(db: DbOrTx, orderIds: readonly string[]): Promise<OrderLineRow[]> {
  if (orderIds.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(l)
    .where(inArray(l.orderId, [...orderIds]))
    .orderBy(asc(l.orderId), asc(l.id));
}

/** Paid lines of a resource with a period (new, renew), oldest first: what a refund is reckoned from. */
export function paidPeriodLines(db: DbOrTx, resourceRef: string) {
  return db
    .select({ line: l, order: o })
    .from(l)
    .innerJoin(o, eq(o.id, l.orderId))
    .where(and(eq(l.resourceRef, resourceRef), eq(o.status, 'paid'), inArray(o.type, ['new', 'renew'])))
    .orderBy(asc(l.effectiveAt));
}

export function refundsOf(db: DbOrTx, orderId: string): Promise<OrderRow[]> {
  return db.select().from(o).where(eq(o.refundOf, orderId)).orderBy(asc(o.createdAt));
}

export interface OrderFilter {
  /** Orders of customers of these partners (the partner and, for a distributor, its resellers). */
  partnerIds?: readonly string[];
  customerIds?: readonly string[];
  orderId?: string;
  type?: string;
  status?: string;
  /** Any of these statuses (empty: none). */
  statuses?: readonly string[];
  serviceTypeCode?: string;
  createdFrom?: Date;
  createdTo?: Date;
  paidFrom?: Date;
  paidTo?: Date;
  ascending?: boolean;
  offset: number;
  limit: number;
}

function whereOf(f: OrderFilter): SQL | undefined {
  const conds: (SQL | undefined)[] = [
    f.partnerIds ? inArray(o.partnerId, [...f.partnerIds]) : undefined,
    f.customerIds ? inArray(o.customerId, [...f.customerIds]) : undefined,
    f.orderId ? eq(o.id, f.orderId) : undefined,
    f.type ? eq(o.type, f.type) : undefined,
    f.status ? eq(o.status, f.status) : undefined,
    f.statuses ? (f.statuses.length ? inArray(o.status, [...f.statuses]) : sql`false`) : undefined,
    f.createdFrom ? gte(o.createdAt, f.createdFrom) : undefined,
    f.createdTo ? lt(o.createdAt, f.createdTo) : undefined,
    f.paidFrom ? gte(o.paidAt, f.paidFrom) : undefined,
    f.paidTo ? lt(o.paidAt, f.paidTo) : undefined,
    f.serviceTypeCode
      ? sql`exists (select 1 from ${l} where ${l.orderId} = ${o.id} and ${l.serviceTypeCode} = ${f.serviceTypeCode})`
      : undefined,
  ];
  return and(...conds.filter((c): c is SQL => c !== undefined));
}

export async function listOrders(db: DbOrTx, f: OrderFilter): Promise<{ total: number; rows: OrderRow[] }> {
  const where = whereOf(f);
  const [rows, totals] = await Promise.all([
    db
      .select()
      .from(o)
      .where(where)
      .orderBy(f.ascending ? asc(o.createdAt) : desc(o.createdAt), desc(o.id))
      .offset(f.offset)
      .limit(f.limit),
    db.select({ n: count() }).from(o).where(where),
  ]);
  return { total: Number(totals[0]?.n ?? 0), rows };
}

/** Orders that count in a bill cycle: paid (or later refunded) orders and refunds, by payment cycle. */
export function ordersInCycle(db: DbOrTx, customerIds: readonly string[], billCycle: string) {
  return db
    .select()
    .from(o)
    .where(
      and(
        inArray(o.customerId, [...customerIds]),
        eq(o.billCycle, billCycle),
        inArray(o.status, ['paid', 'refunded']),
      ),
    )
    .orderBy(asc(o.paidAt), asc(o.id));
}

/** Pending orders past their deadline, for the sweep that cancels them. */
export function overduePending(db: DbOrTx, now: Date, limit: number): Promise<OrderRow[]> {
  return db
    .select()
    .from(o)
    .where(and(eq(o.status, 'pending_payment'), lt(o.paymentDeadline, now), isNull(o.paidAt)))
    .orderBy(asc(o.paymentDeadline))
    .limit(limit);
}

/** Which of these resources are held by an order awaiting payment. */
export async function pendingRefs(db: DbOrTx, resourceRefs: readonly string[]): Promise<Set<string>> {
  if (resourceRefs.length === 0) return new Set();
  const rows = await db
    .select({ ref: l.resourceRef })
    .from(l)
    .where(and(inArray(l.resourceRef, [...resourceRefs]), eq(l.pending, 1)));
  return new Set(rows.map((r) => r.ref));
}
