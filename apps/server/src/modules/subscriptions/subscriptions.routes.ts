import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Actor, AppContext } from '../../platform/context.ts';
import type { ErrorCatalogue } from '../../platform/errors/errors.ts';
import { AppError } from '../../platform/errors/errors.ts';
import {
  actorOf,
  requireCustomerUser,
  requireOperator,
  requirePartnerUser,
} from '../../platform/http/auth.ts';
import type { Locale } from '../../platform/i18n/i18n.ts';
import { safeEqual } from '../identity/index.ts';
import type { OrderWithLines, Payer } from '../orders/index.ts';
import { catalogue, lifecycleSettings, saveLifecycleSettings, saveProduct } from './catalogue.service.ts';
import { ingestResources } from './ingest.service.ts';
import {
  cancelAutoRenew,
  previewUnsubscribe,
  setAutoRenew,
  setToOnDemand,
  unsubscribe,
} from './manage.service.ts';
import { placePurchase, productsForSale, quotePurchase } from './purchase.service.ts';
import { cancelOrder, type ItemFailure, payOrder, quoteRenewal, renewResources } from './renewals.service.ts';
import { portalScope, renewalFacets, renewalList, type Scope } from './resources.service.ts';
import {
  autoRenewBody,
  facets,
  failuresResponse,
  ingestBody,
  ingestResponse,
  okResponse,
  orderIdParams,
  orderRef,
  ordersResponse,
  paidOrder,
  payBody,
  productBody,
  productList,
  productParams,
  productView,
  purchaseBody,
  purchaseQuote,
  purchaseQuoteBody,
  quoteBody,
  quoteResponse,
  refundPreview,
  renewalPage,
  renewalQuery,
  renewBody,
  settingsBody,
  settingsView,
  toOnDemandBody,
  unsubscribeBody,
  unsubscribePreviewBody,
} from './subscriptions.schemas.ts';

/** Operators who keep the catalogue and may send resources by hand (`admin` may anyway). */
const CATALOGUE_ROLES = ['finance', 'admin'] as const;

export function failureViews(failures: readonly ItemFailure[], locale: Locale, errors: ErrorCatalogue) {
  return failures.map((f) => ({
    resourceId: f.resourceId,
    code: f.error.code,
    message: errors.message(f.error, locale),
  }));
}
const orderRefs = (orders: readonly OrderWithLines[]) =>
  orders.map((o) => ({
    id: o.order.id,
    status: o.order.status,
    amountFen: o.order.amountFen,
    replayed: o.replayed,
  }));

interface Area {
  prefix: string;
  tag: string;
  scopeOf(req: FastifyRequest): Promise<Scope>;
  /** Who pays when the area pays: the partner (resale customers only) or the customer itself. */
  payer: Payer;
}

/**
 * The renewal page's routes (R15) for one area: the partner portal (`/api/renewals`, its customers
 * and its resellers') and the customer area (`/api/customer/renewals`, its own resources).
 */
