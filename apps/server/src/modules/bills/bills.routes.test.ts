import { gunzipSync } from 'node:zlib';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AsUser, asUser, type PartnerWithAdmin, signIn } from '../../../test/factories.ts';
import { createPartnerWithAdmin, createTestApp, type TestApp } from '../../../test/index.ts';
import { linkReseller } from '../customers/customers.test-helpers.ts';
import { ingestSpendBatch } from '../spend/spend.service.ts';
import { createAssociatedCustomer, spendRecord } from '../spend/spend.test-data.ts';
import { exportMonth } from './bills.export.ts';
import { addOrderFeesToBills } from './index.ts';

describe('bills: the portal Bills page, drill-down and the streamed reconciliation export', () => {
  let t: TestApp;
  let dist: PartnerWithAdmin;
  let reseller: PartnerWithAdmin;
  let other: PartnerWithAdmin;
  let asDist: AsUser;
  let asOther: AsUser;
  let own: { id: string; domainId: string; name: string };
  let viaReseller: { id: string; domainId: string; name: string };
  let othersCustomer: { id: string; domainId: string };

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set('2026-05-20T04:00:00Z');
    dist = await createPartnerWithAdmin(t, { name: 'Dist Bills', locale: 'en-US' });
    reseller = await createPartnerWithAdmin(t, { name: 'Reseller Bills' });
    other = await createPartnerWithAdmin(t);
    await linkReseller(
      t,
      { partnerId: dist.partner.id, userId: dist.user.id },
      { partnerId: reseller.partner.id, userId: reseller.user.id, email: reseller.user.email },
    );
    own = await createAssociatedCustomer(t, dist.partner.id);
    viaReseller = await createAssociatedCustomer(t, reseller.partner.id);
    othersCustomer = await createAssociatedCustomer(t, other.partner.id);
    await ingestSpendBatch(t.ctx, [
      spendRecord(own.domainId, 10_000, '2026-05-03T10:00:00+08:00', {
        resource_id: 'vm-1',
        resource_type: 'hws.resource.type.vm',
        region_code: 'cn-north-4',
      }),
      spendRecord(own.domainId, 2_500, '2026-05-04T10:00:00+08:00', {
        service_type: 'obs',
        payment_kind: 'voucher',
      }),
      spendRecord(viaReseller.domainId, 777, '2026-05-05T10:00:00+08:00'),
      spendRecord(othersCustomer.domainId, 5_000, '2026-05-05T10:00:00+08:00'),
    ]);
    await t.ctx.db.transaction((tx) =>
      addOrderFeesToBills(
        tx,
        [
          {
            id: 'o-bill-1:1',
            orderId: 'o-bill-1',
            partnerId: dist.partner.id,
            customerId: own.id,
            associationType: 'resale',
            tradeTime: new Date('2026-05-06T02:00:00Z'),
            billDetailType: 2,
            serviceType: 'ecs',
            resourceType: 'hws.resource.type.vm',
            resourceId: 'vm-1',
            resourceName: 'web-1',
            amountFen: 120_000,
            cashFen: 120_000,
            voucherFen: 0,
            periodType: 3,
            periodNum: 1,
          },
        ],
        t.clock.now(),
      ),
    );
    asDist = asUser(t, await signIn(t, dist.user.email, dist.password));
    asOther = asUser(t, await signIn(t, other.user.email, other.password));
  });
  afterAll(() => t.close());

  it("lists the month's customers with totals, a distributor's resellers' included", async () => {
    const res = await asDist({ method: 'GET', url: '/api/bills?cycle=2026-05' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.totals).toMatchObject({ amountFen: 133_277, periodFen: 120_000, onDemandFen: 13_277 });
    expect(
      body.items.map((i: { customerDomainId: string; amountFen: number; partnerName: string }) => [
        i.customerDomainId,
        i.amountFen,
        i.partnerName,
      ]),
    ).toEqual([
      [own.domainId, 132_500, 'Dist Bills'],
      [viaReseller.domainId, 777, 'Reseller Bills'],
    ]);
    const theirs = (await asOther({ method: 'GET', url: '/api/bills?cycle=2026-05' })).json();
    expect(theirs.items.map((i: { customerDomainId: string }) => i.customerDomainId)).toEqual([
      othersCustomer.domainId,
    ]);
  });

  it("drills down into a customer's month and its fee records; others' customers are not found", async () => {
    const bill = (
      await asDist({ method: 'GET', url: `/api/bills/customers/${own.id}?cycle=2026-05` })
    ).json();
    expect(bill).toMatchObject({ amountFen: 132_500, cashFen: 130_000, voucherFen: 2_500 });
    expect(bill.byServiceType.map((s: { serviceType: string }) => s.serviceType)).toEqual(['ecs', 'obs']);
    const fees = (
      await asDist({ method: 'GET', url: `/api/bills/customers/${own.id}/fee-records?cycle=2026-05&limit=2` })
    ).json();
    expect(fees.total).toBe(3);
    expect(fees.items.map((f: { source: string; amountFen: number }) => [f.source, f.amountFen])).toEqual([
      ['order', 120_000],
      ['usage', 10_000],
    ]);
    const usage = (
      await asDist({
        method: 'GET',
        url: `/api/bills/customers/${own.id}/fee-records?cycle=2026-05&chargingMode=3&offset=1`,
      })
    ).json();
    expect(usage).toMatchObject({ total: 2, items: [{ serviceType: 'obs', voucherFen: 2_500 }] });
    const refused = await asOther({ method: 'GET', url: `/api/bills/customers/${own.id}?cycle=2026-05` });
    expect(refused.statusCode).toBe(404);
    expect(refused.json().code).toBe('bills.customer_not_found');
    const bad = await asDist({ method: 'GET', url: '/api/bills?cycle=2026-13' });
    expect(bad.statusCode).toBe(400);
  });

  it('exports the month as CSV in the user language with exact yuan amounts', async () => {
    const res = await asDist({ method: 'GET', url: '/api/bills/export?cycle=2026-05&format=csv' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const lines = res.body
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toContain('Customer account ID');
    expect(lines).toHaveLength(5);
    expect(lines.find((l) => l.includes('o-bill-1'))).toContain('1200.00,1200.00,0.00');
    expect(lines.some((l) => l.includes(othersCustomer.domainId))).toBe(false);
    const zipped = await asDist({
      method: 'GET',
      url: '/api/bills/export?cycle=2026-05&format=csv',
      headers: { 'accept-encoding': 'gzip' },
    });
    if (zipped.headers['content-encoding'] === 'gzip')
      expect(gunzipSync(zipped.rawPayload).toString('utf8')).toBe(res.body);
    else expect(zipped.body).toBe(res.body);
  });

  it('exports the month as an XLSX workbook', async () => {
    const res = await asDist({ method: 'GET', url: '/api/bills/export?cycle=2026-05&format=xlsx' });
    expect(res.statusCode).toBe(200);
    const files = unzipSync(new Uint8Array(res.rawPayload));
    const sheet = new TextDecoder().decode(files['xl/worksheets/sheet1.xml']);
    expect(sheet.match(/<row>/g)).toHaveLength(5);
    expect(sheet).toContain('<v>1200</v>');
    expect(Object.keys(files)).toContain('xl/workbook.xml');
  });

  it('streams: the first rows are out before the last batch is read', async () => {
    const big = await createAssociatedCustomer(t, other.partner.id);
    const records = Array.from({ length: 2_000 }, (_, i) =>
      spendRecord(big.domainId, i + 1, '2026-05-10T10:00:00+08:00'),
    );
    await ingestSpendBatch(t.ctx, records);
    let readSoFar = 0;
    const file = exportMonth(t.ctx, [other.partner.id], '2026-05', 'csv', 'en-US', {
      batchSize: 100,
      onBatch: (n) => {
        readSoFar = n;
      },
    });
    let rowsAtFirstData = -1;
    let bytes = '';
    for await (const chunk of file.stream) {
      if (rowsAtFirstData < 0 && String(chunk).includes(big.domainId)) rowsAtFirstData = readSoFar;
      bytes += String(chunk);
    }
    expect(bytes.trim().split('\r\n')).toHaveLength(2_002); // header + 2,000 + the earlier record
    expect(rowsAtFirstData).toBeGreaterThan(0);
    expect(rowsAtFirstData).toBeLessThan(1_000);
  });
});
