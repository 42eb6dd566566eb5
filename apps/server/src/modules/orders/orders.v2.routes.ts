import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors/errors.ts';
import type { Locale } from '../../platform/i18n/i18n.ts';
import { fenToYuan } from '../../platform/money/money.ts';
import { callerOf } from '../../platform/partner-api/scope.ts';
import { requireManagedCustomer, resolveActingPartner } from '../customers/index.ts';
import { typeName } from './orders.names.ts';
import { findOrder, listOrders, type OrderFilter } from './orders.repository.ts';
import type { OrderStatus, OrderType } from './orders.service.ts';
import { type OrderView, orderViews } from './orders.views.ts';

const tags = ['partner-api'];
const utc = (iso: string | null) => (iso ? `${iso.slice(0, 19)}Z` : '');
const utcTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/, "yyyy-MM-dd'T'HH:mm:ss'Z'")
  .transform((v) => new Date(v));
const yuan = (fen: number) => Number(fenToYuan(fen));
const indirect = z.string().min(1).max(64).optional();

/** The provider's order status: 4 cancelled, 5 completed, 6 pending payment. */
const STATUS_CODE: Record<OrderStatus, number> = { pending_payment: 6, paid: 5, refunded: 5, cancelled: 4 };
/** The provider's order type: 1 new, 2 renew, 3 change, 4 unsubscribe, 10 to pay-per-use. */
const TYPE_CODE: Record<OrderType, number> = {
  new: 1,
  renew: 2,
  change: 3,
  unsubscribe: 4,
  to_on_demand: 10,
};
const SOURCE_CODE: Record<string, number> = { customer: 1, partner: 2, system: 8 };
const PERIOD_CODE: Record<string, number> = { month: 2, year: 3 };

const listQuery = z.object({
  order_id: z.string().max(64).optional(),
  customer_id: z.string().max(64).optional(),
  create_time_begin: utcTime.optional(),
  create_time_end: utcTime.optional(),
  service_type_code: z.string().max(64).optional(),
  status: z.coerce.number().int().optional(),
  order_type: z.string().max(4).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(10),
  offset: z.coerce.number().int().min(0).default(0),
  order_by: z.enum(['createTime', '-createTime']).optional(),
  payment_time_begin: utcTime.optional(),
  payment_time_end: utcTime.optional(),
  indirect_partner_id: indirect,
  method: z.enum(['oneself', 'sub_customer']).optional(),
});
const amountInfo = z.object({
  discounts: z.array(z.object({ discount_type: z.string(), discount_amount: z.number() })),
  flexipurchase_coupon_amount: z.number(),
  coupon_amount: z.number(),
  stored_card_amount: z.number(),
  commission_amount: z.number(),
  consumed_amount: z.number(),
});
const orderBase = {
  order_id: z.string(),
  customer_id: z.string(),
  service_type_code: z.string(),
  service_type_name: z.string(),
  source_type: z.number().int(),
  status: z.number().int(),
  order_type: z.number().int(),
  amount_after_discount: z.number(),
  official_amount: z.number(),
  measure_id: z.number().int(),
  create_time: z.string(),
  payment_time: z.string(),
  currency: z.string(),
  contract_id: z.string(),
  amount_info: amountInfo,
};
/**
 * `sub_order_infos`: the orders under a combined-transaction order. The provider fills it only for
 * combined orders and leaves it empty for ordinary ones; every order here is ordinary (one customer,
 * one order per purchase, renewal, change or refund), so it is always the empty list.
 */
const enterpriseProjects = z.array(z.object({ id: z.string(), name: z.string() }));
const v3Fields = { user_name: z.string(), pending_payment_end_time: z.string() };
const customerOrderV2 = z.object({
  ...orderBase,
  sub_order_infos: z.array(z.object({ ...orderBase, enterprise_projects: enterpriseProjects })),
  enterprise_projects: enterpriseProjects,
  agent_pay_info: z.object({ paying_agent_id: z.string(), is_agent_pay: z.boolean() }),
});
const customerOrderV3 = z.object({
  ...orderBase,
  sub_order_infos: z.array(z.object({ ...orderBase, ...v3Fields })),
  ...v3Fields,
});
const lineItem = z.object({
  order_line_item_id: z.string(),
  service_type_code: z.string(),
  service_type_name: z.string(),
  product_id: z.string(),
  product_spec_desc: z.string(),
  period_type: z.number().int(),
  period_num: z.number().int(),
  effective_time: z.string(),
  expire_time: z.string(),
  subscription_num: z.number().int(),
  amount_after_discount: z.number(),
  official_amount: z.number(),
  amount_info: amountInfo,
  currency: z.string(),
  category_code: z.string(),
  product_owner_service: z.string(),
  commercial_resource: z.string(),
  order_id: z.string(),
  /** The product the line is based on (the SDK's ProductObject). */
  base_product_info: z.object({
    product_id: z.string(),
    product_spec_desc: z.string(),
    category_code: z.string(),
    product_owner_service: z.string(),
    commercial_resource: z.string(),
  }),
});
const refundInfo = z.object({
  id: z.string(),
  amount: z.number(),
  measure_id: z.string(),
  customer_id: z.string(),
  resource_type_code: z.string(),
  service_type_code: z.string(),
  resource_type_name: z.string(),
  service_type_name: z.string(),
  region_code: z.string(),
  base_order_id: z.string(),
});

