import writeXlsxFile from 'write-excel-file/node';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors/errors.ts';
import { csvCell } from '../../platform/export/table-export.ts';
import type { Locale } from '../../platform/i18n/i18n.ts';
import { fenToYuan } from '../../platform/money/money.ts';
import {
  businessDateTime,
  customersVisibleTo,
  findCustomer,
  findCustomerByDomainId,
} from '../customers/index.ts';
import {
  findOrder,
  linesOf,
  listOrders,
  type OrderFilter,
  type OrderLineRow,
  type OrderRow,
  ordersInCycle,
  refundsOf,
} from './orders.repository.ts';
import type { OrderStatus, OrderType } from './orders.service.ts';

export interface OrderLineView {
  id: string;
  resourceId: string;
  serviceTypeCode: string;
  resourceTypeCode: string;
  regionCode: string;
  productSpecDesc: string;
  /** The catalogue product the line was priced from (purchases and renewals); null otherwise. */
  productId: string | null;
  periodType: 'month' | 'year' | null;
  periodNum: number | null;
  officialFen: number;
  discountFen: number;
  amountFen: number;
  /** Of `amountFen`, what cash coupons paid. */
  couponFen: number;
  effectiveAt: string | null;
  expireAt: string | null;
  baseOrderId: string | null;
}

export interface OrderView {
  id: string;
  customerId: string;
  customerDomainId: string;
  customerName: string;
  partnerId: string | null;
  type: OrderType;
  status: OrderStatus;
  officialFen: number;
  discountFen: number;
  amountFen: number;
  /** Of `amountFen`, what cash coupons paid (the rest was paid in cash). */
  couponFen: number;
  refundOf: string | null;
  paidBy: string | null;
  source: string;
  createdAt: string;
  paymentDeadline: string | null;
  paidAt: string | null;
  cancelledAt: string | null;
  billCycle: string | null;
  lines: OrderLineView[];
}

export function lineView(l: OrderLineRow): OrderLineView {
  return {
    id: l.id,
    resourceId: l.resourceId,
    serviceTypeCode: l.serviceTypeCode,
    resourceTypeCode: l.resourceTypeCode,
    regionCode: l.regionCode,
    productSpecDesc: l.productSpecDesc,
    productId: l.productId,
    periodType: (l.periodType as OrderLineView['periodType']) ?? null,
    periodNum: l.periodNum,
    officialFen: l.officialFen,
    discountFen: l.discountFen,
    amountFen: l.amountFen,
    couponFen: l.couponFen,
    effectiveAt: l.effectiveAt?.toISOString() ?? null,
    expireAt: l.expireAt?.toISOString() ?? null,
    baseOrderId: l.baseOrderId,
  };
}

/** Orders with their lines and customers' names, for lists and details. */
export async function orderViews(ctx: AppContext, rows: readonly OrderRow[]): Promise<OrderView[]> {
  const lines = await linesOf(
    ctx.db,
    rows.map((r) => r.id),
  );
  const byOrder = new Map<string, OrderLineRow[]>();
  for (const l of lines) byOrder.set(l.orderId, [...(byOrder.get(l.orderId) ?? []), l]);
  const customers = new Map<string, { domainId: string; name: string }>();
  for (const id of new Set(rows.map((r) => r.customerId))) {
    const c = await findCustomer(ctx.db, id);
    if (c) customers.set(id, { domainId: c.domainId, name: c.name });
  }
  return rows.map((o) => ({
    id: o.id,
    customerId: o.customerId,
    customerDomainId: customers.get(o.customerId)?.domainId ?? '',
    customerName: customers.get(o.customerId)?.name ?? '',
    partnerId: o.partnerId,
    type: o.type as OrderType,
    status: o.status as OrderStatus,
    officialFen: o.officialFen,
    discountFen: o.discountFen,
    amountFen: o.amountFen,
    couponFen: o.couponFen,
    refundOf: o.refundOf,
    paidBy: o.paidBy,
    source: o.source,
    createdAt: o.createdAt.toISOString(),
    paymentDeadline: o.paymentDeadline?.toISOString() ?? null,
    paidAt: o.paidAt?.toISOString() ?? null,
    cancelledAt: o.cancelledAt?.toISOString() ?? null,
    billCycle: o.billCycle,
    lines: (byOrder.get(o.id) ?? []).map(lineView),
  }));
}

