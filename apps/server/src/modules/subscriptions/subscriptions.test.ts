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
import { createAssociatedCustomer } from '../spend/spend.test-data.ts';
import {
  addResources,
  createProduct,
  INGEST_TOKEN,
  resourceRecord,
  specCode,
} from './subscriptions.test-data.ts';

const key = () => `k-${randomBytes(6).toString('hex')}`;

describe('resources, renewals and orders (R15)', () => {
  let t: TestApp;
  let partner: AsUser;
  let otherPartner: AsUser;
  let partnerId: string;
  let spec: string;
  let resale: { id: string; domainId: string };
  let referral: { id: string; domainId: string };

  beforeAll(async () => {
    t = await createTestApp({ config: { ingestToken: INGEST_TOKEN } });
    t.clock.set('2026-03-10T04:00:00Z');
    const p = await createPartnerWithAdmin(t);
    partnerId = p.partner.id;
    partner = asUser(t, await signIn(t, p.user.email, p.password));
    const o = await createPartnerWithAdmin(t);
    otherPartner = asUser(t, await signIn(t, o.user.email, o.password));
    resale = await createAssociatedCustomer(t, partnerId, { type: 'resale' });
    referral = await createAssociatedCustomer(t, partnerId, { type: 'referral' });
    spec = specCode();
    await createProduct(t, spec);
  });
  afterAll(() => t.close());

  const ingest = (resources: unknown[], token = INGEST_TOKEN) =>
    t.app.inject({
      method: 'POST',
      url: '/api/ingest/resources',
      headers: { authorization: `Bearer ${token}` },
      payload: { resources },
    });

  it('ingests resources once: a retried batch and an older report change nothing, bad items are listed', async () => {
    const rec = resourceRecord(resale.domainId, spec, '2026-04-01T00:00:00Z');
    const first = await ingest([
      rec,
      { resource_id: 'x' },
      resourceRecord('nobody', spec, '2026-04-01T00:00:00Z'),
    ]);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ accepted: 1, rejected: 2 });
    expect(first.json().errors.map((e: { index: number }) => e.index)).toEqual([1, 2]);
    const again = await ingest([rec]);
    expect(again.json()).toMatchObject({ accepted: 0, unchanged: 1 });
    const older = await ingest([
      { ...rec, expire_time: '2026-03-20T00:00:00Z', updated_time: '2024-12-01T00:00:00Z' },
    ]);
    expect(older.json()).toMatchObject({ accepted: 0 });
    const newer = await ingest([{ ...rec, resource_name: 'renamed', updated_time: '2025-02-01T00:00:00Z' }]);
    expect(newer.json()).toMatchObject({ accepted: 1 });
    expect((await ingest([rec], 'wrong-token-wrong-token-wrong')).statusCode).toBe(401);
    const list = await partner({ method: 'GET', url: `/api/renewals?customerDomainId=${resale.domainId}` });
    const item = list.json().items.find((i: { resourceId: string }) => i.resourceId === rec.resource_id);
    expect(item).toMatchObject({
      resourceName: 'renamed',
      expireAt: '2026-04-01T00:00:00.000Z',
      status: 'in_use',
    });
  });

  it('quotes with the period discount, renews once per request key, and the partner pays a resale customer’s order', async () => {
    const [id] = await addResources(t, [resourceRecord(resale.domainId, spec, '2026-03-31T16:00:00Z')]);
    const quote = await partner({
      method: 'POST',
      url: '/api/renewals/quote',
      payload: { resourceIds: [id], periodType: 'month', periodNum: 3 },
    });
    expect(quote.statusCode).toBe(200);
    // 3 × ¥100 = ¥300, 10 % off → ¥270; Apr 1 00:00 Shanghai + 3 months = Jul 1.
    expect(quote.json()).toMatchObject({ officialFen: 30_000, discountFen: 3_000, amountFen: 27_000 });
    expect(quote.json().items[0].newExpireAt).toBe('2026-06-30T16:00:00.000Z');

    const requestKey = key();
    const body = { resourceIds: [id], periodType: 'year', periodNum: 1, requestKey };
    const [a, b] = await Promise.all([
      partner({ method: 'POST', url: '/api/renewals/renew', payload: body }),
      partner({ method: 'POST', url: '/api/renewals/renew', payload: body }),
    ]);
    expect(a.json().orders).toHaveLength(1);
    expect(b.json().orders[0].id).toBe(a.json().orders[0].id);
    const orderId = a.json().orders[0].id as string;
    expect(a.json().orders[0]).toMatchObject({ status: 'pending_payment', amountFen: 100_000 });
    // Another renewal while this one awaits payment is refused for that resource.
    const held = await partner({
      method: 'POST',
      url: '/api/renewals/renew',
      payload: { ...body, requestKey: key() },
    });
    expect(held.json().failures[0]).toMatchObject({ resourceId: id, code: 'orders.resource_pending' });

    const paid = await partner({ method: 'POST', url: `/api/orders/${orderId}/pay` });
    expect(paid.json()).toMatchObject({ status: 'paid' });
    const list = await partner({ method: 'GET', url: `/api/renewals?customerDomainId=${resale.domainId}` });
    const item = list.json().items.find((i: { resourceId: string }) => i.resourceId === id);
    expect(item.expireAt).toBe('2027-03-31T16:00:00.000Z');
    const again = await partner({ method: 'POST', url: `/api/orders/${orderId}/pay` });
    expect(again.json()).toMatchObject({ code: 'orders.not_payable' });
    const detail = await partner({ method: 'GET', url: `/api/orders/${orderId}` });
    expect(detail.json()).toMatchObject({
      type: 'renew',
      status: 'paid',
      paidBy: 'partner',
      billCycle: '2026-03',
    });
  });

  it('refuses to pay a cancelled order, and the partner cannot pay for a referral customer', async () => {
    const [id] = await addResources(t, [resourceRecord(referral.domainId, spec, '2026-05-01T00:00:00Z')]);
    const r = await partner({
      method: 'POST',
      url: '/api/renewals/renew',
      payload: { resourceIds: [id], periodType: 'month', periodNum: 1, requestKey: key() },
    });
    const orderId = r.json().orders[0].id as string;
    const pay = await partner({ method: 'POST', url: `/api/orders/${orderId}/pay` });
    expect(pay.json()).toMatchObject({ code: 'orders.partner_pay_resale_only' });
    expect((await partner({ method: 'POST', url: `/api/orders/${orderId}/cancel` })).json()).toMatchObject({
      status: 'cancelled',
    });
    const late = await partner({ method: 'POST', url: `/api/orders/${orderId}/pay` });
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('orders.not_payable');
    expect((await partner({ method: 'POST', url: `/api/orders/${orderId}/cancel` })).json().code).toBe(
      'orders.not_cancellable',
    );
  });

  it('a failure after charging and before the new expiry leaves neither: the order stays pending, no bill line', async () => {
    const [id] = await addResources(t, [resourceRecord(resale.domainId, spec, '2026-08-01T00:00:00Z')]);
    const r = await partner({
      method: 'POST',
      url: '/api/renewals/renew',
      payload: { resourceIds: [id], periodType: 'month', periodNum: 1, requestKey: key() },
    });
    const orderId = r.json().orders[0].id as string;
    // The order system reports the resource released meanwhile: applying the payment fails after the
    // order was marked paid in the same transaction.
    await addResources(t, [
      resourceRecord(resale.domainId, spec, '2026-08-01T00:00:00Z', {
        resource_id: id,
        status: 'released',
        updated_time: '2026-03-01T00:00:00Z',
      }),
    ]);
    const pay = await partner({ method: 'POST', url: `/api/orders/${orderId}/pay` });
    expect(pay.json().code).toBe('subscriptions.resource_released');
    const order = await partner({ method: 'GET', url: `/api/orders/${orderId}` });
    expect(order.json()).toMatchObject({ status: 'pending_payment', paidAt: null, billCycle: null });
    const fees = await t.db.query<{ n: string }>(
      'select count(*) as n from bill_order_fees where order_id = $1',
      [orderId],
    );
    expect(Number(fees.rows[0]?.n)).toBe(0);
  });

  it('refuses bad periods, auto-renew of pay-per-use, and other partners’ resources', async () => {
    const [id, od] = await addResources(t, [
      resourceRecord(resale.domainId, spec, '2026-06-01T00:00:00Z'),
      resourceRecord(resale.domainId, spec, '2026-06-01T00:00:00Z', {
        charging_mode: 'on_demand',
        expire_time: null,
      }),
    ]);
    const bad = await partner({
      method: 'POST',
      url: '/api/renewals/quote',
      payload: { resourceIds: [id], periodType: 'year', periodNum: 4 },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'common.validation', details: { field: 'periodNum' } });
    const auto = await partner({
      method: 'POST',
      url: '/api/renewals/auto-renew',
      payload: { resourceId: od, on: true },
    });
    expect(auto.json().code).toBe('subscriptions.not_period');
    const foreign = await otherPartner({
      method: 'POST',
      url: '/api/renewals/renew',
      payload: { resourceIds: [id], periodType: 'month', periodNum: 1, requestKey: key() },
    });
    expect(foreign.json()).toMatchObject({
      orders: [],
      failures: [{ code: 'subscriptions.resource_not_found' }],
    });
    const seen = await otherPartner({ method: 'GET', url: '/api/renewals' });
    expect(seen.json().total).toBe(0);
    expect((await otherPartner({ method: 'GET', url: '/api/orders' })).json().total).toBe(0);
  });

  it('a freeze of account and resources freezes them and blocks renewal; unfreezing restores them', async () => {
    const [id] = await addResources(t, [resourceRecord(resale.domainId, spec, '2026-07-01T00:00:00Z')]);
    const freeze = await partner({
      method: 'POST',
      url: `/api/customers/${resale.id}/freeze`,
      payload: { reason: 'overdue invoices', freezeType: 'ACCOUNT_AND_RESOURCE' },
    });
    expect(freeze.statusCode).toBe(200);
    const list = await partner({
      method: 'GET',
      url: `/api/renewals?customerDomainId=${resale.domainId}&status=frozen`,
    });
    const item = list.json().items.find((i: { resourceId: string }) => i.resourceId === id);
    expect(item).toMatchObject({
      status: 'frozen',
      frozenReason: 'customer_frozen',
      freezeNote: 'overdue invoices',
    });
    const renew = await partner({
      method: 'POST',
      url: '/api/renewals/renew',
      payload: { resourceIds: [id], periodType: 'month', periodNum: 1, requestKey: key() },
    });
    expect(renew.json().failures[0].code).toBe('subscriptions.resource_frozen');
    await partner({
      method: 'POST',
      url: `/api/customers/${resale.id}/unfreeze`,
      payload: { reason: 'paid' },
    });
    const after = await partner({ method: 'GET', url: `/api/renewals?customerDomainId=${resale.domainId}` });
    expect(after.json().items.find((i: { resourceId: string }) => i.resourceId === id).status).toBe('in_use');
    // A budget's automatic restriction (R13) freezes them too, and blocks renewals, until lifted.
    await t.db.query('update customers set purchase_restricted_at = now() where id = $1', [resale.id]);
    const restricted = await partner({
      method: 'GET',
      url: `/api/renewals?customerDomainId=${resale.domainId}`,
    });
    expect(restricted.json().items.find((i: { resourceId: string }) => i.resourceId === id)).toMatchObject({
      status: 'frozen',
      frozenReason: 'budget_restricted',
    });
    const blocked = await partner({
      method: 'POST',
      url: '/api/renewals/quote',
      payload: { resourceIds: [id], periodType: 'month', periodNum: 1 },
    });
    expect(blocked.json().failures[0].code).toBe('subscriptions.resource_frozen');
    await t.db.query('update customers set purchase_restricted_at = null where id = $1', [resale.id]);
  });

  it('shows the refund before unsubscribing and issues a refund order', async () => {
    const [id] = await addResources(t, [resourceRecord(resale.domainId, spec, '2026-03-31T16:00:00Z')]);
    const r = await partner({
      method: 'POST',
      url: '/api/renewals/renew',
      payload: { resourceIds: [id], periodType: 'year', periodNum: 1, requestKey: key(), payNow: true },
    });
    const base = r.json().orders[0].id as string;
    expect(r.json().orders[0].status).toBe('paid');
    const preview = await partner({
      method: 'POST',
      url: '/api/renewals/unsubscribe/preview',
      payload: { resourceIds: [id], type: 2 },
    });
    expect(preview.json()).toMatchObject({
      refundFen: 100_000,
      items: [{ newExpireAt: '2026-03-31T16:00:00.000Z' }],
    });
    const done = await partner({
      method: 'POST',
      url: '/api/renewals/unsubscribe',
      payload: { resourceIds: [id], type: 2, requestKey: key() },
    });
    const refund = done.json().orders[0];
    expect(refund).toMatchObject({ status: 'paid', amountFen: -100_000 });
    const detail = await partner({ method: 'GET', url: `/api/orders/${base}` });
    expect(detail.json()).toMatchObject({
      status: 'refunded',
      refunds: [{ id: refund.id, type: 'unsubscribe' }],
    });
    const whole = await partner({
      method: 'POST',
      url: '/api/renewals/unsubscribe/preview',
      payload: { resourceIds: [id], type: 2 },
    });
    expect(whole.json().failures[0].code).toBe('subscriptions.no_renewed_period');
  });

  it('keeps the catalogue for operators only', async () => {
    const fin = await createOperator(t, ['finance']);
    const op = asUser(t, await signIn(t, fin.user.email, fin.password));
    const s = specCode('c');
    const body = {
      serviceTypeCode: 'hws.service.type.rds',
      resourceTypeCode: 'hws.resource.type.rds.vm',
      resourceSpecCode: s,
      nameZh: '云数据库',
      nameEn: 'Cloud database',
      monthlyFen: 50_000,
      yearlyFen: 500_000,
      discounts: [{ periodType: 'year', minPeriods: 3, percentOff: 30 }],
    };
    const created = await op({ method: 'POST', url: '/api/console/catalogue', payload: body });
    expect(created.statusCode).toBe(200);
    expect((await op({ method: 'POST', url: '/api/console/catalogue', payload: body })).json().code).toBe(
      'subscriptions.product_exists',
    );
    const changed = await op({
      method: 'PUT',
      url: `/api/console/catalogue/${created.json().id}`,
      payload: { ...body, monthlyFen: 45_000 },
    });
    expect(changed.json().monthlyFen).toBe(45_000);
    expect((await partner({ method: 'GET', url: '/api/console/catalogue' })).statusCode).toBe(403);
  });
});
