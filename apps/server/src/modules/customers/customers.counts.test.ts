import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPartnerWithAdmin, createTestApp, type TestApp } from '../../../test/index.ts';
import { listCustomersForApi } from './customers.repository.ts';

/**
 * The kept association counts (`partner_customer_counts`, maintained by triggers, migration 0019)
 * give the partner API's exact `count`: after inserts, ends, a move to another partner and deletes,
 * every kept count equals a count of the associations themselves.
 */
describe('kept association counts per partner', () => {
  let t: TestApp;
  let a: string;
  let b: string;

  beforeAll(async () => {
    t = await createTestApp();
    a = (await createPartnerWithAdmin(t)).partner.id;
    b = (await createPartnerWithAdmin(t)).partner.id;
  });
  afterAll(() => t.close());

  async function expectKeptEqualsCounted() {
    const diff = await t.db.query<{ n: string }>(
      `select count(*) as n from (
         (select partner_id, status, n from partner_customer_counts where n <> 0
          except
          select partner_id, status, count(*) from customer_associations group by 1, 2)
         union all
         (select partner_id, status, count(*) from customer_associations group by 1, 2
          except
          select partner_id, status, n from partner_customer_counts where n <> 0)) x`,
    );
    expect(Number(diff.rows[0]?.n)).toBe(0);
  }

  const total = async (partnerId: string) =>
    (await listCustomersForApi(t.ctx.database, { partnerIds: [partnerId], offset: 0, limit: 2 })).total;

  it('stays exact through inserts, ends, a move and deletes', async () => {
    const before = { a: await total(a), b: await total(b) };
    await t.db.query(
      `with c as (
         insert into customers (id, domain_id, domain_name, name, email, created_at, updated_at, origin)
         select 'cus_kc' || g, md5('kc' || g), 'kept_count_' || g, 'K ' || g, 'k' || g || '@count.test', now(), now(), 'api'
         from generate_series(1, 12) as g returning id)
       insert into customer_associations (id, customer_id, partner_id, type, status, source, started_at)
       select 'asc_' || c.id, c.id, $1, 'resale', 'active', 'api', now() from c`,
      [a],
    );
    expect(await total(a)).toBe(before.a + 12);
    await expectKeptEqualsCounted();

    // Three end; one of them moves to partner B (a new active association, as a transfer writes it).
    await t.db.query(
      `update customer_associations set status = 'ended', ended_at = now(), end_reason = 'unbind'
       where customer_id in ('cus_kc1', 'cus_kc2', 'cus_kc3') and status = 'active'`,
    );
    await t.db.query(
      `insert into customer_associations (id, customer_id, partner_id, type, status, source, started_at)
       values ('asc_kc_moved', 'cus_kc1', $1, 'referral', 'active', 'api', now())`,
      [b],
    );
    // An update that changes neither partner nor status leaves the counts alone.
    await t.db.query(`update customer_associations set label = 'x' where customer_id like 'cus_kc%'`);
    expect(await total(a)).toBe(before.a + 9);
    expect(await total(b)).toBe(before.b + 1);
    await expectKeptEqualsCounted();

    await t.db.query(`delete from customer_associations where customer_id in ('cus_kc4', 'cus_kc2')`);
    expect(await total(a)).toBe(before.a + 8);
    await expectKeptEqualsCounted();
  });
});
