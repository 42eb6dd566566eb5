import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { Actor, AppContext } from '../../platform/context.ts';
import type { ErrorCatalogue } from '../../platform/errors/errors.ts';
import { AppError } from '../../platform/errors/errors.ts';
import type { Locale } from '../../platform/i18n/i18n.ts';
import { fenToYuan } from '../../platform/money/money.ts';
import { toCbcError } from '../../platform/partner-api/cbc.errors.ts';
import { callerOf } from '../../platform/partner-api/scope.ts';
import { requireManagedCustomer } from '../customers/index.ts';
import { typeName } from '../orders/index.ts';
import { cancelAutoRenew, setAutoRenew, setToOnDemand, unsubscribe } from './manage.service.ts';
import { cancelOrder, type ItemFailure, payOrder, quoteRenewal, renewResources } from './renewals.service.ts';
import {
  apiResourceScope,
  apiScope,
  requireScopedCustomer,
  type Scope,
  scopeFilter,
} from './resources.service.ts';
import './subscriptions.errors.ts';
import { type EffectiveStatus, listResources, type ResourceListRow } from './subscriptions.repository.ts';
import {
  autoRenewReq,
  cancelOrderReq,
  errorDetails,
  listResourcesResponse,
  NO_INSTALLMENT,
  onDemandReq,
  onDemandResponse,
  type orderInstanceV2,
  ordersWithFailures,
  payOrderReq,
  periodToOnDemandReq,
  queryResourcesReq,
  renewalReq,
  renewRateReq,
  renewRateResponse,
  resourceParams,
  unsubscribeReq,
} from './subscriptions.v2.schemas.ts';

const tags = ['partner-api'];
const utc = (d: Date | null | undefined) => (d ? `${d.toISOString().slice(0, 19)}Z` : '');
const yuan = (fen: number) => fenToYuan(fen);
const PERIOD: Record<2 | 3, 'month' | 'year'> = { 2: 'month', 3: 'year' };
/** The provider's resource status: 2 in use, 3 closed, 4 frozen, 5 expired. */
const STATUS_CODE: Record<EffectiveStatus, number> = { in_use: 2, released: 3, frozen: 4, expired: 5 };
const STATUS_OF: Record<number, EffectiveStatus> = { 2: 'in_use', 3: 'released', 4: 'frozen', 5: 'expired' };

function apiActor(req: FastifyRequest): Actor {
  const caller = callerOf(req);
  return {
    type: 'api_key',
    id: caller.keyId,
    partnerId: caller.partnerId,
    roles: [],
    requestId: req.id,
    locale: req.locale,
  };
}

/** Per-item refusals in the provider's shape, with its codes. */
function failInfos(failures: readonly ItemFailure[], locale: Locale, errors: ErrorCatalogue) {
  return failures.map((f) => {
    const e = toCbcError(errors, f.error, locale);
    return { resource_id: f.resourceId, error_code: e.error_code, error_msg: e.error_msg };
  });
}

function instanceOf(row: ResourceListRow, locale: Locale): z.infer<typeof orderInstanceV2> {
  const r = row.resource;
  return {
    id: r.id,
    resource_id: r.resourceId,
    resource_name: r.resourceName,
    region_code: r.regionCode,
    service_type_code: r.serviceTypeCode,
    resource_type_code: r.resourceTypeCode,
    resource_type_name: typeName(r.resourceTypeCode, locale),
    service_type_name: typeName(r.serviceTypeCode, locale),
    resource_spec_code: r.resourceSpecCode,
    project_id: r.regionCode,
    product_id: r.resourceSpecCode,
    parent_resource_id: '',
    is_main_resource: r.parentResourceId ? 0 : 1,
    status: STATUS_CODE[row.effectiveStatus],
    effective_time: utc(r.effectiveAt),
    expire_time: utc(r.expireAt),
    // 3 auto-renew, 1 to pay-per-use, 0 grace period after expiry.
    expire_policy: r.autoRenew === 1 ? 3 : r.toOnDemandAtExpiry === 1 ? 1 : 0,
    product_spec_desc: r.productSpecDesc,
    spec_size: r.specSize,
    spec_size_measure_id: r.specSizeMeasureId,
    update_time: utc(r.updatedAt),
    enterprise_project: { id: r.enterpriseProjectId, name: r.enterpriseProjectName },
  };
}

