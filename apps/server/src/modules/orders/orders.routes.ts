import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context.ts';
import { requireCustomerUser, requirePartnerUser } from '../../platform/http/auth.ts';
import { couponsUsedBy } from './coupons.service.ts';
import './orders.errors.ts';
import type { OrderFilter } from './orders.repository.ts';
import {
  customerOrderQuery,
  orderDetail,
  orderExportQuery,
  orderPage,
  orderParams,
  orderQuery,
} from './orders.schemas.ts';
import {
  customerOrder,
  exportPartnerOrders,
  listCustomerOwnOrders,
  listPartnerOrders,
  type OrderView,
  partnerOrder,
  refundOrdersOf,
} from './orders.views.ts';

/** An order with its refunds and the coupons it was paid with. */
async function orderDetailOf(ctx: AppContext, order: OrderView) {
  const coupons = await couponsUsedBy(ctx.db, [order.id]);
  return {
    ...order,
    refunds: await refundOrdersOf(ctx, order.id),
    coupons: coupons.map(({ id, faceValueFen, usedFen }) => ({ id, faceValueFen, usedFen })),
  };
}

/** A day `YYYY-MM-DD` of Asia/Shanghai as the instant it starts. */
const dayStart = (d: string) => new Date(`${d}T00:00:00+08:00`);
const nextDay = (d: string) => new Date(dayStart(d).getTime() + 86_400_000);

function filterOf(q: {
  orderId?: string;
  customerDomainId?: string;
  type?: string;
  status?: string;
  serviceTypeCode?: string;
  createdFrom?: string;
  createdTo?: string;
}): Omit<OrderFilter, 'partnerIds' | 'offset' | 'limit'> & { customerDomainId?: string } {
  return {
    orderId: q.orderId,
    customerDomainId: q.customerDomainId,
    type: q.type,
    status: q.status,
    serviceTypeCode: q.serviceTypeCode,
    createdFrom: q.createdFrom ? dayStart(q.createdFrom) : undefined,
    createdTo: q.createdTo ? nextDay(q.createdTo) : undefined,
  };
}

/** R15 orders: the partner's customers' orders (filters, export) and the customer's own. */
export const ordersRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const partner = { tags: ['orders'], security: [{ session: [] }] };
  const customer = { tags: ['customer-area'], security: [{ session: [] }] };
  const partnerGuard = {
    preValidation: async (req: FastifyRequest) => {
      requirePartnerUser(req);
    },
  };
  const customerGuard = {
    preValidation: async (req: FastifyRequest) => {
      requireCustomerUser(req);
    },
  };

  app.get(
    '/api/orders',
    {
      schema: {
        ...partner,
        summary: "My customers' orders (and my resellers'), newest first",
        querystring: orderQuery,
        response: { 200: orderPage },
      },
      ...partnerGuard,
    },
    async (req) =>
      listPartnerOrders(ctx, requirePartnerUser(req).partnerId, {
        ...filterOf(req.query),
        offset: req.query.offset,
        limit: req.query.limit,
      }),
  );
  app.get(
    '/api/orders/export',
    {
      schema: {
        ...partner,
        summary: 'The filtered order list as CSV or XLSX (up to 10,000 rows)',
        querystring: orderExportQuery,
        produces: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      },
      ...partnerGuard,
    },
    async (req, reply) => {
      const { format, ...q } = req.query;
      const file = await exportPartnerOrders(
        ctx,
        requirePartnerUser(req).partnerId,
        filterOf(q),
        format,
        req.locale,
      );
      reply.header('content-type', file.contentType);
      reply.header('content-disposition', `attachment; filename="${file.filename}"`);
      reply.header('cache-control', 'no-store');
      return reply.send(file.body);
    },
  );
  app.get(
    '/api/orders/:id',
    {
      schema: {
        ...partner,
        summary: 'One order with its lines and refunds',
        params: orderParams,
        response: { 200: orderDetail },
      },
      ...partnerGuard,
    },
    async (req) => {
      const order = await partnerOrder(ctx, requirePartnerUser(req).partnerId, req.params.id);
      return orderDetailOf(ctx, order);
    },
  );
  app.get(
    '/api/customer/orders',
    {
      schema: {
        ...customer,
        summary: 'My orders, newest first',
        querystring: customerOrderQuery,
        response: { 200: orderPage },
      },
      ...customerGuard,
    },
    async (req) =>
      listCustomerOwnOrders(ctx, requireCustomerUser(req).customerId, {
        ...filterOf(req.query),
        offset: req.query.offset,
        limit: req.query.limit,
      }),
  );
  app.get(
    '/api/customer/orders/:id',
    {
      schema: {
        ...customer,
        summary: 'One of my orders',
        params: orderParams,
        response: { 200: orderDetail },
      },
      ...customerGuard,
    },
    async (req) => {
      const order = await customerOrder(ctx, requireCustomerUser(req).customerId, req.params.id);
      return orderDetailOf(ctx, order);
    },
  );
};