function renewalRoutes(area: Area): FastifyPluginAsyncZod<{ ctx: AppContext }> {
  return async (app, { ctx }) => {
    const read = { tags: [area.tag], security: [{ session: [] }] };
    const write = { tags: [area.tag], security: [{ session: [], csrf: [] }] };
    const guard = {
      preValidation: async (req: FastifyRequest) => {
        await area.scopeOf(req);
      },
    };
    const p = area.prefix;

    app.get(
      `${p}/renewals`,
      {
        schema: {
          ...read,
          summary: 'Resources for renewal: filters, soonest expiry first',
          querystring: renewalQuery,
          response: { 200: renewalPage },
        },
        ...guard,
      },
      async (req) => renewalList(ctx, await area.scopeOf(req), req.query),
    );
    app.get(
      `${p}/renewals/facets`,
      {
        schema: {
          ...read,
          summary: 'Enterprise projects, services and regions to filter by',
          response: { 200: facets },
        },
        ...guard,
      },
      async (req) => renewalFacets(ctx, await area.scopeOf(req)),
    );
    app.post(
      `${p}/renewals/quote`,
      {
        schema: {
          ...write,
          summary: 'Price of renewing resources for a period',
          body: quoteBody,
          response: { 200: quoteResponse },
        },
        ...guard,
      },
      async (req) => {
        const q = await quoteRenewal(ctx, await area.scopeOf(req), req.body);
        return { ...q, failures: failureViews(q.failures, req.locale, req.server.ctx.errors) };
      },
    );
    app.post(
      `${p}/renewals/renew`,
      {
        schema: {
          ...write,
          summary:
            'Renew resources: one order per customer (idempotent on requestKey), paid at once with payNow',
          body: renewBody,
          response: { 200: ordersResponse },
        },
        ...guard,
      },
      async (req) => {
        const { payNow, ...b } = req.body;
        const r = await renewResources(ctx, actorOf(req), await area.scopeOf(req), {
          ...b,
          autoPay: payNow,
          payer: area.payer,
        });
        return {
          orders: orderRefs(r.orders),
          failures: failureViews(r.failures, req.locale, req.server.ctx.errors),
        };
      },
    );
    app.post(
      `${p}/renewals/auto-renew`,
      {
        schema: {
          ...write,
          summary: 'Set or cancel auto-renewal of a resource',
          body: autoRenewBody,
          response: { 200: okResponse },
        },
        ...guard,
      },
      async (req) => {
        const scope = await area.scopeOf(req);
        const b = req.body;
        if (b.on)
          await setAutoRenew(ctx, actorOf(req), scope, b.resourceId, {
            periodType: b.periodType,
            times: b.times,
          });
        else await cancelAutoRenew(ctx, actorOf(req), scope, b.resourceId);
        return { ok: true as const };
      },
    );
    app.post(
      `${p}/renewals/to-on-demand`,
      {
        schema: {
          ...write,
          summary: 'Change to pay-per-use at expiry (or cancel that)',
          body: toOnDemandBody,
          response: { 200: failuresResponse },
        },
        ...guard,
      },
      async (req) => {
        const f = await setToOnDemand(
          ctx,
          actorOf(req),
          await area.scopeOf(req),
          req.body.resourceIds,
          req.body.on,
        );
        return { failures: failureViews(f, req.locale, req.server.ctx.errors) };
      },
    );
    app.post(
      `${p}/renewals/unsubscribe/preview`,
      {
        schema: {
          ...write,
          summary: 'The refund of unsubscribing, shown before confirming',
          body: unsubscribePreviewBody,
          response: { 200: refundPreview },
        },
        ...guard,
      },
      async (req) => {
        const r = await previewUnsubscribe(ctx, await area.scopeOf(req), req.body.resourceIds, req.body.type);
        return { ...r, failures: failureViews(r.failures, req.locale, req.server.ctx.errors) };
      },
    );
    app.post(
      `${p}/renewals/unsubscribe`,
      {
        schema: {
          ...write,
          summary: 'Unsubscribe: a refund order per customer (idempotent on requestKey)',
          body: unsubscribeBody,
          response: { 200: ordersResponse },
        },
        ...guard,
      },
      async (req) => {
        const r = await unsubscribe(ctx, actorOf(req), await area.scopeOf(req), req.body);
        return {
          orders: orderRefs(r.orders),
          failures: failureViews(r.failures, req.locale, req.server.ctx.errors),
        };
      },
    );
    app.post(
      `${p}/orders/:id/pay`,
      {
        schema: {
          ...write,
          summary:
            'Pay a pending order, with up to 3 cash coupons; the renewal or purchase takes effect in the same transaction',
          params: orderIdParams,
          body: payBody,
          response: { 200: paidOrder },
        },
        ...guard,
      },
      async (req) => {
        const o = await payOrder(
          ctx,
          actorOf(req),
          await area.scopeOf(req),
          req.params.id,
          area.payer,
          req.body?.couponIds ?? [],
        );
        return {
          id: o.order.id,
          status: o.order.status,
          amountFen: o.order.amountFen,
          couponFen: o.order.couponFen,
          replayed: false,
        };
      },
    );
    app.get(
      `${p}/purchase/products`,
      {
        schema: {
          ...read,
          summary: 'Products on sale with their period prices and discounts',
          response: { 200: productList },
        },
        ...guard,
      },
      async () => ({ items: await productsForSale(ctx) }),
    );
    app.post(
      `${p}/purchase/quote`,
      {
        schema: {
          ...write,
          summary: 'Price of buying a product for a period (catalogue period discounts, exact in fen)',
          body: purchaseQuoteBody,
          response: { 200: purchaseQuote },
        },
        ...guard,
      },
      async (req) => quotePurchase(ctx, req.body),
    );
    app.post(
      `${p}/purchase/orders`,
      {
        schema: {
          ...write,
          summary: 'Buy a product: an order awaiting payment (idempotent on requestKey)',
          body: purchaseBody,
          response: { 200: orderRef },
        },
        ...guard,
      },
      async (req) => {
        const o = await placePurchase(ctx, actorOf(req), await area.scopeOf(req), req.body);
        return { id: o.order.id, status: o.order.status, amountFen: o.order.amountFen, replayed: o.replayed };
      },
    );
    app.post(
      `${p}/orders/:id/cancel`,
      {
        schema: {
          ...write,
          summary: 'Cancel a pending order',
          params: orderIdParams,
          response: { 200: orderRef },
        },
        ...guard,
      },
      async (req) => {
        const o = await cancelOrder(ctx, actorOf(req), await area.scopeOf(req), req.params.id);
        return { id: o.id, status: o.status, amountFen: o.amountFen, replayed: false };
      },
    );
  };
}

