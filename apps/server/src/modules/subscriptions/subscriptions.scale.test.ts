import { schema } from '@pc/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPartnerWithAdmin, createTestApp, type TestApp } from '../../../test/index.ts';
import { createAssociatedCustomer } from '../spend/spend.test-data.ts';
import { runLifecycle } from './lifecycle.service.ts';
import { DOMAIN_SERVICE_TYPE, listResources, type ResourceFilter } from './subscriptions.repository.ts';
import { addResources, createProduct, resourceRecord, specCode } from './subscriptions.test-data.ts';

/**
 * The kept resource counts (`resource_counts`, maintained by triggers) give the lists' exact
 * `total_count`: after inserts, re-reports, status changes, deletes and a customer moving to
 * another partner, every total equals a count of the resources themselves. And the set-based
 * sweep does each step once with two workers at the same time, every resource in exactly one notice.
 */
describe('resource totals and the set-based sweep', () => {
  let t: TestApp;
  let partnerA: string;
  let partnerB: string;
  let customers: { id: string; domainId: string }[];
  let spec: string;

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set('2026-11-30T16:30:00Z');
    partnerA = (await createPartnerWithAdmin(t)).partner.id;
    partnerB = (await createPartnerWithAdmin(t)).partner.id;
    customers = [
      await createAssociatedCustomer(t, partnerA, { type: 'resale' }),
      await createAssociatedCustomer(t, partnerA, { type: 'referral' }),
      await createAssociatedCustomer(t, partnerB, { type: 'resale' }),
    ];
    for (const c of customers)
      await t.ctx.db
        .update(schema.customers)
        .set({ email: `${c.domainId}@customer.test` })
        .where(eq(schema.customers.id, c.id));
    spec = specCode('n');
    await createProduct(t, spec);
  });
  afterAll(() => t.close());

  /** The same filter counted from the resources (what the kept counts must equal). */
  async function counted(f: Omit<ResourceFilter, 'offset' | 'limit'>): Promise<number> {
    const where: string[] = ['true'];
    const params: unknown[] = [];
    if (f.partnerIds) {
      params.push(f.partnerIds);
      where.push(`a.partner_id = any($${params.length}::text[])`);
    }
    if (f.customerIds) {
      params.push(f.customerIds);
      where.push(`r.customer_id = any($${params.length}::text[])`);
    }
    if (f.chargingMode) {
      params.push(f.chargingMode);
      where.push(`r.charging_mode = $${params.length}`);
    }
    if (f.onlyMain) where.push('r.parent_resource_id is null');
    if (f.domains === 'exclude') where.push(`r.service_type_code <> '${DOMAIN_SERVICE_TYPE}'`);
    if (!f.includeReleased && !f.statuses) where.push(`r.status not in ('released', 'unsubscribed')`);
    if (f.statuses) {
      params.push(f.statuses);
      where.push(`(case when r.status in ('released', 'unsubscribed') then 'released'
        when (c.status = 'frozen' and c.freeze_type = 'ACCOUNT_AND_RESOURCE') or c.purchase_restricted_at is not null then 'frozen'
        when r.status = 'grace' then 'expired' else 'in_use' end) = any($${params.length}::text[])`);
    }
    const r = await t.db.query<{ n: string }>(
      `select count(*) as n from resources r join customers c on c.id = r.customer_id
         left join customer_associations a on a.customer_id = r.customer_id and a.status = 'active'
        where ${where.join(' and ')}`,
      params,
    );
    return Number(r.rows[0]?.n);
  }

  const filters = (): Omit<ResourceFilter, 'offset' | 'limit'>[] => [
    { partnerIds: [partnerA], chargingMode: 'period', includeReleased: true },
    { partnerIds: [partnerA], chargingMode: 'period', includeReleased: true, onlyMain: true },
    { partnerIds: [partnerA, partnerB], includeReleased: false, domains: 'exclude' },
    { partnerIds: [partnerB], chargingMode: 'period', includeReleased: true, statuses: ['in_use'] },
    { customerIds: [customers[0]?.id ?? ''], includeReleased: false },
    { chargingMode: 'on_demand', includeReleased: true },
  ];

  async function expectExactTotals() {
    for (const f of filters()) {
      const { total, rows } = await listResources(t.ctx.db, { ...f, offset: 0, limit: 3 });
      expect({ f, total }).toEqual({ f, total: await counted(f) });
      expect(rows.length).toBe(Math.min(3, total));
      // A page past the end still answers the total (a second statement).
      const past = await listResources(t.ctx.db, { ...f, offset: total + 5, limit: 3 });
      expect(past).toEqual({ total, rows: [] });
    }
    // The kept counts are the resources grouped.
    const kept = await t.db.query<{ n: string }>(
      `select count(*) as n from (
         select customer_id, charging_mode, status, main, service_type_code, n from resource_counts where n <> 0
         except
         select customer_id, charging_mode, status, (parent_resource_id is null)::int, service_type_code, count(*)
           from resources group by 1, 2, 3, 4, 5) x`,
    );
    expect(Number(kept.rows[0]?.n)).toBe(0);
  }

  it('keeps every total exact through inserts, re-reports, status changes, deletes and a move', async () => {
    const [c0, c1, c2] = customers as [(typeof customers)[0], (typeof customers)[0], (typeof customers)[0]];
    const ids = await addResources(t, [
      ...Array.from({ length: 7 }, (_, i) =>
        resourceRecord(c0.domainId, spec, `2027-0${1 + (i % 5)}-10T00:00:00Z`),
      ),
      ...Array.from({ length: 4 }, () => resourceRecord(c1.domainId, spec, '2027-03-01T00:00:00Z')),
      ...Array.from({ length: 5 }, () => resourceRecord(c2.domainId, spec, '2027-02-01T00:00:00Z')),
      resourceRecord(c0.domainId, spec, '2027-03-01T00:00:00Z', { service_type_code: DOMAIN_SERVICE_TYPE }),
      resourceRecord(c1.domainId, spec, '2027-03-01T00:00:00Z', {
        charging_mode: 'on_demand',
        expire_time: null,
      }),
    ]);
    await addResources(t, [
      resourceRecord(c0.domainId, spec, '2027-01-10T00:00:00Z', { parent_resource_id: ids[0] }),
    ]);
    await expectExactTotals();

    // A later report moves one resource to another customer and another to pay-per-use.
    await addResources(t, [
      resourceRecord(c2.domainId, spec, '2027-01-10T00:00:00Z', {
        resource_id: ids[1],
        updated_time: '2025-06-01T00:00:00Z',
      }),
      resourceRecord(c0.domainId, spec, '2027-01-10T00:00:00Z', {
        resource_id: ids[2],
        charging_mode: 'on_demand',
        expire_time: null,
        updated_time: '2025-06-01T00:00:00Z',
      }),
    ]);
    await expectExactTotals();

    // Status changes (released, unsubscribed, grace) and deletes, as any writer would make them.
    await t.db.query(`update resources set status = 'released' where resource_id = $1`, [ids[3]]);
    await t.db.query(`update resources set status = 'unsubscribed' where resource_id = $1`, [ids[8]]);
    await t.db.query(`update resources set status = 'grace' where resource_id = any($1::text[])`, [
      [ids[9], ids[12]],
    ]);
    await t.db.query(`update resources set expire_at = expire_at + interval '1 month'`);
    await t.db.query(`delete from resources where resource_id = $1`, [ids[4]]);
    await expectExactTotals();

    // A freeze changes effective statuses only (the customer's row), and a move to another partner
    // changes whose total a customer counts in (the association): both are read at query time.
    await t.ctx.db
      .update(schema.customers)
      .set({ status: 'frozen', freezeType: 'ACCOUNT_AND_RESOURCE' })
      .where(eq(schema.customers.id, c2.id));
    await t.ctx.db
      .update(schema.customerAssociations)
      .set({ partnerId: partnerB })
      .where(eq(schema.customerAssociations.customerId, c1.id));
    await expectExactTotals();
    const frozen = await listResources(t.ctx.db, {
      partnerIds: [partnerB],
      statuses: ['frozen'],
      includeReleased: true,
      offset: 0,
      limit: 50,
    });
    expect(frozen.total).toBe(frozen.rows.length);
    expect(frozen.total).toBeGreaterThan(0);
  });

  /** A customer's lifecycle steps by kind (reminders together). */
  async function stepsOf(customerId: string): Promise<Record<string, number>> {
    const r = await t.db.query<{ step: string; n: number }>(
      `select case when s.step like 'remind:%' then 'reminded' else s.step end as step, count(*)::int as n
         from resource_lifecycle_steps s join resources r on r.id = s.resource_id
        where r.customer_id = $1 group by 1`,
      [customerId],
    );
    return Object.fromEntries(r.rows.map((x) => [x.step, x.n]));
  }

  it('sweeps each step once with two workers at once, every resource in exactly one notice', async () => {
    const c = await createAssociatedCustomer(t, partnerA, { type: 'resale' });
    await t.ctx.db
      .update(schema.customers)
      .set({ email: `${c.domainId}@customer.test` })
      .where(eq(schema.customers.id, c.id));
    t.clock.set('2027-06-01T04:00:00Z');
    // 40 expire within 3 days (reminders), 30 expired yesterday (retention), 20 expired 20 days ago
    // (into retention now, released once the retention is over).
    await addResources(t, [
      ...Array.from({ length: 40 }, (_, i) =>
        resourceRecord(c.domainId, spec, `2027-06-0${2 + (i % 2)}T0${i % 10}:00:00Z`),
      ),
      ...Array.from({ length: 30 }, () => resourceRecord(c.domainId, spec, '2027-05-31T10:00:00Z')),
      ...Array.from({ length: 20 }, () => resourceRecord(c.domainId, spec, '2027-05-12T10:00:00Z')),
    ]);
    // The 20 of May 12 enter the retention and, it being over (May 27), are released in the same run.
    await Promise.all([runLifecycle(t.ctx), runLifecycle(t.ctx)]);
    expect(await stepsOf(c.id)).toMatchObject({ expired: 50, released: 20 });
    const before = await stepsOf(c.id);
    await runLifecycle(t.ctx);
    expect(await stepsOf(c.id)).toEqual(before);

    const q = async (sql: string) => (await t.db.query(sql, [c.id])).rows;
    // Each resource: one step of a kind per expiry.
    const dup = await q(`select s.resource_id, s.step, count(*) from resource_lifecycle_steps s
      join resources r on r.id = s.resource_id where r.customer_id = $1 group by 1, 2 having count(*) > 1`);
    expect(dup).toEqual([]);
    // Every resource is in exactly one customer notice per step (the notices' counts add up).
    const counts = await q(`select template, sum((data->>'count')::int)::int as n from notifications
      where channel = 'email' and data->>'customerId' = $1 group by 1 order by 1`);
    const reminders = await q(`select count(*)::int as n from resource_lifecycle_steps s
      join resources r on r.id = s.resource_id where r.customer_id = $1 and s.step like 'remind:%'`);
    // A resource claims every threshold it has reached but is told once, for the nearest; the
    // partner (resale) gets the reminders too.
    expect(counts).toEqual([
      { template: 'subscriptions.expired', n: 50 },
      { template: 'subscriptions.expiry_reminder', n: 40 },
      { template: 'subscriptions.expiry_reminder_partner', n: 40 },
      { template: 'subscriptions.released', n: 20 },
    ]);
    expect(Number(reminders[0]?.n)).toBeGreaterThanOrEqual(40);

    // The 30 of May 31 are released when their 15 days are over; the 40 reminded have expired.
    t.clock.set('2027-06-16T04:00:00Z');
    await Promise.all([runLifecycle(t.ctx), runLifecycle(t.ctx)]);
    expect(await stepsOf(c.id)).toMatchObject({ expired: 90, released: 50 });
    const released = await q(`select sum((data->>'count')::int)::int as n from notifications
      where channel = 'email' and template = 'subscriptions.released' and data->>'customerId' = $1`);
    expect(released).toEqual([{ n: 50 }]);
  });
});