/** `coupon_amount`: what cash coupons (代金券) paid of the amount after discount. */
function amountInfoOf(discountFen: number, couponFen: number) {
  return {
    discounts: discountFen ? [{ discount_type: '0', discount_amount: yuan(discountFen) }] : [],
    flexipurchase_coupon_amount: 0,
    coupon_amount: yuan(couponFen),
    stored_card_amount: 0,
    commission_amount: 0,
    consumed_amount: 0,
  };
}

function baseOf(o: OrderView, locale: Locale) {
  const service = o.lines[0]?.serviceTypeCode ?? '';
  return {
    order_id: o.id,
    customer_id: o.customerDomainId,
    service_type_code: service,
    service_type_name: typeName(service, locale),
    source_type: SOURCE_CODE[o.source] ?? 1,
    status: STATUS_CODE[o.status],
    order_type: TYPE_CODE[o.type],
    amount_after_discount: yuan(o.amountFen),
    official_amount: yuan(o.officialFen),
    measure_id: 1,
    create_time: utc(o.createdAt),
    payment_time: utc(o.paidAt),
    currency: 'CNY',
    contract_id: '',
    amount_info: amountInfoOf(o.discountFen, o.couponFen),
  };
}

/** The acting partner (caller or a distributor's reseller) and its order filter. */
async function actingFilter(ctx: AppContext, req: FastifyRequest, indirectPartnerId?: string) {
  const acting = await resolveActingPartner(ctx.db, callerOf(req).partnerId, indirectPartnerId);
  return { acting, partnerIds: [acting] };
}

/** The order if the acting partner's customer placed it; otherwise `CBC.30000010` (never whose it is). */
async function requireOrder(ctx: AppContext, partnerId: string, orderId: string): Promise<OrderView> {
  const order = await findOrder(ctx.db, orderId);
  if (!order || order.partnerId !== partnerId) throw new AppError('CBC.30000010');
  const [view] = await orderViews(ctx, [order]);
  return view as OrderView;
}