/**
 * R15 over the partner API (the provider's SDK operation names and fields): yearly/monthly
 * resources, renewal prices, renewals, auto-renewal, unsubscribe, change to pay-per-use,
 * pay-per-use resources, and paying or cancelling orders. As in the provider's SDK models, the
 * resource and order calls take no `indirect_partner_id`: the resource (or order, or `customer_id`)
 * names the customer, and a distributor reaches its own customers and its active resellers'.
 * Other partners' resources are `CBC.99003012`. `ListCustomerOnDemandResources` keeps the SDK's
 * `indirect_partner_id`.
 */
export async function subscriptionsV2Routes(app: FastifyInstance, opts: { ctx: AppContext }): Promise<void> {
  const { ctx } = opts;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const scopeOf = (req: FastifyRequest) => apiResourceScope(ctx, callerOf(req).partnerId);

  r.post(
    '/orders/suscriptions/resources/query',
    {
      schema: {
        tags,
        operationId: 'ListPayPerUseCustomerResources',
        summary: "Customers' yearly/monthly resources (the path's spelling is the provider's)",
        body: queryResourcesReq,
        response: { 200: listResourcesResponse },
      },
    },
    async (req) => {
      const b = req.body;
      const scope = await scopeOf(req);
      let customerIds: string[] | undefined;
      if (b.customer_id && scope.kind === 'partner') {
        customerIds = [(await requireScopedCustomer(ctx.db, scope, b.customer_id)).id];
      }
      const { rows, total } = await listResources(ctx.db, {
        ...scopeFilter(scope),
        ...(customerIds ? { customerIds } : {}),
        resourceIds: b.resource_ids?.length ? b.resource_ids : undefined,
        orderId: b.order_id,
        onlyMain: b.only_main_resource === 1,
        statuses: b.status_list?.length
          ? b.status_list.map((s) => STATUS_OF[s] as EffectiveStatus)
          : undefined,
        includeReleased: true,
        chargingMode: 'period',
        expireFrom: b.expire_time_begin,
        expireTo: b.expire_time_end,
        serviceTypeCode: b.service_type_code || undefined,
        offset: b.offset,
        limit: b.limit,
      });
      const parents = new Map(rows.map((x) => [x.resource.id, x.resource.resourceId]));
      return {
        data: rows.map((x) => ({
          ...instanceOf(x, req.locale),
          parent_resource_id: x.resource.parentResourceId
            ? (parents.get(x.resource.parentResourceId) ?? '')
            : '',
        })),
        total_count: total,
      };
    },
  );

  r.post(
    '/bills/ratings/period-resources/renew-rate',
    {
      schema: {
        tags,
        operationId: 'ListRenewRateOnPeriod',
        summary: 'Renewal price of yearly/monthly resources for a period (sub-resources included)',
        body: renewRateReq,
        response: { 200: renewRateResponse },
      },
    },
    async (req) => {
      const b = req.body;
      const q = await quoteRenewal(ctx, await scopeOf(req), {
        resourceIds: b.resource_ids,
        periodType: PERIOD[b.period_type],
        periodNum: b.period_num,
      });
      return {
        currency: 'CNY',
        renew_inquiry_results: q.items.map((i) => ({ resource_id: i.resourceId, amount: yuan(i.amountFen) })),
        official_website_rating_result: { official_website_amount: yuan(q.officialFen), ...NO_INSTALLMENT },
        optional_discount_rating_results: q.items.length
          ? [
              {
                discount_id: `period-${b.period_type}-${b.period_num}`,
                amount: yuan(q.amountFen),
                official_website_amount: yuan(q.officialFen),
                discount_amount: yuan(q.discountFen),
                discount_type: 0,
                discount_name: req.locale === 'zh-CN' ? '包周期优惠' : 'Period discount',
                best_offer: 1,
                ...NO_INSTALLMENT,
                installment_amount: null,
                installment_official_discount_amount: null,
              },
            ]
          : [],
        fail_resource_infos: failInfos(q.failures, req.locale, req.server.ctx.errors),
      };
    },
  );

  r.post(
    '/orders/subscriptions/resources/renew',
    {
      schema: {
        tags,
        operationId: 'RenewalResources',
        summary: 'Renew yearly/monthly resources: one order per customer; is_auto_pay pays at once',
        description:
          'Optional header X-Idempotency-Key: a retried request with the same key answers with the order it placed.',
        body: renewalReq,
        response: { 200: ordersWithFailures },
      },
    },
    async (req) => {
      const b = req.body;
      const key = req.headers['x-idempotency-key'];
      const result = await renewResources(ctx, apiActor(req), await scopeOf(req), {
        resourceIds: b.resource_ids,
        periodType: PERIOD[b.period_type],
        periodNum: b.period_num,
        autoPay: b.is_auto_pay === 1,
        payer: 'partner',
        requestKey: typeof key === 'string' && key ? `api:${key.slice(0, 60)}` : null,
      });
      return {
        order_ids: result.orders.map((o) => o.order.id),
        fail_resource_infos: failInfos(result.failures, req.locale, req.server.ctx.errors),
      };
    },
  );

  r.post(
    '/orders/subscriptions/resources/autorenew/:resource_id',
    {
      schema: {
        tags,
        operationId: 'AutoRenewalResources',
        summary: 'Set auto-renewal of a yearly/monthly resource (with its sub-resources)',
        params: resourceParams,
        body: autoRenewReq,
      },
    },
    async (req, reply) => {
      const b = req.body ?? {};
      await setAutoRenew(ctx, apiActor(req), await scopeOf(req), req.params.resource_id, {
        periodType: b.period_type === 'YEAR' ? 'year' : b.period_type === 'MONTH' ? 'month' : undefined,
        times: b.auto_renew_times,
      });
      return reply.status(204).send();
    },
  );

  r.delete(
    '/orders/subscriptions/resources/autorenew/:resource_id',
    {
      schema: {
        tags,
        operationId: 'CancelAutoRenewalResources',
        summary: 'Cancel auto-renewal; already cancelled is CBC.99003605',
        params: resourceParams,
      },
    },
    async (req, reply) => {
      await cancelAutoRenew(ctx, apiActor(req), await scopeOf(req), req.params.resource_id);
      return reply.status(204).send();
    },
  );

  r.post(
    '/orders/subscriptions/resources/unsubscribe',
    {
      schema: {
        tags,
        operationId: 'CancelResourcesSubscription',
        summary: 'Unsubscribe resources (1: with renewed periods, 2: renewed periods only); refund orders',
        description: 'Optional header X-Idempotency-Key, as for RenewalResources.',
        body: unsubscribeReq,
        response: { 200: ordersWithFailures },
      },
    },
    async (req) => {
      const b = req.body;
      const key = req.headers['x-idempotency-key'];
      const result = await unsubscribe(ctx, apiActor(req), await scopeOf(req), {
        resourceIds: b.resource_ids,
        type: b.unsubscribe_type,
        reasonType: b.unsubscribe_reason_type,
        reason: b.unsubscribe_reason,
        requestKey: typeof key === 'string' && key ? `api:${key.slice(0, 60)}` : null,
      });
      return {
        order_ids: result.orders.map((o) => o.order.id),
        fail_resource_infos: failInfos(result.failures, req.locale, req.server.ctx.errors),
      };
    },
  );

  r.post(
    '/orders/subscriptions/resources/to-on-demand',
    {
      schema: {
        tags,
        operationId: 'UpdatePeriodToOnDemand',
        summary: 'Set or cancel the change to pay-per-use at expiry; refusals in error_details',
        body: periodToOnDemandReq,
        response: { 200: errorDetails },
      },
    },
    async (req) => {
      const b = req.body;
      const failures = await setToOnDemand(
        ctx,
        apiActor(req),
        await scopeOf(req),
        b.resource_ids,
        b.operation === 'SET_UP',
      );
      return {
        error_details: failInfos(failures, req.locale, req.server.ctx.errors).map((f) => ({
          id: f.resource_id,
          error_code: f.error_code,
          error_msg: f.error_msg,
        })),
      };
    },
  );

  r.post(
    '/partners/sub-customers/on-demand-resources/query',
    {
      schema: {
        tags,
        operationId: 'ListCustomerOnDemandResources',
        summary: "A customer's pay-per-use resources",
        body: onDemandReq,
        response: { 200: onDemandResponse },
      },
    },
    async (req) => {
      const b = req.body;
      const scope = await apiScope(ctx, callerOf(req).partnerId, b.indirect_partner_id);
      if (scope.kind !== 'partner') throw new AppError('CBC.0151');
      const { customer } = await requireManagedCustomer(ctx.db, scope.actingPartnerId, b.customer_id);
      // 1 normal, 2 grace, 3 frozen, 6 closed.
      const statuses: Record<number, EffectiveStatus> = {
        1: 'in_use',
        2: 'expired',
        3: 'frozen',
        6: 'released',
      };
      const { rows, total } = await listResources(ctx.db, {
        ...scopeFilter(scope),
        customerIds: [customer.id],
        chargingMode: 'on_demand',
        regionCode: b.region_code || undefined,
        serviceTypeCode: b.service_type_code || undefined,
        resourceIds: b.resource_ids?.length ? b.resource_ids : undefined,
        effectiveFrom: b.effective_time_begin,
        effectiveTo: b.effective_time_end,
        statuses: b.status ? [statuses[b.status] ?? 'in_use'] : undefined,
        includeReleased: true,
        offset: b.offset,
        limit: b.limit,
      });
      const code: Record<EffectiveStatus, number> = { in_use: 1, expired: 2, frozen: 3, released: 6 };
      return {
        resources: rows.map((x) => ({
          customer_id: x.customerDomainId,
          region_code: x.resource.regionCode,
          availability_zone_code: '',
          service_type_code: x.resource.serviceTypeCode,
          resource_type_code: x.resource.resourceTypeCode,
          service_type_name: typeName(x.resource.serviceTypeCode, req.locale),
          resource_type_name: typeName(x.resource.resourceTypeCode, req.locale),
          resource_id: x.resource.resourceId,
          resource_name: x.resource.resourceName,
          effective_time: utc(x.resource.effectiveAt),
          expire_time: utc(x.resource.expireAt),
          status: code[x.effectiveStatus],
          resource_spec_code: x.resource.resourceSpecCode,
          resource_info: '',
          product_spec_desc: x.resource.productSpecDesc,
        })),
        total_count: total,
      };
    },
  );

  r.put(
    '/orders/customer-orders/cancel',
    {
      schema: {
        tags,
        operationId: 'CancelCustomerOrder',
        summary: 'Cancel an order awaiting payment; other states are CBC.99005010',
        body: cancelOrderReq,
      },
    },
    async (req, reply) => {
      await cancelOrder(ctx, apiActor(req), await scopeOf(req), req.body.order_id);
      return reply.status(204).send();
    },
  );
}

