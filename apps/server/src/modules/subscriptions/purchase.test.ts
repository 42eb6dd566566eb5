import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AsUser,
  asUser,
  createOperator,
  createPartnerWithAdmin,
  createTestApp,
  signIn,
  type TestApp,
} from '../../../test/index.ts';
import { callV2, createApiKey, type TestApiKey } from '../../../test/v2.ts';
import { restrictPurchasesMany } from '../customers/index.ts';
import { createAssociatedCustomer } from '../spend/spend.test-data.ts';
import { createProduct, specCode } from './subscriptions.test-data.ts';

const key = () => `k-${randomBytes(6).toString('hex')}`;

/** #12: buying from the catalogue and paying with cash coupons (portal, partner API). */
describe('purchases and cash coupons', () => {
  let t: TestApp;
  let partner: AsUser;
  let other: AsUser;
  let finance: AsUser;
  let apiKey: TestApiKey;
  let resale: { id: string; domainId: string };
  let referral: { id: string; domainId: string };
  let productId: string;
  let partnerId: string;

  beforeAll(async () => {
    t = await createTestApp({ config: { apiFlowLimit: 1_000 } });
    t.clock.set('2026-03-10T04:00:00Z');
    const p = await createPartnerWithAdmin(t);
    partnerId = p.partner.id;
    partner = asUser(t, await signIn(t, p.user.email, p.password));
    apiKey = await createApiKey(t, p.partner.id);
    const o = await createPartnerWithAdmin(t);
    other = asUser(t, await signIn(t, o.user.email, o.password));
    const fin = await createOperator(t, ['finance']);
    finance = asUser(t, await signIn(t, fin.user.email, fin.password));
    resale = await createAssociatedCustomer(t, p.partner.id, { type: 'resale' });
    referral = await createAssociatedCustomer(t, p.partner.id, { type: 'referral' });
    // ¥100/month, ¥1,000/year; 20 % off from 2 years.
    productId = (await createProduct(t, specCode('p'))).id;
  });
  afterAll(() => t.close());

  const issue = async (fields: Record<string, unknown> = {}) => {
    const r = await finance({
      method: 'POST',
      url: '/api/console/coupons',
      payload: {
        customerDomainId: resale.domainId,
        faceValueFen: 30_000,
        validFrom: '2026-03-01T00:00:00+08:00',
        validUntil: '2026-04-01T00:00:00+08:00',
        ...fields,
      },
    });
    expect(r.statusCode, r.body).toBe(200);
    return r.json().id as string;
  };
  const buy = (fields: Record<string, unknown> = {}) =>
    partner({
      method: 'POST',
      url: '/api/purchase/orders',
      payload: {
        customerDomainId: resale.domainId,
        productId,
        regionCode: 'cn-north-4',
        periodType: 'year',
        periodNum: 1,
        quantity: 1,
        requestKey: key(),
        ...fields,
      },
    });
  const pay = (orderId: string, couponIds: string[] = []) =>
    partner({ method: 'POST', url: `/api/orders/${orderId}/pay`, payload: { couponIds } });

  it('quotes with the period discount, exact in fen, and lists products on sale', async () => {
    const products = await partner({ method: 'GET', url: '/api/purchase/products' });
    expect(products.json().items.some((p: { id: string }) => p.id === productId)).toBe(true);
    const q = await partner({
      method: 'POST',
      url: '/api/purchase/quote',
      payload: { productId, regionCode: 'cn-north-4', periodType: 'year', periodNum: 2, quantity: 3 },
    });
    expect(q.json()).toMatchObject({
      unit: { officialFen: 200_000, discountFen: 40_000, amountFen: 160_000 },
      officialFen: 600_000,
      discountFen: 120_000,
      amountFen: 480_000,
      expireAt: '2028-03-10T04:00:00.000Z',
    });
    const bad = await partner({
      method: 'POST',
      url: '/api/purchase/quote',
      payload: { productId, regionCode: 'cn-north-4', periodType: 'year', periodNum: 4, quantity: 1 },
    });
    expect(bad.statusCode).toBe(400);
  });

  it('places one order for a double click, refuses referral, foreign and frozen customers', async () => {
    const requestKey = key();
    const [a, b] = await Promise.all([buy({ requestKey }), buy({ requestKey })]);
    expect(a.json().id).toBe(b.json().id);
    expect(a.json()).toMatchObject({ status: 'pending_payment', amountFen: 100_000 });
    expect((await buy({ customerDomainId: referral.domainId })).json().code).toBe(
      'subscriptions.purchase_resale_only',
    );
    const foreign = await other({
      method: 'POST',
      url: '/api/purchase/orders',
      payload: {
        customerDomainId: resale.domainId,
        productId,
        regionCode: 'cn-north-4',
        periodType: 'month',
        periodNum: 1,
        quantity: 1,
        requestKey: key(),
      },
    });
    expect(foreign.statusCode).toBeGreaterThanOrEqual(400);
    const frozen = await createAssociatedCustomer(t, partnerId, { type: 'resale' });
    await restrictPurchasesMany(t.ctx.db, [{ customerId: frozen.id, freezeResources: true }], t.clock.now());
    const refused = await buy({ customerDomainId: frozen.domainId });
    expect(refused.json().code).toBe('subscriptions.customer_frozen');
  });

  it('pays with a coupon: exact split over the lines, resources listed with their expiry, refund in cash only', async () => {
    const couponId = await issue({ faceValueFen: 30_001 });
    const seen = await partner({ method: 'GET', url: `/api/coupons?customerDomainId=${resale.domainId}` });
    expect(seen.json().items.find((c: { id: string }) => c.id === couponId)).toMatchObject({
      status: 'available',
      faceValueFen: 30_001,
    });
    expect(
      (await other({ method: 'GET', url: `/api/coupons?customerDomainId=${resale.domainId}` })).statusCode,
    ).toBe(404);
    const order = (await buy({ quantity: 3, periodType: 'month', periodNum: 1, resourceName: 'web' })).json();
    expect(order.amountFen).toBe(30_000);
    const paid = await pay(order.id, [couponId]);
    expect(paid.json(), paid.body).toMatchObject({ status: 'paid', couponFen: 30_000 });
    const detail = (await partner({ method: 'GET', url: `/api/orders/${order.id}` })).json();
    expect(detail.couponFen).toBe(30_000);
    expect(detail.lines.map((l: { couponFen: number }) => l.couponFen)).toEqual([10_000, 10_000, 10_000]);
    expect(detail.coupons).toEqual([{ id: couponId, faceValueFen: 30_001, usedFen: 30_000 }]);
    const list = await partner({ method: 'GET', url: `/api/renewals?customerDomainId=${resale.domainId}` });
    const bought = list
      .json()
      .items.filter((i: { resourceName: string }) => i.resourceName.startsWith('web-'));
    expect(bought).toHaveLength(3);
    expect(bought[0]).toMatchObject({ expireAt: '2026-04-10T04:00:00.000Z', status: 'in_use' });
    // The coupon paid everything: unsubscribing returns no cash.
    const preview = await partner({
      method: 'POST',
      url: '/api/renewals/unsubscribe/preview',
      payload: { resourceIds: [bought[0].resourceId], type: 1 },
    });
    expect(preview.json()).toMatchObject({ refundFen: 0, failures: [] });
    expect((await pay(order.id, [couponId])).json().code).toBe('orders.not_payable');
  });

  it('shares a partial coupon exactly and refunds only the cash part', async () => {
    const couponId = await issue({ faceValueFen: 10_000 });
    const order = (
      await buy({ quantity: 3, periodType: 'month', periodNum: 1, resourceName: 'part' })
    ).json();
    await pay(order.id, [couponId]);
    const detail = (await partner({ method: 'GET', url: `/api/orders/${order.id}` })).json();
    expect(detail.lines.map((l: { couponFen: number }) => l.couponFen)).toEqual([3_334, 3_333, 3_333]);
    const list = await partner({ method: 'GET', url: `/api/renewals?customerDomainId=${resale.domainId}` });
    // Lines are shared out in their stored order, which is not the resources' name order.
    const line = detail.lines.find((l: { couponFen: number }) => l.couponFen === 3_333);
    const r = list.json().items.find((i: { resourceId: string }) => i.resourceId === line.resourceId);
    const preview = await partner({
      method: 'POST',
      url: '/api/renewals/unsubscribe/preview',
      payload: { resourceIds: [r.resourceId], type: 1 },
    });
    // Paid 10,000: 3,333 by the coupon, 6,667 in cash, returned whole on the day of purchase.
    expect(preview.json()).toMatchObject({ refundFen: 6_667, failures: [] });
  });

  it('refuses expired, foreign, inapplicable, below-minimum and used coupons with the codes', async () => {
    const order = (await buy({ periodType: 'month', periodNum: 1 })).json();
    const expired = await issue({ validUntil: '2026-03-10T00:00:00+08:00' });
    expect((await pay(order.id, [expired])).json().code).toBe('orders.coupon_expired');
    const stranger = await createAssociatedCustomer(t, partnerId);
    const foreign = await issue({ customerDomainId: stranger.domainId });
    expect((await pay(order.id, [foreign])).json().code).toBe('orders.coupon_not_found');
    const rds = await issue({ serviceTypeCodes: ['hws.service.type.rds'] });
    expect((await pay(order.id, [rds])).json().code).toBe('orders.coupon_not_applicable');
    const big = await issue({ minOrderFen: 50_000 });
    expect((await pay(order.id, [big])).json().code).toBe('orders.coupon_min_amount');
    // A refused payment changed nothing: the order is still payable, each coupon still available.
    const ok = await issue({ serviceTypeCodes: ['hws.service.type.ec2'] });
    expect((await pay(order.id, [ok])).json()).toMatchObject({ status: 'paid', couponFen: 10_000 });
    const next = (await buy({ periodType: 'month', periodNum: 1 })).json();
    expect((await pay(next.id, [ok])).json().code).toBe('orders.coupon_used');
  });

  it('lets only one of two concurrent payments use the same coupon', async () => {
    const couponId = await issue({ faceValueFen: 5_000 });
    const a = (await buy({ periodType: 'month', periodNum: 1 })).json();
    const b = (await buy({ periodType: 'month', periodNum: 1 })).json();
    const results = await Promise.all([pay(a.id, [couponId]), pay(b.id, [couponId])]);
    const codes = results.map((r) => r.json().status ?? r.json().code).sort();
    expect(codes).toEqual(['orders.coupon_used', 'paid']);
    const coupons = (
      await partner({ method: 'GET', url: `/api/coupons?customerDomainId=${resale.domainId}` })
    ).json();
    expect(coupons.items.find((c: { id: string }) => c.id === couponId)).toMatchObject({
      status: 'used',
      usedFen: 5_000,
    });
  });

  it('revokes an unused coupon with its reason; a used one cannot be revoked; a revoked one cannot pay', async () => {
    const revoke = (id: string, reason = '发放对象有误') =>
      finance({ method: 'POST', url: `/api/console/coupons/${id}/revoke`, payload: { reason } });
    const couponId = await issue({ faceValueFen: 1_000 });
    await t.db.query(`update customers set email = 'resale@example.com' where id = $1`, [resale.id]);
    const r = await revoke(couponId);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ status: 'revoked', revokeReason: '发放对象有误' });
    // A retried revocation answers the same; the partner sees the coupon revoked with the reason.
    expect((await revoke(couponId)).json()).toMatchObject({ status: 'revoked' });
    // The customer and the resale partner's administrators are told once, with the reason.
    const told = await t.db.query<{ template: string; channel: string; reason: string }>(
      `select template, channel, data->>'revokeReason' as reason from notifications
       where data->>'couponId' = $1 order by template, channel`,
      [couponId],
    );
    expect(new Set(told.rows.map((r) => r.template))).toEqual(
      new Set(['orders.coupon_revoked', 'orders.coupon_revoked_partner']),
    );
    expect(told.rows.every((r) => r.reason === '发放对象有误')).toBe(true);
    expect(
      told.rows.filter((r) => r.template === 'orders.coupon_revoked_partner' && r.channel === 'email'),
    ).toHaveLength(1);
    const seen = await partner({ method: 'GET', url: `/api/coupons?customerDomainId=${resale.domainId}` });
    expect(seen.json().items.find((c: { id: string }) => c.id === couponId)).toMatchObject({
      status: 'revoked',
      revokeReason: '发放对象有误',
    });
    const order = (await buy({ periodType: 'month', periodNum: 1 })).json();
    const refused = await pay(order.id, [couponId]);
    expect(refused.json()).toMatchObject({ code: 'orders.coupon_revoked' });
    const used = await issue({ faceValueFen: 1_000 });
    expect((await pay(order.id, [used])).json()).toMatchObject({ status: 'paid' });
    const late = await revoke(used);
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('orders.coupon_not_revocable');
    expect((await revoke('cpn_missing')).json().code).toBe('orders.coupon_not_found');
    // Partners cannot revoke.
    expect(
      (
        await partner({
          method: 'POST',
          url: `/api/console/coupons/${used}/revoke`,
          payload: { reason: 'xx' },
        })
      ).statusCode,
    ).toBe(403);
  });

  it("ListSubCustomerCoupons lists the customers' coupons with the provider's statuses and filters", async () => {
    const open = await issue({ faceValueFen: 1_234, minOrderFen: 5_000, note: '新客礼' });
    const list = async (query: string) => {
      const r = await callV2(t, apiKey, { method: 'GET', url: `/v2/promotions/benefits/coupons?${query}` });
      expect(r.statusCode, r.body).toBe(200);
      return r.json() as { count: number; user_coupons: Record<string, unknown>[] };
    };
    const one = await list(`coupon_id=${open}`);
    expect(one.count).toBe(1);
    expect(one.user_coupons[0]).toMatchObject({
      coupon_id: open,
      status: 2,
      coupon_type: 1,
      customer_id: resale.domainId,
      face_value: 12.34,
      valid_time: '2026-02-28T16:00:00Z',
      plan_name: '新客礼',
      use_limits: [expect.objectContaining({ limit_key: 'minConsumeAmount', value1: '50.00' })],
    });
    // Used (3), revoked (5) and other types or plans filter as the reference says.
    expect((await list('status=3')).user_coupons.every((c) => c.status === 3 && c.order_id)).toBe(true);
    expect((await list('status=5')).user_coupons.every((c) => c.status === 5)).toBe(true);
    expect((await list('status=5')).count).toBeGreaterThan(0);
    expect((await list('coupon_type=2')).count).toBe(0);
    expect((await list(`coupon_id=${open}&status=3`)).count).toBe(0);
    expect((await list('limit=1')).user_coupons).toHaveLength(1);
    // Another partner's key sees none of these customers' coupons.
    const stranger = await createPartnerWithAdmin(t);
    const strangerKey = await createApiKey(t, stranger.partner.id);
    const theirs = await callV2(t, strangerKey, { method: 'GET', url: '/v2/promotions/benefits/coupons' });
    expect(theirs.json()).toEqual({ count: 0, user_coupons: [] });
  });

  it('PayOrders takes coupon_infos and ShowCustomerOrderDetails shows coupon_amount', async () => {
    const couponId = await issue({ faceValueFen: 2_550 });
    const order = (await buy({ periodType: 'month', periodNum: 1 })).json();
    const discount = await callV2(t, apiKey, {
      method: 'POST',
      url: '/v3/orders/customer-orders/pay',
      body: { order_id: order.id, use_discount: 'YES', discount_infos: [{ id: 'd1', type: 1 }] },
    });
    expect(discount.json().error_code).toBe('CBC.99003108');
    const paid = await callV2(t, apiKey, {
      method: 'POST',
      url: '/v3/orders/customer-orders/pay',
      body: { order_id: order.id, use_coupon: 'YES', coupon_infos: [{ id: couponId, type: 301 }] },
    });
    expect(paid.statusCode, paid.body).toBe(204);
    const again = await callV2(t, apiKey, {
      method: 'POST',
      url: '/v3/orders/customer-orders/pay',
      body: { order_id: order.id, use_coupon: 'YES', coupon_infos: [{ id: couponId, type: 301 }] },
    });
    expect(again.json().error_code).toBe('CBC.99003106');
    const details = await callV2(t, apiKey, {
      method: 'GET',
      url: `/v2/orders/customer-orders/details/${order.id}`,
    });
    expect(details.json().order_info).toMatchObject({ amount_after_discount: 100, order_type: 1 });
    expect(details.json().order_info.amount_info.coupon_amount).toBe(25.5);
    const next = (await buy({ periodType: 'month', periodNum: 1 })).json();
    const used = await callV2(t, apiKey, {
      method: 'POST',
      url: '/v3/orders/customer-orders/pay',
      body: { order_id: next.id, coupon_infos: [{ id: couponId, type: 301 }] },
    });
    expect(used.json().error_code).toBe('CBC.99003112');
  });
});
