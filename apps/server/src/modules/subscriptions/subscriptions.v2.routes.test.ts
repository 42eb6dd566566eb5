import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPartnerWithAdmin, createTestApp, type TestApp } from '../../../test/index.ts';
import { callV2, createApiKey, type TestApiKey } from '../../../test/v2.ts';
import { linkReseller } from '../customers/customers.test-helpers.ts';
import { createAssociatedCustomer } from '../spend/spend.test-data.ts';
import { addResources, createProduct, resourceRecord, specCode } from './subscriptions.test-data.ts';

/** The 13 resource and order operations of the partner API, with the provider's fields and codes. */
describe('partner API: yearly/monthly resources and orders', () => {
  let t: TestApp;
  let key: TestApiKey;
  let otherKey: TestApiKey;
  let distKey: TestApiKey;
  let resellerDomainId: string;
  let customer: { id: string; domainId: string };
  let resellerCustomer: { id: string; domainId: string };
  let main: string;
  let disk: string;
  let other: string;
  let onDemand: string;
  let resellerRes: string;
  let productId: string;

  beforeAll(async () => {
    t = await createTestApp({ config: { apiFlowLimit: 1_000 } });
    t.clock.set('2026-03-10T04:00:00Z');
    const a = await createPartnerWithAdmin(t);
    const b = await createPartnerWithAdmin(t);
    const dist = await createPartnerWithAdmin(t);
    const reseller = await createPartnerWithAdmin(t);
    await linkReseller(
      t,
      { partnerId: dist.partner.id, userId: dist.user.id },
      { partnerId: reseller.partner.id, userId: reseller.user.id, email: reseller.user.email },
    );
    resellerDomainId = reseller.partner.domainId;
    key = await createApiKey(t, a.partner.id);
    otherKey = await createApiKey(t, b.partner.id);
    distKey = await createApiKey(t, dist.partner.id);
    customer = await createAssociatedCustomer(t, a.partner.id, { type: 'resale' });
    resellerCustomer = await createAssociatedCustomer(t, reseller.partner.id, { type: 'resale' });
    const spec = specCode('v');
    const diskSpec = specCode('d');
    productId = (await createProduct(t, spec)).id;
    await createProduct(t, diskSpec, {
      monthlyFen: 1_000,
      yearlyFen: 10_000,
      serviceTypeCode: 'hws.service.type.ebs',
      resourceTypeCode: 'hws.resource.type.volume',
    });
    const mainRec = resourceRecord(customer.domainId, spec, '2026-04-30T16:00:00Z', { auto_renew: true });
    [main, disk, other, onDemand] = (await addResources(t, [
      mainRec,
      resourceRecord(customer.domainId, diskSpec, '2026-04-30T16:00:00Z', {
        service_type_code: 'hws.service.type.ebs',
        resource_type_code: 'hws.resource.type.volume',
        parent_resource_id: mainRec.resource_id,
        spec_size: 100,
        spec_size_measure_id: 17,
      }),
      resourceRecord(customer.domainId, spec, '2026-06-30T16:00:00Z'),
      resourceRecord(customer.domainId, spec, '2026-06-30T16:00:00Z', {
        charging_mode: 'on_demand',
        expire_time: null,
      }),
    ])) as [string, string, string, string];
    [resellerRes] = (await addResources(t, [
      resourceRecord(resellerCustomer.domainId, spec, '2026-05-31T16:00:00Z'),
    ])) as [string];
  });
  afterAll(() => t.close());

  it('ListPayPerUseCustomerResources: fields, filters and paging as the SDK models them', async () => {
    const res = await callV2(t, key, {
      method: 'POST',
      url: '/v2/orders/suscriptions/resources/query',
      body: { customer_id: customer.domainId, status_list: [2], offset: 0, limit: 10 },
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.total_count).toBe(3);
    const m = body.data.find((d: { resource_id: string }) => d.resource_id === main);
    expect(m).toMatchObject({
      resource_id: main,
      status: 2,
      is_main_resource: 1,
      expire_policy: 3,
      expire_time: '2026-04-30T16:00:00Z',
      service_type_name: '弹性云服务器',
      enterprise_project: { id: 'ep-default', name: 'default' },
      spec_size: null,
      spec_size_measure_id: null,
    });
    const d = body.data.find((x: { resource_id: string }) => x.resource_id === disk);
    expect(d).toMatchObject({
      is_main_resource: 0,
      parent_resource_id: main,
      spec_size: 100,
      spec_size_measure_id: 17,
    });
    const mainOnly = await callV2(t, key, {
      method: 'POST',
      url: '/v2/orders/suscriptions/resources/query',
      body: { only_main_resource: 1, limit: 1 },
    });
    expect(mainOnly.json()).toMatchObject({ total_count: 2 });
    expect(mainOnly.json().data).toHaveLength(1);
    const foreign = await callV2(t, otherKey, {
      method: 'POST',
      url: '/v2/orders/suscriptions/resources/query',
      body: { customer_id: customer.domainId },
    });
    expect(foreign.json().error_code).toBe('CBC.99000035');
    const none = await callV2(t, otherKey, {
      method: 'POST',
      url: '/v2/orders/suscriptions/resources/query',
      body: {},
    });
    expect(none.json()).toEqual({ data: [], total_count: 0 });
  });

  it('ListRenewRateOnPeriod: the main resource with its disk, the discount, failures per resource', async () => {
    const res = await callV2(t, key, {
      method: 'POST',
      url: '/v2/bills/ratings/period-resources/renew-rate',
      body: { resource_ids: [main, onDemand, 'nope'], period_type: 3, period_num: 2 },
      language: 'en_US',
    });
    expect(res.statusCode).toBe(200);
    // 2 years: (¥1,000 + ¥100) × 2 = ¥2,200, 20 % off = ¥1,760.
    expect(res.json()).toMatchObject({
      currency: 'CNY',
      renew_inquiry_results: [{ resource_id: main, amount: '1760.00' }],
      official_website_rating_result: { official_website_amount: '2200.00' },
      optional_discount_rating_results: [{ amount: '1760.00', discount_amount: '440.00', best_offer: 1 }],
    });
    const fails = res.json().fail_resource_infos;
    expect(fails).toEqual([
      {
        resource_id: onDemand,
        error_code: 'CBC.30050013',
        error_msg: expect.stringContaining('pay-per-use'),
      },
      {
        resource_id: 'nope',
        error_code: 'CBC.99003012',
        // The CBC code's own wording (one text per code across the partner API).
        error_msg: expect.stringContaining('not found'),
      },
    ]);
    const bad = await callV2(t, key, {
      method: 'POST',
      url: '/v2/bills/ratings/period-resources/renew-rate',
      body: { resource_ids: [main], period_type: 3, period_num: 4 },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error_code).toBe('CBC.0100');
  });

  it('RenewalResources → ListCustomerOrders → ShowCustomerOrderDetails → PayOrders: the expiry moves', async () => {
    const renew = await callV2(t, key, {
      method: 'POST',
      url: '/v2/orders/subscriptions/resources/renew',
      body: { resource_ids: [main], period_type: 2, period_num: 1, is_auto_pay: 0 },
      headers: { 'x-idempotency-key': 'renew-main-1' },
    });
    expect(renew.statusCode).toBe(200);
    const [orderId] = renew.json().order_ids;
    const retry = await callV2(t, key, {
      method: 'POST',
      url: '/v2/orders/subscriptions/resources/renew',
      body: { resource_ids: [main], period_type: 2, period_num: 1, is_auto_pay: 0 },
      headers: { 'x-idempotency-key': 'renew-main-1' },
    });
    expect(retry.json()).toEqual({ order_ids: [orderId], fail_resource_infos: [] });
    const list = await callV2(t, key, {
      method: 'GET',
      url: `/v2/orders/customer-orders?customer_id=${customer.domainId}&status=6&order_type=2`,
    });
    expect(list.json()).toMatchObject({
      total_count: 1,
      order_infos: [
        {
          order_id: orderId,
          status: 6,
          order_type: 2,
          amount_after_discount: 110,
          measure_id: 1,
          sub_order_infos: [],
        },
      ],
    });
    const detail = await callV2(t, key, {
      method: 'GET',
      url: `/v2/orders/customer-orders/details/${orderId}`,
    });
    expect(detail.json()).toMatchObject({
      total_count: 2,
      order_info: { order_id: orderId, status: 6, customer_id: customer.domainId, sub_order_infos: [] },
    });
    expect(detail.json().order_line_items[0]).toMatchObject({
      period_type: 2,
      period_num: 1,
      expire_time: '2026-05-31T16:00:00Z',
    });
    expect(
      detail.json().order_line_items.map((l: { base_product_info: unknown }) => l.base_product_info),
    ).toContainEqual({
      product_id: productId,
      product_spec_desc: '2 vCPUs | 4 GiB',
      category_code: 'hws.resource.type.vm',
      product_owner_service: 'hws.service.type.ec2',
      commercial_resource: 'hws.resource.type.vm',
    });
    expect(
      (
        await callV2(t, otherKey, { method: 'GET', url: `/v2/orders/customer-orders/details/${orderId}` })
      ).json().error_code,
    ).toBe('CBC.30000010');
    const foreignPay = await callV2(t, otherKey, {
      method: 'POST',
      url: '/v3/orders/customer-orders/pay',
      body: { order_id: orderId },
    });
    expect(foreignPay.json().error_code).toBe('CBC.30000010');
    const pay = await callV2(t, key, {
      method: 'POST',
      url: '/v3/orders/customer-orders/pay',
      body: { order_id: orderId },
    });
    expect(pay.statusCode).toBe(204);
    const again = await callV2(t, key, {
      method: 'POST',
      url: '/v3/orders/customer-orders/pay',
      body: { order_id: orderId },
    });
    expect(again.json().error_code).toBe('CBC.99003106');
    const cancel = await callV2(t, key, {
      method: 'PUT',
      url: '/v2/orders/customer-orders/cancel',
      body: { order_id: orderId },
    });
    expect(cancel.json().error_code).toBe('CBC.99005010');
    const after = await callV2(t, key, {
      method: 'POST',
      url: '/v2/orders/suscriptions/resources/query',
      body: { resource_ids: [main, disk] },
    });
    expect(after.json().data.map((d: { expire_time: string }) => d.expire_time)).toEqual([
      '2026-05-31T16:00:00Z',
      '2026-05-31T16:00:00Z',
    ]);
  });

  it('CancelCustomerOrder cancels a pending order; paying it then is CBC.99003106', async () => {
    const renew = await callV2(t, key, {
      method: 'POST',
      url: '/v2/orders/subscriptions/resources/renew',
      body: { resource_ids: [other], period_type: 2, period_num: 2 },
    });
    const [orderId] = renew.json().order_ids;
    const cancel = await callV2(t, key, {
      method: 'PUT',
      url: '/v2/orders/customer-orders/cancel',
      body: { order_id: orderId },
    });
    expect(cancel.statusCode).toBe(204);
    const pay = await callV2(t, key, {
      method: 'POST',
      url: '/v3/orders/customer-orders/pay',
      body: { order_id: orderId },
    });
    expect(pay.json().error_code).toBe('CBC.99003106');
  });

  it('AutoRenewalResources / CancelAutoRenewalResources: CBC.99003605 when already cancelled, pay-per-use refused', async () => {
    const url = `/v2/orders/subscriptions/resources/autorenew/${main}`;
    expect((await callV2(t, key, { method: 'DELETE', url })).statusCode).toBe(204);
    const twice = await callV2(t, key, { method: 'DELETE', url });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().error_code).toBe('CBC.99003605');
    expect(
      (await callV2(t, key, { method: 'POST', url, body: { period_type: 'YEAR', auto_renew_times: 2 } }))
        .statusCode,
    ).toBe(204);
    const od = await callV2(t, key, {
      method: 'POST',
      url: `/v2/orders/subscriptions/resources/autorenew/${onDemand}`,
      body: {},
    });
    expect(od.json().error_code).toBe('CBC.30050013');
    const foreign = await callV2(t, otherKey, { method: 'DELETE', url });
    expect(foreign.json().error_code).toBe('CBC.99003012');
  });

  it('UpdatePeriodToOnDemand: per-resource error_details', async () => {
    const res = await callV2(t, key, {
      method: 'POST',
      url: '/v2/orders/subscriptions/resources/to-on-demand',
      body: { operation: 'SET_UP', resource_ids: [other, onDemand] },
    });
    expect(res.json()).toEqual({
      error_details: [{ id: onDemand, error_code: 'CBC.30050013', error_msg: expect.any(String) }],
    });
    const list = await callV2(t, key, {
      method: 'POST',
      url: '/v2/orders/suscriptions/resources/query',
      body: { resource_ids: [other] },
    });
    expect(list.json().data[0].expire_policy).toBe(1);
  });

  it('CancelResourcesSubscription and ShowRefundOrderDetails: refund records per paid order', async () => {
    const renew = await callV2(t, key, {
      method: 'POST',
      url: '/v2/orders/subscriptions/resources/renew',
      body: { resource_ids: [other], period_type: 3, period_num: 1, is_auto_pay: 1 },
    });
    const [paidOrder] = renew.json().order_ids;
    const un = await callV2(t, key, {
      method: 'POST',
      url: '/v2/orders/subscriptions/resources/unsubscribe',
      body: {
        resource_ids: [other],
        unsubscribe_type: 2,
        unsubscribe_reason_type: 5,
        unsubscribe_reason: 'budget',
      },
    });
    expect(un.statusCode).toBe(200);
    const [refundOrder] = un.json().order_ids;
    const refund = await callV2(t, key, {
      method: 'GET',
      url: `/v2/orders/customer-orders/refund-orders?order_id=${refundOrder}`,
    });
    expect(refund.json()).toMatchObject({
      total_count: 1,
      refund_infos: [
        { amount: -1000, measure_id: '1', base_order_id: paidOrder, customer_id: customer.domainId },
      ],
    });
    const again = await callV2(t, key, {
      method: 'POST',
      url: '/v2/orders/subscriptions/resources/unsubscribe',
      body: { resource_ids: [other], unsubscribe_type: 2 },
    });
    expect(again.json().fail_resource_infos[0].error_code).toBe('CBC.99003128');
  });

  it('ListCustomerOnDemandResources: the customer’s pay-per-use resources only', async () => {
    const res = await callV2(t, key, {
      method: 'POST',
      url: '/v2/partners/sub-customers/on-demand-resources/query',
      body: { customer_id: customer.domainId },
    });
    expect(res.json()).toMatchObject({ total_count: 1, resources: [{ resource_id: onDemand, status: 1 }] });
    const foreign = await callV2(t, otherKey, {
      method: 'POST',
      url: '/v2/partners/sub-customers/on-demand-resources/query',
      body: { customer_id: customer.domainId },
    });
    expect(foreign.json().error_code).toBe('CBC.99000035');
  });

  it('a distributor reaches its reseller’s customers’ resources by resource id (the SDK models have no indirect_partner_id); others do not', async () => {
    const rate = await callV2(t, distKey, {
      method: 'POST',
      url: '/v2/bills/ratings/period-resources/renew-rate',
      body: { resource_ids: [resellerRes], period_type: 2, period_num: 1 },
    });
    expect(rate.json().renew_inquiry_results).toEqual([{ resource_id: resellerRes, amount: '100.00' }]);
    const listed = await callV2(t, distKey, {
      method: 'POST',
      url: '/v2/orders/suscriptions/resources/query',
      body: { customer_id: resellerCustomer.domainId },
    });
    expect(listed.json()).toMatchObject({ total_count: 1, data: [{ resource_id: resellerRes }] });
    const foreign = await callV2(t, otherKey, {
      method: 'POST',
      url: '/v2/bills/ratings/period-resources/renew-rate',
      body: { resource_ids: [resellerRes], period_type: 2, period_num: 1 },
    });
    expect(foreign.json().fail_resource_infos[0].error_code).toBe('CBC.99003012');
    const foreignList = await callV2(t, otherKey, {
      method: 'POST',
      url: '/v2/orders/suscriptions/resources/query',
      body: { customer_id: resellerCustomer.domainId },
    });
    expect(foreignList.json().error_code).toBe('CBC.99000035');
    const notMine = await callV2(t, otherKey, {
      method: 'GET',
      url: `/v2/orders/customer-orders?indirect_partner_id=${resellerDomainId}`,
    });
    expect(notMine.json().error_code).toBe('CBC.99000037');
  });
});