export type PartnerOrderFilter = Omit<OrderFilter, 'partnerIds'> & { customerDomainId?: string };

async function scopedFilter(ctx: AppContext, partnerId: string, f: PartnerOrderFilter): Promise<OrderFilter> {
  const partnerIds = await customersVisibleTo(ctx.db, partnerId);
  const { customerDomainId, ...rest } = f;
  if (!customerDomainId) return { ...rest, partnerIds };
  const customer = await findCustomerByDomainId(ctx.db, customerDomainId);
  return { ...rest, partnerIds, customerIds: customer ? [customer.id] : [] };
}

/** The partner's (and, for a distributor, its resellers') customers' orders, newest first. */
export async function listPartnerOrders(
  ctx: AppContext,
  partnerId: string,
  f: PartnerOrderFilter,
): Promise<{ items: OrderView[]; total: number }> {
  const { total, rows } = await listOrders(ctx.db, await scopedFilter(ctx, partnerId, f));
  return { items: await orderViews(ctx, rows), total };
}

/** A customer's own orders (customer area). */
export async function listCustomerOwnOrders(
  ctx: AppContext,
  customerId: string,
  f: Omit<OrderFilter, 'partnerIds' | 'customerIds'>,
): Promise<{ items: OrderView[]; total: number }> {
  const { total, rows } = await listOrders(ctx.db, { ...f, customerIds: [customerId] });
  return { items: await orderViews(ctx, rows), total };
}

/** One order the partner may see (its customers' or its resellers'); otherwise not found. */
export async function partnerOrder(ctx: AppContext, partnerId: string, orderId: string): Promise<OrderView> {
  const order = await findOrder(ctx.db, orderId);
  const visible = await customersVisibleTo(ctx.db, partnerId);
  if (!order?.partnerId || !visible.includes(order.partnerId)) throw new AppError('orders.not_found');
  const [view] = await orderViews(ctx, [order]);
  return view as OrderView;
}

/** One order of the customer; otherwise not found. */
export async function customerOrder(
  ctx: AppContext,
  customerId: string,
  orderId: string,
): Promise<OrderView> {
  const order = await findOrder(ctx.db, orderId);
  if (!order || order.customerId !== customerId) throw new AppError('orders.not_found');
  const [view] = await orderViews(ctx, [order]);
  return view as OrderView;
}

/** Refund orders issued against an order. */
export async function refundOrdersOf(ctx: AppContext, orderId: string): Promise<OrderView[]> {
  return orderViews(ctx, await refundsOf(ctx.db, orderId));
}

export interface CycleOrder {
  orderId: string;
  customerId: string;
  type: OrderType;
  status: OrderStatus;
  officialFen: number;
  discountFen: number;
  /** Charged (positive) or refunded (negative) in the cycle. */
  amountFen: number;
  paidBy: string | null;
  paidAt: string;
  billCycle: string;
  lines: OrderLineView[];
}

/**
 * For customers' monthly bills: the orders of the given customers that count in a bill cycle
 * (`YYYY-MM`, Asia/Shanghai, by payment time): paid and later refunded orders at what they cost,
 * refund orders negative. Pending and cancelled orders never count.
 */
