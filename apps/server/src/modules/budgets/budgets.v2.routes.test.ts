import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPartnerWithAdmin, createTestApp, type TestApp } from '../../../test/index.ts';
import { callV2, createApiKey, type TestApiKey } from '../../../test/v2.ts';
import { ingestSpendBatch } from '../spend/spend.service.ts';
import { createAssociatedCustomer, spendRecord } from '../spend/spend.test-data.ts';

describe('partner API: customer budgets', () => {
  let t: TestApp;
  let key: TestApiKey;
  let otherKey: TestApiKey;
  let customer: { id: string; domainId: string };
  let othersCustomer: { id: string; domainId: string };
  let otherPartnerDomainId: string;
  const base = '/v2/partners/sub-customers/budget';

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set('2026-03-10T04:00:00Z');
    const a = await createPartnerWithAdmin(t);
    const b = await createPartnerWithAdmin(t);
    key = await createApiKey(t, a.partner.id);
    otherKey = await createApiKey(t, b.partner.id);
    otherPartnerDomainId = b.partner.domainId;
    customer = await createAssociatedCustomer(t, a.partner.id);
    othersCustomer = await createAssociatedCustomer(t, b.partner.id);
    await ingestSpendBatch(t.ctx, [spendRecord(customer.domainId, 1_234, '2026-03-02T00:00:00Z')]);
  });
  afterAll(() => t.close());
  const keyPartner = async () => {
    const r = await t.db.query<{ id: string }>('select partner_id as id from api_keys where id = $1', [
      key.keyId,
    ]);
    return { id: r.rows[0]?.id ?? '' };
  };

  it('sets a budget exactly in fen and reads it back in yuan', async () => {
    const set = await callV2(t, key, {
      method: 'POST',
      url: base,
      body: { customer_id: customer.domainId, budget_amount: 100.1, frozen_operate_type: 1 },
    });
    expect(set.statusCode).toBe(200);
    const got = await callV2(t, key, { method: 'GET', url: `${base}?customer_id=${customer.domainId}` });
    expect(got.json()).toEqual({
      budget_amount: 100.1,
      used_amount: 12.34,
      measure_id: 1,
      currency: 'CNY',
      budget_type: 'MONTHLY',
    });
    const row = await t.db.query<{ amount_fen: number }>(
      'select amount_fen from budgets where customer_id = $1',
      [customer.id],
    );
    expect(row.rows[0]?.amount_fen).toBe(10_010);
  });

  it('two concurrent first settings of a budget both succeed, one row, the later amount wins', async () => {
    const partnerId = (await keyPartner()).id;
    const fresh = await createAssociatedCustomer(t, partnerId);
    const ownKey = await createApiKey(t, partnerId); // its own flow-control budget
    const [x, y] = await Promise.all(
      [200, 300].map((amount) =>
        callV2(t, ownKey, {
          method: 'POST',
          url: base,
          body: { customer_id: fresh.domainId, budget_amount: amount },
        }),
      ),
    );
    expect([x?.statusCode, y?.statusCode]).toEqual([200, 200]);
    const rows = await t.db.query<{ n: string }>('select count(*) as n from budgets where customer_id = $1', [
      fresh.id,
    ]);
    expect(Number(rows.rows[0]?.n)).toBe(1);
    const records = await t.db.query<{ n: string }>(
      "select count(*) as n from budget_records where customer_id = $1 and operation_type = 'SETTING'",
      [fresh.id],
    );
    expect(Number(records.rows[0]?.n)).toBe(2);
  });

  it('refuses amounts that are not > 0 with at most 2 decimals', async () => {
    for (const amount of [0, -1, 12.345, 0.001, 1e15, '12']) {
      const r = await callV2(t, key, {
        method: 'POST',
        url: base,
        body: { customer_id: customer.domainId, budget_amount: amount },
      });
      expect(r.statusCode, String(amount)).toBe(400);
      expect(r.json().error_code).toBe('CBC.0100');
    }
    const bad = await callV2(t, key, {
      method: 'POST',
      url: base,
      body: { customer_id: customer.domainId, budget_amount: 10, budget_type: 'YEARLY' },
    });
    expect(bad.json().error_code).toBe('CBC.0100');
  });

  it('answers CBC.99000035 for another partner’s customer and CBC.99000037 for a foreign reseller', async () => {
    const r = await callV2(t, key, {
      method: 'POST',
      url: base,
      body: { customer_id: othersCustomer.domainId, budget_amount: 10 },
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().error_code).toBe('CBC.99000035');
    const g = await callV2(t, key, { method: 'GET', url: `${base}?customer_id=unknown-id` });
    expect(g.json().error_code).toBe('CBC.99000035');
    const i = await callV2(t, key, {
      method: 'GET',
      url: `${base}?customer_id=${customer.domainId}&indirect_partner_id=${otherPartnerDomainId}`,
    });
    expect(i.json().error_code).toBe('CBC.99000037');
    const o = await callV2(t, otherKey, { method: 'GET', url: `${base}?customer_id=${customer.domainId}` });
    expect(o.json().error_code).toBe('CBC.99000035');
  });

  it('queries several customers with per-item errors', async () => {
    const r = await callV2(t, key, {
      method: 'POST',
      url: `${base}/query`,
      body: { customer_ids: [customer.domainId, othersCustomer.domainId] },
      language: 'en_US',
    });
    expect(r.statusCode).toBe(200);
    const body = r.json();
    expect(body.budget_infos).toEqual([
      {
        customer_id: customer.domainId,
        budget_amount: 100.1,
        used_amount: 12.34,
        measure_id: 1,
        currency: 'CNY',
        budget_type: 'MONTHLY',
      },
    ]);
    expect(body.error_details).toEqual([
      {
        id: othersCustomer.domainId,
        error_code: 'CBC.99000035',
        error_msg: 'The customer is not your customer',
      },
    ]);
    const empty = await callV2(t, key, { method: 'POST', url: `${base}/query`, body: { customer_ids: [] } });
    expect(empty.json().error_code).toBe('CBC.0100');
  });

  it('lists the setting records with filters and paging', async () => {
    t.clock.set('2026-03-10T05:00:00Z');
    await callV2(t, key, {
      method: 'POST',
      url: base,
      body: { customer_id: customer.domainId, budget_amount: 50, budget_type: 'PACKAGE' },
    });
    const all = await callV2(t, key, {
      method: 'GET',
      url: `${base}/records?customer_id=${customer.domainId}`,
    });
    expect(all.json().total_count).toBe(2);
    expect(all.json().record_list[0]).toMatchObject({
      budget_amount: 50,
      operation_type: 'SETTING',
      budget_type: 'PACKAGE',
      operation_time: '2026-03-10T05:00:00Z',
    });
    const monthly = await callV2(t, key, {
      method: 'GET',
      url: `${base}/records?customer_id=${customer.domainId}&budget_type=MONTHLY&limit=1&offset=0`,
    });
    expect(monthly.json()).toMatchObject({ total_count: 1, record_list: [{ budget_amount: 100.1 }] });
  });
});
