import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPartnerWithAdmin, createTestApp, type TestApp } from '../../../test/index.ts';
import { ingestSpendBatch } from '../spend/spend.service.ts';
import { createAssociatedCustomer, spendRecord } from '../spend/spend.test-data.ts';
import { addOrderFeesToBills, getCustomerMonthlySummary } from './index.ts';

describe('bills: monthly summaries kept with spend and orders', () => {
  let t: TestApp;
  let partnerId: string;
  let customer: { id: string; domainId: string };

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set('2026-04-02T04:00:00Z');
    partnerId = (await createPartnerWithAdmin(t)).partner.id;
    customer = await createAssociatedCustomer(t, partnerId);
  });
  afterAll(() => t.close());

  it('sums spend by Asia/Shanghai bill cycle, service type and cash/voucher, once per record id', async () => {
    const records = [
      // 2026-03-31T16:30Z is 00:30 on 1 April in Shanghai: the April bill.
      spendRecord(customer.domainId, 1_001, '2026-03-31T16:30:00Z', { service_type: 'ecs' }),
      spendRecord(customer.domainId, 250, '2026-04-01T02:00:00+08:00', {
        service_type: 'obs',
        payment_kind: 'voucher',
      }),
      spendRecord(customer.domainId, 99, '2026-03-31T15:59:59Z', { service_type: 'ecs' }), // still March
    ];
    await ingestSpendBatch(t.ctx, records);
    await ingestSpendBatch(t.ctx, records); // retried batch: nothing added
    const april = await getCustomerMonthlySummary(t.ctx, customer.id, '2026-04');
    expect(april).toMatchObject({
      amountFen: 1_251,
      cashFen: 1_001,
      voucherFen: 250,
      recordCount: 2,
      onDemandFen: 1_251,
    });
    expect(april.byServiceType.map((s) => [s.serviceType, s.amountFen])).toEqual([
      ['ecs', 1_001],
      ['obs', 250],
    ]);
    const march = await getCustomerMonthlySummary(t.ctx, customer.id, '2026-03', { partnerIds: [partnerId] });
    expect(march.amountFen).toBe(99);
    const otherPartner = await getCustomerMonthlySummary(t.ctx, customer.id, '2026-04', {
      partnerIds: ['prt_x'],
    });
    expect(otherPartner.amountFen).toBe(0);
  });

  it('adds order lines (yearly/monthly) and refunds once, as consumption and unsubscribe lines', async () => {
    const base = {
      orderId: 'ord_1',
      partnerId,
      customerId: customer.id,
      associationType: 'resale',
      serviceType: 'ecs',
      resourceType: 'hws.resource.type.vm',
      resourceId: 'res-1',
    };
    const fees = [
      {
        ...base,
        id: 'ord_1:1',
        tradeTime: new Date('2026-04-10T01:00:00Z'),
        billDetailType: 2,
        amountFen: 120_000,
        cashFen: 100_000,
        voucherFen: 20_000,
      },
      {
        ...base,
        id: 'ord_2:1',
        orderId: 'ord_2',
        tradeTime: new Date('2026-04-11T01:00:00Z'),
        billDetailType: 4,
        amountFen: -30_000,
        cashFen: -30_000,
        voucherFen: 0,
      },
    ];
    const first = await t.ctx.db.transaction((tx) => addOrderFeesToBills(tx, fees, t.clock.now()));
    const again = await t.ctx.db.transaction((tx) => addOrderFeesToBills(tx, fees, t.clock.now()));
    expect([first, again]).toEqual([2, 0]);
    const s = await getCustomerMonthlySummary(t.ctx, customer.id, '2026-04');
    expect(s.periodFen).toBe(90_000);
    expect(s.amountFen).toBe(1_251 + 90_000);
    expect(s.lines.filter((l) => l.chargingMode === 1).map((l) => [l.billType, l.amountFen])).toEqual([
      [0, 120_000],
      [1, -30_000],
    ]);
  });

  it('refuses a malformed bill cycle with a coded error', async () => {
    await expect(getCustomerMonthlySummary(t.ctx, customer.id, '2026-13')).rejects.toMatchObject({
      code: 'bills.invalid_cycle',
    });
  });
});
