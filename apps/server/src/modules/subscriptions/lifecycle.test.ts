import { schema } from '@pc/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPartnerWithAdmin, createTestApp, type TestApp } from '../../../test/index.ts';
import { createAssociatedCustomer } from '../spend/spend.test-data.ts';
import { runLifecycle } from './lifecycle.service.ts';
import { addResources, createProduct, resourceRecord, specCode } from './subscriptions.test-data.ts';

/**
 * The lifecycle with a moved clock over a month end and a year end (Asia/Shanghai): reminders at
 * 30/15/7/3/1 days, each once, to the customer and to a resale customer's partner; expiry into a
 * 15-day retention with a notice, then release; auto-renewal 7 days ahead, Jan 31 + 1 month = Feb 28.
 */
describe('subscription lifecycle over a month end and a year end', () => {
  let t: TestApp;
  let customer: { id: string; domainId: string };
  let adminEmail: string;
  let plain: string;
  let auto: string;

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set('2026-11-30T16:30:00Z'); // Dec 1, 00:30 in Shanghai
    const p = await createPartnerWithAdmin(t);
    adminEmail = p.user.email;
    customer = await createAssociatedCustomer(t, p.partner.id, { type: 'resale' });
    await t.ctx.db
      .update(schema.customers)
      .set({ email: `${customer.domainId}@customer.test` })
      .where(eq(schema.customers.id, customer.id));
    const spec = specCode('l');
    await createProduct(t, spec);
    [plain, auto] = (await addResources(t, [
      // Expires at the turn of the year: Jan 1 2027 00:00 in Shanghai.
      resourceRecord(customer.domainId, spec, '2026-12-31T16:00:00Z'),
      // Expires Jan 31 2027 00:00 in Shanghai, auto-renewed monthly.
      resourceRecord(customer.domainId, spec, '2027-01-30T16:00:00Z', { auto_renew: true }),
    ])) as [string, string];
  });
  afterAll(() => t.close());

  const notices = async (template: string, to?: string) => {
    const r = await t.db.query<{ n: string }>(
      `select count(*) as n from notifications where template = $1 and channel = 'email'${to ? ' and recipient = $2' : ''}`,
      to ? [template, to] : [template],
    );
    return Number(r.rows[0]?.n);
  };
  const resource = async (id: string) => {
    const [r] = await t.ctx.db.select().from(schema.resources).where(eq(schema.resources.resourceId, id));
    return r;
  };
  const steps = async (id: string) => {
    const r = await resource(id);
    const rows = await t.ctx.db
      .select()
      .from(schema.resourceLifecycleSteps)
      .where(eq(schema.resourceLifecycleSteps.resourceId, r?.id ?? ''));
    return rows.map((x) => x.step).sort();
  };

  it('sends nothing 31 days ahead, then the 30-day reminder once to the customer and the partner', async () => {
    await runLifecycle(t.ctx);
    expect(await steps(plain)).toEqual([]);
    t.clock.set('2026-12-01T16:30:00Z'); // Dec 2: 30 days before Jan 1
    await Promise.all([runLifecycle(t.ctx), runLifecycle(t.ctx)]);
    await runLifecycle(t.ctx);
    expect(await steps(plain)).toEqual(['remind:30']);
    expect(await notices('subscriptions.expiry_reminder', `${customer.domainId}@customer.test`)).toBe(1);
    expect(await notices('subscriptions.expiry_reminder_partner', adminEmail)).toBe(1);
  });

  it('reminds at 15, 7, 3 and 1 days across the month end, each once', async () => {
    for (const at of [
      '2026-12-16T16:30:00Z',
      '2026-12-24T16:30:00Z',
      '2026-12-28T16:30:00Z',
      '2026-12-30T16:30:00Z',
    ]) {
      t.clock.set(at);
      await runLifecycle(t.ctx);
      await runLifecycle(t.ctx);
    }
    expect(await steps(plain)).toEqual(['remind:1', 'remind:15', 'remind:3', 'remind:30', 'remind:7']);
    expect(await notices('subscriptions.expiry_reminder_partner', adminEmail)).toBeGreaterThanOrEqual(5);
  });

  it('at the year end the resource expires into the retention period, frozen but kept', async () => {
    t.clock.set('2026-12-31T15:59:00Z');
    await runLifecycle(t.ctx);
    expect((await resource(plain))?.status).toBe('in_use');
    t.clock.set('2026-12-31T16:00:30Z'); // Jan 1 2027, 00:00:30 in Shanghai
    await Promise.all([runLifecycle(t.ctx), runLifecycle(t.ctx)]);
    const r = await resource(plain);
    expect(r?.status).toBe('grace');
    expect(r?.graceUntil?.toISOString()).toBe('2027-01-15T16:00:00.000Z');
    expect(await notices('subscriptions.expired')).toBe(1);
  });

  it('auto-renews 7 days ahead: Jan 31 + 1 month is Feb 28, paid in the same transaction, once', async () => {
    t.clock.set('2027-01-22T16:30:00Z'); // Jan 23: 8 days ahead, not yet
    await runLifecycle(t.ctx);
    expect((await resource(auto))?.expireAt?.toISOString()).toBe('2027-01-30T16:00:00.000Z');
    t.clock.set('2027-01-23T16:30:00Z'); // Jan 24: 7 days ahead
    await Promise.all([runLifecycle(t.ctx), runLifecycle(t.ctx)]);
    await runLifecycle(t.ctx);
    const r = await resource(auto);
    expect(r?.expireAt?.toISOString()).toBe('2027-02-27T16:00:00.000Z');
    const orders = await t.ctx.db
      .select()
      .from(schema.orders)
      .where(eq(schema.orders.customerId, customer.id));
    const renewals = orders.filter((o) => o.type === 'renew');
    expect(renewals).toHaveLength(1);
    expect(renewals[0]).toMatchObject({
      status: 'paid',
      paidBy: 'auto',
      billCycle: '2027-01',
      amountFen: 10_000,
    });
  });

  it('releases the resource when the retention ends, with a notice, once', async () => {
    t.clock.set('2027-01-15T16:00:01Z');
    await Promise.all([runLifecycle(t.ctx), runLifecycle(t.ctx)]);
    await runLifecycle(t.ctx);
    expect((await resource(plain))?.status).toBe('released');
    expect(await notices('subscriptions.released')).toBe(1);
    expect(await steps(plain)).toContain('released');
  });
});
