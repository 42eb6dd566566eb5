import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPartnerWithAdmin, createTestApp, type TestApp } from '../../../test/index.ts';
import { callV2, createApiKey, type TestApiKey } from '../../../test/v2.ts';
import { linkReseller } from '../customers/customers.test-helpers.ts';
import { ingestSpendBatch } from '../spend/spend.service.ts';
import { createAssociatedCustomer, spendRecord } from '../spend/spend.test-data.ts';
import { addOrderFeesToBills } from './index.ts';

describe('partner API: bill operations (ListSubcustomerMonthlyBills, ListSubCustomerBillDetail, …)', () => {
  let t: TestApp;
  let key: TestApiKey;
  let distKey: TestApiKey;
  let otherKey: TestApiKey;
  let resale: { id: string; domainId: string };
  let referral: { id: string; domainId: string };
  let resellerCustomer: { id: string; domainId: string };
  let resellerDomainId: string;
  let partnerId: string;

  beforeAll(async () => {
    t = await createTestApp({ config: { apiFlowLimit: 1_000 } });
    t.clock.set('2026-06-15T04:00:00Z');
    const a = await createPartnerWithAdmin(t);
    const other = await createPartnerWithAdmin(t);
    const d = await createPartnerWithAdmin(t);
    const r = await createPartnerWithAdmin(t);
    await linkReseller(
      t,
      { partnerId: d.partner.id, userId: d.user.id },
      { partnerId: r.partner.id, userId: r.user.id, email: r.user.email },
    );
    partnerId = a.partner.id;
    resellerDomainId = r.partner.domainId;
    key = await createApiKey(t, a.partner.id);
    distKey = await createApiKey(t, d.partner.id);
    otherKey = await createApiKey(t, other.partner.id);
    resale = await createAssociatedCustomer(t, a.partner.id, { type: 'resale' });
    referral = await createAssociatedCustomer(t, a.partner.id, { type: 'referral' });
    resellerCustomer = await createAssociatedCustomer(t, r.partner.id);
    await ingestSpendBatch(t.ctx, [
      spendRecord(resale.domainId, 1_050, '2026-06-01T01:00:00+08:00', {
        resource_id: 'vm-9',
        region_code: 'cn-north-4',
        resource_type: 'hws.resource.type.vm',
        usage_type: 'duration',
        usage_amount: 3600,
        usage_measure_id: 4,
        product_id: 'prod-vm',
        product_name: 'Elastic Cloud Server s6',
        resource_tag: 'env=prod',
        sub_service_type_code: 'hws.service.type.ebs',
        sub_resource_type_code: 'hws.resource.type.volume',
        sub_resource_id: 'disk-9',
        sub_resource_name: 'vm-9-data',
      }),
      spendRecord(resale.domainId, 300, '2026-06-02T01:00:00+08:00', { payment_kind: 'voucher' }),
      spendRecord(resale.domainId, 70, '2026-06-03T01:00:00+08:00', { service_type: 'obs' }),
      spendRecord(referral.domainId, 900, '2026-06-03T01:00:00+08:00'),
      spendRecord(resellerCustomer.domainId, 444, '2026-06-03T01:00:00+08:00'),
    ]);
    await t.ctx.db.transaction((tx) =>
      addOrderFeesToBills(
        tx,
        [
          {
            id: 'ord-v2:1',
            orderId: 'ord-v2',
            partnerId,
            customerId: resale.id,
            associationType: 'resale',
            tradeTime: new Date('2026-06-05T00:00:00Z'),
            billDetailType: 1,
            serviceType: 'ecs',
            resourceType: 'hws.resource.type.vm',
            resourceId: 'vm-9',
            productId: 'prod-s6-large',
            periodType: 3,
            periodNum: 1,
            amountFen: 50_000,
            cashFen: 50_000,
            voucherFen: 0,
          },
          {
            id: 'ord-v2r:1',
            orderId: 'ord-v2r',
            partnerId,
            customerId: resale.id,
            associationType: 'resale',
            tradeTime: new Date('2026-06-06T00:00:00Z'),
            billDetailType: 4,
            serviceType: 'ecs',
            resourceType: 'hws.resource.type.vm',
            resourceId: 'vm-9',
            amountFen: -10_000,
            cashFen: -10_000,
            voucherFen: 0,
          },
        ],
        t.clock.now(),
      ),
    );
  });
  afterAll(() => t.close());

  const monthly = '/v2/bills/partner-bills/subcustomer-bills/monthly-sum';
  const detail = '/v2/bills/subcustomer-bills/res-fee-records';

  it('ListSubcustomerMonthlyBills sums resale customers by service, resource type and bill type', async () => {
    const res = await callV2(t, key, { method: 'GET', url: `${monthly}?cycle=2026-06&charge_mode=3` });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ count: 3, currency: 'CNY' });
    expect(body.bill_sums).toEqual([
      {
        customer_id: resale.domainId,
        cloud_service_type: 'ecs',
        cloud_service_type_name: '弹性云服务器',
        bill_type: '0',
        charge_mode: '3',
        amount: 3,
        debt_amount: 0,
        adjustment_amount: 0,
        discount_amount: 0,
        measure_id: 1,
        account_details: [{ balance_type: 'BALANCE_TYPE_COUPON', amount: 3, bill_type: '0' }],
      },
      expect.objectContaining({ amount: 10.5, resource_type_code: 'hws.resource.type.vm' }),
      expect.objectContaining({ cloud_service_type: 'obs', amount: 0.7 }),
    ]);
    const period = (
      await callV2(t, key, { method: 'GET', url: `${monthly}?cycle=2026-06&charge_mode=1&limit=1&offset=1` })
    ).json();
    expect(period).toMatchObject({ count: 2, bill_sums: [{ bill_type: '1', amount: -100 }] });
  });

  it('ListSubcustomerMonthlyBills refuses bad parameters and other partners’ customers with the reference codes', async () => {
    const missing = await callV2(t, key, {
      method: 'GET',
      url: `${monthly}?cycle=2026-06`,
      language: 'en_US',
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error_code).toBe('CBC.0100');
    const badCycle = await callV2(t, key, { method: 'GET', url: `${monthly}?cycle=2026-6&charge_mode=3` });
    expect(badCycle.json().error_code).toBe('CBC.0100');
    const notMine = await callV2(t, otherKey, {
      method: 'GET',
      url: `${monthly}?cycle=2026-06&charge_mode=3&customer_id=${resale.domainId}`,
      language: 'en_US',
    });
    expect(notMine.statusCode).toBe(400);
    expect(notMine.json()).toMatchObject({
      error_code: 'CBC.99000035',
      error_msg: 'The customer is not your customer',
    });
    const notReseller = await callV2(t, otherKey, {
      method: 'GET',
      url: `${monthly}?cycle=2026-06&charge_mode=3&indirect_partner_id=${resellerDomainId}`,
    });
    expect(notReseller.json().error_code).toBe('CBC.99000037');
  });

  it("a distributor reads its reseller's customers with indirect_partner_id, and only then", async () => {
    const own = (
      await callV2(t, distKey, { method: 'GET', url: `${monthly}?cycle=2026-06&charge_mode=3` })
    ).json();
    expect(own.count).toBe(0);
    const via = (
      await callV2(t, distKey, {
        method: 'GET',
        url: `${monthly}?cycle=2026-06&charge_mode=3&indirect_partner_id=${resellerDomainId}`,
      })
    ).json();
    expect(
      via.bill_sums.map((b: { customer_id: string; amount: number }) => [b.customer_id, b.amount]),
    ).toEqual([[resellerCustomer.domainId, 4.44]]);
    const detailVia = await callV2(t, distKey, {
      method: 'GET',
      url: `${detail}?bill_cycle=2026-06&customer_id=${resellerCustomer.domainId}&indirect_partner_id=${resellerDomainId}`,
    });
    expect(detailVia.json()).toMatchObject({ total_count: 1, fee_records: [{ payment_amount: 4.44 }] });
  });

  it('ListSubCustomerBillDetail pages fee records with the SDK fields and filters', async () => {
    const res = await callV2(t, key, {
      method: 'GET',
      url: `${detail}?bill_cycle=2026-06&customer_id=${resale.domainId}&limit=3`,
      language: 'en_US',
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.total_count).toBe(5);
    expect(body.currency).toBe('CNY');
    expect(body.fee_records[0]).toMatchObject({
      bill_cycle: '2026-06',
      customer_id: resale.domainId,
      association_type: '2',
      service_type_code: 'ecs',
      service_type_name: 'Elastic Cloud Server',
      charging_mode: 1,
      trade_id: 'ord-v2',
      bill_detail_type: 1,
      order_type: 1,
      resource_id: 'vm-9',
      payment_amount: 500,
      cash_amount: 500,
      period_type: 19,
      period_num: 1,
      trade_time: '2026-06-05T00:00:00Z',
      product_id: 'prod-s6-large',
      usage_amount: null,
      account_manager_id: null,
    });
    expect(body.fee_records[2]).toMatchObject({
      charging_mode: 3,
      bill_detail_type: 5,
      region_code: 'cn-north-4',
      usage_type: 'duration',
      usage_amount: 3600,
      usage_measure_id: 4,
      free_resource_usage: null,
      ri_usage: null,
      product_id: 'prod-vm',
      product_name: 'Elastic Cloud Server s6',
      resource_tag: 'env=prod',
      sub_service_type_code: 'hws.service.type.ebs',
      sub_service_type_name: null,
      sub_resource_type_code: 'hws.resource.type.volume',
      sub_resource_id: 'disk-9',
      sub_resource_name: 'vm-9-data',
      payment_type: null,
    });
    const filtered = (
      await callV2(t, key, {
        method: 'GET',
        url: `${detail}?bill_cycle=2026-06&customer_id=${resale.domainId}&charging_mode=3&bill_date_begin=2026-06-02&bill_date_end=2026-06-03`,
      })
    ).json();
    expect(filtered.fee_records.map((f: { payment_amount: number }) => f.payment_amount)).toEqual([3, 0.7]);
    const badDates = await callV2(t, key, {
      method: 'GET',
      url: `${detail}?bill_cycle=2026-06&customer_id=${resale.domainId}&bill_date_begin=2026-07-01&bill_date_end=2026-07-02`,
    });
    expect(badDates.json().error_code).toBe('CBC.0100');
    const others = await callV2(t, otherKey, {
      method: 'GET',
      url: `${detail}?bill_cycle=2026-06&customer_id=${resale.domainId}`,
    });
    expect(others.json().error_code).toBe('CBC.99000035');
  });

  it('ListConsumeSubCustomers lists the customers with consumption in the cycle, paged', async () => {
    const url = '/v2/bills/subcustomer-bills/res-fee-records/sub-customers/query';
    const res = await callV2(t, key, { method: 'POST', url, body: { bill_cycle: '2026-06', limit: 1 } });
    expect(res.statusCode).toBe(200);
    expect(res.json().total_count).toBe(2);
    const all = (await callV2(t, key, { method: 'POST', url, body: { bill_cycle: '2026-06' } })).json();
    expect(all.sub_customers.map((c: { customer_id: string }) => c.customer_id).sort()).toEqual(
      [resale.domainId, referral.domainId].sort(),
    );
    const none = (await callV2(t, key, { method: 'POST', url, body: { bill_cycle: '2026-05' } })).json();
    expect(none).toEqual({ sub_customers: [], total_count: 0 });
  });

  it('ListPostpaidBillSum gives the resale consumption, refunds and the VAT they contain', async () => {
    const res = await callV2(t, key, {
      method: 'GET',
      url: '/v2/bills/partner-bills/postpaid-bill-summary?bill_cycle=2026-06',
    });
    expect(res.json()).toEqual({
      bill_cycle: '2026-06',
      consume_amount: 514.2,
      refunds: -100,
      adjustments: 0,
      initial_amount_due: 414.2,
      tax_amount: 23.45, // 41,420 fen × 6/106 = 2,344.5… → 2,345 half-up
      currency: 'CNY',
    });
  });
});