/** PayOrders lives under /v3 in the provider's API. */
export async function subscriptionsV3Routes(app: FastifyInstance, opts: { ctx: AppContext }): Promise<void> {
  const { ctx } = opts;
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/orders/customer-orders/pay',
    {
      schema: {
        tags,
        operationId: 'PayOrders',
        summary:
          "Pay a resale customer's order awaiting payment; the renewal takes effect in the same transaction",
        body: payOrderReq,
      },
    },
    async (req, reply) => {
      const b = req.body;
      // As the reference: YES needs coupon_infos, NO takes none; without use_coupon the list decides.
      if (b.use_coupon === 'YES' && !b.coupon_infos?.length)
        throw new AppError('CBC.0100', { field: 'coupon_infos', reason: 'required with use_coupon YES' });
      if (b.use_coupon === 'NO' && b.coupon_infos?.length)
        throw new AppError('CBC.0101', { field: 'coupon_infos' });
      // Only cash coupons (301 promotion cash coupon, 302 cash voucher) exist here; no discounts.
      const notCash = b.coupon_infos?.find((c) => c.type !== 301 && c.type !== 302);
      if (notCash) throw new AppError('orders.coupon_not_applicable', { couponId: notCash.id });
      if (b.use_discount === 'YES' || b.discount_infos?.length)
        throw new AppError('orders.discount_unavailable');
      const scope: Scope = await apiResourceScope(ctx, callerOf(req).partnerId);
      const couponIds = b.use_coupon === 'NO' ? [] : (b.coupon_infos ?? []).map((c) => c.id);
      await payOrder(ctx, apiActor(req), scope, b.order_id, 'partner', couponIds);
      return reply.status(204).send();
    },
  );
}
