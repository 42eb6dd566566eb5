import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { fenToYuan } from '../../platform/money/money.ts';
import { callerOf } from '../../platform/partner-api/scope.ts';
import { findCustomersByIds, resolveActingPartner } from '../customers/index.ts';
import { type CouponRow, listPartnerCoupons, type PartnerCouponFilter } from './coupons.repository.ts';

const utc = (d: Date | null) => (d ? `${d.toISOString().slice(0, 19)}Z` : '');
const utcTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/, "yyyy-MM-dd'T'HH:mm:ss'Z'")
  .transform((v) => new Date(v));

/** Our cash coupons are the provider's 代金券: coupon type 1, version 1 (used once, whole). */
const CASH_COUPON = 1;
/** The provider's coupon instance status: 2 to use, 3 used, 4 expired, 5 reclaimed (our revoked). */
function statusCode(r: CouponRow, now: Date): number {
  if (r.status === 'used') return 3;
  if (r.status === 'revoked') return 5;
  return r.validUntil <= now ? 4 : 2;
}

const useLimit = z.object({
  use_limiti_info_id: z.string(),
  limit_key: z.string(),
  value1: z.string(),
  value2: z.string(),
  value_unit: z.string(),
  limit_type: z.string(),
  promotion_plan_id: z.string(),
});
const userCoupon = z.object({
  coupon_id: z.string(),
  coupon_code: z.string(),
  status: z.number().int(),
  customer_id: z.string(),
  coupon_type: z.number().int(),
  measure_id: z.number().int(),
  face_value: z.number(),
  valid_time: z.string(),
  expire_time: z.string(),
  order_id: z.string(),
  promotion_plan_id: z.string(),
  plan_name: z.string(),
  plan_desc: z.string(),
  media_type: z.number().int(),
  fetch_method: z.number().int(),
  use_limits: z.array(useLimit),
  active_time: z.string(),
  reserve_time: z.string(),
  promotion_id: z.string(),
  create_time: z.string(),
  coupon_version: z.number().int(),
  balance: z.number().nullable(),
  lock_order_id: z.string(),
  coupon_usage: z.string(),
  is_frozen: z.string(),
  currency: z.string(),
  extend_param1: z.string(),
  source_id: z.string(),
});

/** The coupon's limits as the provider names them: least order amount and the service types. */
function limitsOf(r: CouponRow) {
  const limit = (key: string, value1: string, unit: string) => ({
    use_limiti_info_id: `${r.id}-${key}`,
    limit_key: key,
    value1,
    value2: '',
    value_unit: unit,
    limit_type: key,
    promotion_plan_id: '',
  });
  return [
    ...(r.minOrderFen > 0 ? [limit('minConsumeAmount', fenToYuan(r.minOrderFen), '1')] : []),
    ...(r.serviceTypeCodes.length ? [limit('serviceTypeCode', r.serviceTypeCodes.join(','), '')] : []),
  ];
}

/** `ListSubCustomerCoupons`: the coupons of the caller's customers (or a reseller's, by `indirect_partner_id`). */
export async function couponsV2Routes(app: FastifyInstance, opts: { ctx: AppContext }): Promise<void> {
  const { ctx } = opts;
  app.withTypeProvider<ZodTypeProvider>().get(
    '/promotions/benefits/coupons',
    {
      schema: {
        tags: ['partner-api'],
        operationId: 'ListSubCustomerCoupons',
        summary: "Customers' coupons (cash coupons, type 1), newest first",
        querystring: z.object({
          coupon_id: z.string().max(64).optional(),
          order_id: z.string().max(64).optional(),
          promotion_plan_id: z.string().max(64).optional(),
          coupon_type: z.coerce.number().int().min(1).max(4).optional(),
          status: z.coerce.number().int().min(1).max(5).optional(),
          active_start_time: utcTime.optional(),
          active_end_time: utcTime.optional(),
          offset: z.coerce.number().int().min(0).default(0),
          limit: z.coerce.number().int().min(1).max(1000).default(10),
          source_id: z.string().max(64).optional(),
          indirect_partner_id: z.string().min(1).max(64).optional(),
        }),
        response: { 200: z.object({ count: z.number().int(), user_coupons: z.array(userCoupon) }) },
      },
    },
    async (req) => {
      const q = req.query;
      const caller = callerOf(req);
      const acting = await resolveActingPartner(ctx.db, caller.partnerId, q.indirect_partner_id);
      const empty = { count: 0, user_coupons: [] };
      // Only cash coupons exist here, none under a promotion plan, all issued by the provider.
      if (q.coupon_type !== undefined && q.coupon_type !== CASH_COUPON) return empty;
      if (q.promotion_plan_id) return empty;
      if (q.source_id) return empty;
      if (q.status === 1) return empty;
      const now = ctx.clock.now();
      const filter: PartnerCouponFilter = {
        partnerId: acting,
        // The reference: an empty string filters on the empty value; absent does not filter.
        ...(q.coupon_id !== undefined ? { couponId: q.coupon_id } : {}),
        ...(q.order_id !== undefined ? { orderId: q.order_id } : {}),
        ...(q.status === 2 ? { statuses: ['available'], availableAt: now } : {}),
        ...(q.status === 3 ? { statuses: ['used'] } : {}),
        ...(q.status === 4 ? { statuses: ['available'], expiredAt: now } : {}),
        ...(q.status === 5 ? { statuses: ['revoked'] } : {}),
        createdFrom: q.active_start_time,
        createdTo: q.active_end_time,
        offset: q.offset,
        limit: q.limit,
      };
      const { total, rows } = await listPartnerCoupons(ctx.db, filter);
      const customers = new Map(
        (await findCustomersByIds(ctx.db, [...new Set(rows.map((r) => r.customerId))])).map((c) => [c.id, c]),
      );
      return {
        count: total,
        user_coupons: rows.map((r) => ({
          coupon_id: r.id,
          coupon_code: r.id,
          status: statusCode(r, now),
          customer_id: customers.get(r.customerId)?.domainId ?? '',
          coupon_type: CASH_COUPON,
          measure_id: 1,
          face_value: Number(fenToYuan(r.faceValueFen)),
          valid_time: utc(r.validFrom),
          expire_time: utc(r.validUntil),
          order_id: r.orderId ?? '',
          promotion_plan_id: '',
          plan_name: r.note,
          plan_desc: r.note,
          media_type: 1,
          fetch_method: 3,
          use_limits: limitsOf(r),
          active_time: utc(r.createdAt),
          reserve_time: utc(r.usedAt),
          promotion_id: '',
          create_time: utc(r.createdAt),
          coupon_version: 1,
          balance: null,
          lock_order_id: '',
          coupon_usage: '',
          is_frozen: '0',
          currency: 'CNY',
          extend_param1: r.revokeReason ?? '',
          source_id: '',
        })),
      };
    },
  );
}