export async function ordersForBillCycle(
  ctx: AppContext,
  customerIds: readonly string[],
  billCycle: string,
): Promise<CycleOrder[]> {
  if (customerIds.length === 0) return [];
  const rows = await ordersInCycle(ctx.db, customerIds, billCycle);
  const lines = await linesOf(
    ctx.db,
    rows.map((r) => r.id),
  );
  return rows.map((o) => ({
    orderId: o.id,
    customerId: o.customerId,
    type: o.type as OrderType,
    status: o.status as OrderStatus,
    officialFen: o.officialFen,
    discountFen: o.discountFen,
    amountFen: o.amountFen,
    paidBy: o.paidBy,
    paidAt: (o.paidAt ?? o.createdAt).toISOString(),
    billCycle,
    lines: lines.filter((l) => l.orderId === o.id).map(lineView),
  }));
}

export const ORDER_EXPORT_LIMIT = 10_000;

const TYPE_LABEL: Record<OrderType, Record<Locale, string>> = {
  new: { 'zh-CN': '新购', 'en-US': 'New purchase' },
  renew: { 'zh-CN': '续费', 'en-US': 'Renewal' },
  change: { 'zh-CN': '变更', 'en-US': 'Change' },
  unsubscribe: { 'zh-CN': '退订', 'en-US': 'Unsubscribe' },
  to_on_demand: { 'zh-CN': '包年/包月转按需', 'en-US': 'To pay-per-use' },
};
const STATUS_LABEL: Record<OrderStatus, Record<Locale, string>> = {
  pending_payment: { 'zh-CN': '待支付', 'en-US': 'Pending payment' },
  paid: { 'zh-CN': '已支付', 'en-US': 'Paid' },
  cancelled: { 'zh-CN': '已取消', 'en-US': 'Cancelled' },
  refunded: { 'zh-CN': '已退款', 'en-US': 'Refunded' },
};
const HEADER: Record<Locale, string[]> = {
  'zh-CN': [
    '订单号',
    '客户',
    '客户账号 ID',
    '类型',
    '状态',
    '官网价(元)',
    '优惠(元)',
    '应付(元)',
    '创建时间',
    '支付时间',
    '资源',
  ],
  'en-US': [
    'Order',
    'Customer',
    'Customer ID',
    'Type',
    'Status',
    'List price (yuan)',
    'Discount (yuan)',
    'Amount (yuan)',
    'Created',
    'Paid',
    'Resources',
  ],
};

/** The filtered order list (up to ORDER_EXPORT_LIMIT rows) as CSV (UTF-8 with BOM) or XLSX. */
export async function exportPartnerOrders(
  ctx: AppContext,
  partnerId: string,
  f: Omit<PartnerOrderFilter, 'offset' | 'limit'>,
  format: 'csv' | 'xlsx',
  locale: Locale,
): Promise<{ body: Buffer; contentType: string; filename: string }> {
  const { items } = await listPartnerOrders(ctx, partnerId, { ...f, offset: 0, limit: ORDER_EXPORT_LIMIT });
  const rows = items.map((o) => [
    o.id,
    o.customerName,
    o.customerDomainId,
    TYPE_LABEL[o.type][locale],
    STATUS_LABEL[o.status][locale],
    fenToYuan(o.officialFen),
    fenToYuan(o.discountFen),
    fenToYuan(o.amountFen),
    businessDateTime(new Date(o.createdAt)),
    o.paidAt ? businessDateTime(new Date(o.paidAt)) : '',
    o.lines.map((l) => l.resourceId).join(' '),
  ]);
  const stamp = businessDateTime(ctx.clock.now()).slice(0, 10);
  if (format === 'csv') {
    const text = [HEADER[locale], ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n');
    return {
      body: Buffer.from(`\uFEFF${text}\r\n`, 'utf8'),
      contentType: 'text/csv; charset=utf-8',
      filename: `orders-${stamp}.csv`,
    };
  }
  const data = [
    HEADER[locale].map((value) => ({ value, fontWeight: 'bold' as const })),
    ...rows.map((r) => r.map((value) => ({ value }))),
  ];
  const body = await writeXlsxFile(data, { columns: HEADER[locale].map(() => ({ width: 18 })) }).toBuffer();
  return {
    body,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    filename: `orders-${stamp}.xlsx`,
  };
}
