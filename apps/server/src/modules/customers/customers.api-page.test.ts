import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPartnerWithAdmin, createTestApp, type TestApp } from '../../../test/index.ts';
import { listCustomersForApi } from './customers.repository.ts';

/**
 * The partner API's unfiltered page comes from `pc_api_customer_page` (migration 0023, a cached
 * generic plan): at every offset it answers the partner's active customers in the documented order
 * (association time descending, ties by association id descending), the same as the query builder's
 * path used for filtered calls, with the exact total.
 */
describe('the ListSubCustomers page statement', () => {
  let t: TestApp;
  let partnerId: string;

  beforeAll(async () => {
    t = await createTestApp();
    partnerId = (await createPartnerWithAdmin(t)).partner.id;
    // 25 customers, associated in pairs at the same second (ties), one association ended.
    await t.db.query(
      `with c as (
         insert into customers (id, domain_id, domain_name, name, email, created_at, updated_at, origin)
         select 'cus_pg' || lpad(g::text, 2, '0'), md5('pg' || g), 'page_' || lpad(g::text, 2, '0'), 'P ' || g,
                null, now(), now(), 'api'
         from generate_series(1, 25) as g returning id)
       insert into customer_associations (id, customer_id, partner_id, type, status, source, started_at)
       select 'asc_' || c.id, c.id, $1, 'resale', 'active', 'api',
              timestamptz '2026-01-01 00:00:00+00' + (substr(c.id, 7)::int / 2) * interval '1 hour'
       from c`,
      [partnerId],
    );
    await t.db.query(
      `update customer_associations set status = 'ended', ended_at = now() where id = 'asc_cus_pg13'`,
    );
  });
  afterAll(() => t.close());

  it('pages in order at every offset, like the builder path, with the total', async () => {
    const expected = (
      await t.db.query<{ name: string }>(
        `select c.domain_name as name from customer_associations a join customers c on c.id = a.customer_id
         where a.partner_id = $1 and a.status = 'active' order by a.started_at desc, a.id desc`,
        [partnerId],
      )
    ).rows.map((r) => r.name);
    expect(expected).toHaveLength(24);
    for (const offset of [0, 1, 7, 10, 20, 23]) {
      const raw = await listCustomersForApi(t.ctx.database, { partnerIds: [partnerId], offset, limit: 10 });
      expect(raw.total).toBe(24);
      expect(raw.rows.map((r) => r.domainName)).toEqual(expected.slice(offset, offset + 10));
      // A filter that every customer matches takes the builder path: same rows, same fields.
      const built = await listCustomersForApi(t.ctx.database, {
        partnerIds: [partnerId],
        offset,
        limit: 10,
        type: 'resale',
      });
      expect(built.rows).toEqual(raw.rows);
    }
    const past = await listCustomersForApi(t.ctx.database, {
      partnerIds: [partnerId],
      offset: 30,
      limit: 10,
    });
    expect(past).toEqual({ rows: [], total: 24 });
  });
});