const partnerArea: Area = {
  prefix: '/api',
  tag: 'renewals',
  payer: 'partner',
  scopeOf: async (req) => portalScope(req.server.ctx, requirePartnerUser(req).partnerId),
};
const customerArea: Area = {
  prefix: '/api/customer',
  tag: 'customer-area',
  payer: 'customer',
  scopeOf: async (req) => ({ kind: 'customer', customerId: requireCustomerUser(req).customerId }),
};

/** R15 routes: renewal pages, order payment, the catalogue and settings (console), ingestion. */
export const subscriptionsRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  await app.register(renewalRoutes(partnerArea), { ctx });
  await app.register(renewalRoutes(customerArea), { ctx });

  /** A valid bearer token (the order system) wins; otherwise an operator of finance or admin. */
  function ingestActor(req: FastifyRequest): Actor {
    const h = req.headers.authorization;
    if (h?.startsWith('Bearer ')) {
      const token = ctx.config.ingestToken;
      if (!token || !safeEqual(h.slice(7).trim(), token)) throw new AppError('subscriptions.invalid_token');
      return { ...actorOf(req), type: 'system', id: 'ingest_token', partnerId: null, roles: [] };
    }
    const op = requireOperator(req, CATALOGUE_ROLES);
    return { ...actorOf(req), id: op.id };
  }

  app.post(
    '/api/ingest/resources',
    {
      bodyLimit: 16 * 1024 * 1024,
      schema: {
        tags: ['ingest'],
        summary:
          "Bulk resources from the provider's order system (≤ 5,000): stored by resource id, newer reports win",
        description:
          'Authorization: Bearer <INGEST_TOKEN> (the order system), or an operator session (finance, admin).',
        security: [{ session: [], csrf: [] }],
        body: ingestBody,
        response: { 200: ingestResponse },
      },
      preValidation: async (req) => {
        ingestActor(req);
      },
    },
    async (req) => ingestResources(ctx, req.body.resources, ingestActor(req)),
  );

  const consoleRead = { tags: ['console'], security: [{ session: [] }] };
  const consoleWrite = { tags: ['console'], security: [{ session: [], csrf: [] }] };
  const operator = {
    preValidation: async (req: FastifyRequest) => {
      requireOperator(req, CATALOGUE_ROLES);
    },
  };
  app.get(
    '/api/console/catalogue',
    {
      schema: {
        ...consoleRead,
        summary: 'Product catalogue with period prices',
        response: { 200: productList },
      },
      ...operator,
    },
    async () => ({ items: await catalogue(ctx) }),
  );
  app.post(
    '/api/console/catalogue',
    {
      schema: {
        ...consoleWrite,
        summary: 'Add a product with its prices and discounts',
        body: productBody,
        response: { 200: productView },
      },
      ...operator,
    },
    async (req) => saveProduct(ctx, actorOf(req), null, req.body),
  );
  app.put(
    '/api/console/catalogue/:id',
    {
      schema: {
        ...consoleWrite,
        summary: 'Change a product, its prices and discounts',
        params: productParams,
        body: productBody,
        response: { 200: productView },
      },
      ...operator,
    },
    async (req) => saveProduct(ctx, actorOf(req), req.params.id, req.body),
  );
  app.get(
    '/api/console/subscription-settings',
    {
      schema: {
        ...consoleRead,
        summary: 'Reminder days, auto-renewal lead time, retention',
        response: { 200: settingsView },
      },
      ...operator,
    },
    async () => lifecycleSettings(ctx.db),
  );
  app.put(
    '/api/console/subscription-settings',
    {
      schema: {
        ...consoleWrite,
        summary: 'Change the lifecycle settings',
        body: settingsBody,
        response: { 200: settingsView },
      },
      ...operator,
    },
    async (req) => saveLifecycleSettings(ctx, actorOf(req), req.body),
  );
};