/** R15 orders over the partner API: list, details, refund details. */
export async function ordersV2Routes(app: FastifyInstance, opts: { ctx: AppContext }): Promise<void> {
  const { ctx } = opts;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/orders/customer-orders',
    {
      schema: {
        tags,
        operationId: 'ListCustomerOrders',
        summary: "Customers' orders (a reseller's with indirect_partner_id), newest first by default",
        querystring: listQuery,
        response: { 200: z.object({ total_count: z.number().int(), order_infos: z.array(customerOrderV2) }) },
      },
    },
    async (req) => {
      const q = req.query;
      const { acting, partnerIds } = await actingFilter(ctx, req, q.indirect_partner_id);
      const filter: OrderFilter = {
        partnerIds,
        orderId: q.order_id || undefined,
        createdFrom: q.create_time_begin,
        createdTo: q.create_time_end,
        paidFrom: q.payment_time_begin,
        paidTo: q.payment_time_end,
        serviceTypeCode: q.service_type_code || undefined,
        ascending: q.order_by === 'createTime',
        offset: q.offset,
        limit: q.limit,
      };
      if (q.customer_id) {
        const { customer } = await requireManagedCustomer(ctx.db, acting, q.customer_id);
        filter.customerIds = [customer.id];
      }
      if (q.order_type) {
        const type = Object.entries(TYPE_CODE).find(([, c]) => String(c) === q.order_type)?.[0];
        if (!type) return { total_count: 0, order_infos: [] };
        filter.type = type;
      }
      if (q.status !== undefined)
        filter.statuses = (Object.entries(STATUS_CODE) as [OrderStatus, number][])
          .filter(([, c]) => c === q.status)
          .map(([s]) => s);
      const { total, rows } = await listOrders(ctx.db, filter);
      const views = await orderViews(ctx, rows);
      return {
        total_count: total,
        order_infos: views.map((o) => ({
          ...baseOf(o, req.locale),
          sub_order_infos: [],
          enterprise_projects: [],
          agent_pay_info: {
            paying_agent_id: o.paidBy === 'partner' ? callerOf(req).partnerDomainId : '',
            is_agent_pay: o.paidBy === 'partner',
          },
        })),
      };
    },
  );

  r.get(
    '/orders/customer-orders/details/:order_id',
    {
      schema: {
        tags,
        operationId: 'ShowCustomerOrderDetails',
        summary: 'One order with its line items (paged)',
        params: z.object({ order_id: z.string().min(1).max(64) }),
        querystring: z.object({
          offset: z.coerce.number().int().min(0).default(0),
          limit: z.coerce.number().int().min(1).max(100).default(10),
          indirect_partner_id: indirect,
        }),
        response: {
          200: z.object({
            total_count: z.number().int(),
            order_info: customerOrderV3,
            order_line_items: z.array(lineItem),
          }),
        },
      },
    },
    async (req) => {
      const { acting } = await actingFilter(ctx, req, req.query.indirect_partner_id);
      const o = await requireOrder(ctx, acting, req.params.order_id);
      const lines = o.lines.slice(req.query.offset, req.query.offset + req.query.limit);
      return {
        total_count: o.lines.length,
        order_info: {
          ...baseOf(o, req.locale),
          sub_order_infos: [],
          user_name: o.customerName,
          pending_payment_end_time: utc(o.status === 'pending_payment' ? o.paymentDeadline : null),
        },
        order_line_items: lines.map((l) => ({
          order_line_item_id: l.id,
          service_type_code: l.serviceTypeCode,
          service_type_name: typeName(l.serviceTypeCode, req.locale),
          product_id: l.resourceId,
          product_spec_desc: l.productSpecDesc,
          period_type: l.periodType ? (PERIOD_CODE[l.periodType] ?? 5) : 5,
          period_num: l.periodNum ?? 0,
          effective_time: utc(l.effectiveAt),
          expire_time: utc(l.expireAt),
          subscription_num: 1,
          amount_after_discount: yuan(l.amountFen),
          official_amount: yuan(l.officialFen),
          amount_info: amountInfoOf(l.discountFen, l.couponFen),
          currency: 'CNY',
          category_code: l.resourceTypeCode,
          product_owner_service: l.serviceTypeCode,
          commercial_resource: l.resourceTypeCode,
          order_id: o.id,
          base_product_info: {
            // The catalogue product the line was priced from; lines priced from no product
            // (unsubscribes, changes) name the resource, as the line's own product_id does.
            product_id: l.productId ?? l.resourceId,
            product_spec_desc: l.productSpecDesc,
            category_code: l.resourceTypeCode,
            product_owner_service: l.serviceTypeCode,
            commercial_resource: l.resourceTypeCode,
          },
        })),
      };
    },
  );

  r.get(
    '/orders/customer-orders/refund-orders',
    {
      schema: {
        tags,
        operationId: 'ShowRefundOrderDetails',
        summary: 'Where the money of a refund (unsubscribe) order comes from: one record per paid order',
        querystring: z.object({
          order_id: z.string().min(1).max(64),
          customer_id: z.string().max(64).optional(),
          indirect_partner_id: indirect,
        }),
        response: { 200: z.object({ total_count: z.number().int(), refund_infos: z.array(refundInfo) }) },
      },
    },
    async (req) => {
      const { acting } = await actingFilter(ctx, req, req.query.indirect_partner_id);
      const o = await requireOrder(ctx, acting, req.query.order_id);
      if (req.query.customer_id && req.query.customer_id !== o.customerDomainId)
        throw new AppError('CBC.30000010');
      const infos = o.type === 'unsubscribe' ? o.lines.filter((l) => l.baseOrderId) : [];
      return {
        total_count: infos.length,
        refund_infos: infos.map((l) => ({
          id: l.id,
          amount: yuan(l.amountFen),
          measure_id: '1',
          customer_id: o.customerDomainId,
          resource_type_code: l.resourceTypeCode,
          service_type_code: l.serviceTypeCode,
          resource_type_name: typeName(l.resourceTypeCode, req.locale),
          service_type_name: typeName(l.serviceTypeCode, req.locale),
          region_code: l.regionCode,
          base_order_id: l.baseOrderId ?? '',
        })),
      };
    },
  );
}
