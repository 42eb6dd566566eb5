import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestSpendBatch } from '../../src/modules/spend/spend.service.ts';
import { createAssociatedCustomer, spendRecord } from '../../src/modules/spend/spend.test-data.ts';
import { createTestApp, type TestApp } from '../app.ts';
import { createPartnerWithAdmin, type PartnerWithAdmin } from '../factories.ts';
import { callV2, createApiKey, type TestApiKey } from '../v2.ts';

/**
 * Where our partner API answered differently from the provider's (its SDK models and API
 * reference), one test each. Where the reference is silent, the test name says what we decided.
 */

const CREATE = '/v2/partners/sub-customers';
const CHECK = '/v2/partners/sub-customers/users/check-identity';
const SEND = '/v2/bases/verificationcode/send';
const QUERY = '/v2/partners/sub-customers/query';
const FREEZE = '/v2/partners/sub-customers/freeze';
const UNFREEZE = '/v2/partners/sub-customers/unfreeze';
const BUDGET = '/v2/partners/sub-customers/budget';
const BUDGETS = '/v2/partners/sub-customers/budget/query';
const RECORDS = '/v2/partners/sub-customers/budget/records';

describe('partner API: unknown API paths', () => {
  let t: TestApp;

  beforeAll(async () => {
    const web = mkdtempSync(join(tmpdir(), 'pc-web-'));
    writeFileSync(join(web, 'index.html'), '<!doctype html><title>Partner Center</title>');
    t = await createTestApp({ config: { webDist: web } });
  });
  afterAll(() => t.close());

  const cases: [string, string, string | undefined][] = [
    ['GET', '/v3/partners/sub-customers', undefined],
    ['GET', '/v1.0/abc/partner/account-mgr/credit', undefined],
    ['GET', '/v2/nothing/here?x=1', undefined],
    ['GET', '/v2', undefined],
    ['POST', '/v4/anything', '{"offset":0}'],
    ['POST', '/v2/partners/nothing', '{not json'],
    ['PUT', '/v1.0/x/y', '[]'],
    ['DELETE', '/v3/orders/1', undefined],
    // A served path with a method no operation has.
    ['PATCH', CREATE, '{}'],
    ['GET', CREATE, undefined],
  ];
  it.each(cases)(
    '%s %s answers 404 APIG.0101 JSON with the request id, before any body parsing or signature check',
    async (method, url, payload) => {
      const res = await t.app.inject({
        method: method as 'GET',
        url,
        headers: payload === undefined ? {} : { 'content-type': 'application/json' },
        ...(payload === undefined ? {} : { payload }),
      });
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      const body = res.json();
      expect(body).toEqual({
        error_code: 'APIG.0101',
        error_msg: expect.stringContaining('API'),
        request_id: res.headers['x-request-id'],
      });
    },
  );

  it('a body larger than the limit on an unknown API path is still 404 APIG.0101, not 413', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/v3/big',
      headers: { 'content-type': 'application/json' },
      payload: `"${'x'.repeat(t.ctx.config.bodyLimit + 10)}"`,
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().error_code).toBe('APIG.0101');
  });

  it('the web app is served for non-API paths only', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/customers/123' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    for (const url of ['/v3/x', '/v1.0/x', '/v4', '/v2/x']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type'], url).toMatch(/^application\/json/);
    }
    // Paths that merely start like an API version are pages.
    expect((await t.app.inject({ method: 'GET', url: '/v2x/page' })).statusCode).toBe(200);
  });
});

describe('partner API: answers as the SDK models say', () => {
  let t: TestApp;
  let cn: PartnerWithAdmin;
  let intl: PartnerWithAdmin;
  let cnKey: TestApiKey;
  let intlKey: TestApiKey;
  let n = 0;
  const xid = () => `x-${Date.now()}-${n++}`;
  const post = (key: TestApiKey, url: string, body: unknown) => callV2(t, key, { method: 'POST', url, body });
  const get = (key: TestApiKey, url: string) => callV2(t, key, { method: 'GET', url });
  const infoOf = async (key: TestApiKey, customerId: string) =>
    (await post(key, QUERY, { customer_id: customerId })).json().customer_infos[0];

  beforeAll(async () => {
    t = await createTestApp({ config: { apiFlowLimit: 10_000 } });
    t.clock.set('2026-05-12T03:00:00Z');
    cn = await createPartnerWithAdmin(t, { name: 'Cn Partner Ltd' });
    intl = await createPartnerWithAdmin(t, { name: 'Intl Partner Ltd' });
    await t.db.query(`update partners set site = 'intl' where id = $1`, [intl.partner.id]);
    cnKey = await createApiKey(t, cn.partner.id);
    intlKey = await createApiKey(t, intl.partner.id);
  });
  afterAll(() => t.close());

  describe('CreateSubCustomer', () => {
    it('without cooperation_type, or with any value but "1", the customer is associated for resale', async () => {
      for (const [key, extra, type] of [
        [cnKey, {}, '2'],
        [cnKey, { cooperation_type: '2' }, '2'],
        [cnKey, { cooperation_type: '3' }, '2'],
        [cnKey, { cooperation_type: '1' }, '1'],
        [intlKey, { domain_area: 'MX' }, '3'],
        [intlKey, { domain_area: 'MX', cooperation_type: '1' }, '1'],
      ] as const) {
        const res = await post(key, CREATE, { xaccount_type: 'shop', xaccount_id: xid(), ...extra });
        expect(res.statusCode, JSON.stringify(extra)).toBe(200);
        expect((await infoOf(key, res.json().domain_id)).association_type, JSON.stringify(extra)).toBe(type);
      }
    });

    it('domain_area (ISO 3166 two letters) is required on the international site, optional on the China site', async () => {
      const without = await post(intlKey, CREATE, { xaccount_type: 'shop', xaccount_id: xid() });
      expect(without.statusCode).toBe(400);
      expect(without.json()).toMatchObject({
        error_code: 'CBC.0100',
        error_msg: expect.stringContaining('domain_area'),
      });
      const bad = await post(intlKey, CREATE, {
        xaccount_type: 'shop',
        xaccount_id: xid(),
        domain_area: 'MEX',
      });
      expect(bad.json().error_code).toBe('CBC.0100');
      expect((await post(cnKey, CREATE, { xaccount_type: 'shop', xaccount_id: xid() })).statusCode).toBe(200);
    });

    it('the same xaccount again with another domain_name is refused (our CBC.99001006: the reference echoes the requested name, so the first one is never answered silently); the same name or none is the same customer', async () => {
      const xaccount_id = xid();
      const first = await post(cnKey, CREATE, {
        xaccount_type: 'shop',
        xaccount_id,
        domain_name: 'first_name1',
      });
      expect(first.statusCode).toBe(200);
      const again = await post(cnKey, CREATE, {
        xaccount_type: 'shop',
        xaccount_id,
        domain_name: 'first_name1',
      });
      expect(again.json()).toEqual(first.json());
      const unnamed = await post(cnKey, CREATE, { xaccount_type: 'shop', xaccount_id });
      expect(unnamed.json()).toEqual(first.json());
      const other = await post(cnKey, CREATE, {
        xaccount_type: 'shop',
        xaccount_id,
        domain_name: 'other_name1',
      });
      expect(other.statusCode).toBe(400);
      expect(other.json().error_code).toBe('CBC.99001006');
      const rows = await t.db.query('select id from customers where xaccount_id = $1', [xaccount_id]);
      expect(rows.rows).toHaveLength(1);
    });
  });

  describe('CheckUserIdentity', () => {
    it('mobile searches answer mobile_remain_available_num (one account per number here: 1 free, 0 used); email and name searches do not', async () => {
      const phone = `136${String(Date.now()).slice(-8)}`;
      const free = await post(cnKey, CHECK, { search_type: 'mobile', search_value: `0086-${phone}` });
      expect(free.json()).toEqual({ check_result: 'available', mobile_remain_available_num: 1 });
      await t.db.query(
        `insert into customers (id, domain_id, domain_name, name, phone, created_at, updated_at)
         values ($1, $2, $3, 'x', $4, now(), now())`,
        [`cus_${phone}`, `dom${phone}`, `mob_${phone}`, `+86${phone}`], // stored in E.164
      );
      const used = await post(cnKey, CHECK, { search_type: 'mobile', search_value: `0086-${phone}` });
      expect(used.json()).toEqual({ check_result: 'used_by_user', mobile_remain_available_num: 0 });
      const email = await post(cnKey, CHECK, { search_type: 'email', search_value: `f-${phone}@x.test` });
      expect(email.json()).toEqual({ check_result: 'available' });
    });
  });

  describe('SendVerificationMessageCode', () => {
    const ttlMinutes = async (target: string) => {
      const r = await t.db.query<{ m: number }>(
        `select extract(epoch from (expires_at - created_at))::int / 60 as m from verification_codes
         where target = $1 order by created_at desc limit 1`,
        [target],
      );
      return Number(r.rows[0]?.m);
    };
    it('timeout: 10 minutes when absent, as given up to 60, fixed to 5 above 60; below 1 refused (CBC.0100, the reference is silent)', async () => {
      const cases: [number | undefined, number | 'refused'][] = [
        [undefined, 10],
        [1, 1],
        [60, 60],
        [61, 5],
        [1440, 5],
        [0, 'refused'],
        [-3, 'refused'],
      ];
      for (const [timeout, want] of cases) {
        const email = `code-${n++}-${Date.now()}@example.test`;
        const res = await post(intlKey, SEND, {
          receiver_type: 2,
          email,
          ...(timeout === undefined ? {} : { timeout }),
        });
        if (want === 'refused') {
          expect(res.statusCode, String(timeout)).toBe(400);
          expect(res.json().error_code).toBe('CBC.0100');
        } else {
          expect(res.statusCode, String(timeout)).toBe(200);
          expect(await ttlMinutes(email), String(timeout)).toBe(want);
        }
      }
    });
  });

  describe('ListSubCustomers', () => {
    it('answers country_code (0086 for mainland numbers), account_managers and customer_level (no customer managers or levels here: [] and V0); API-created customers have no type yet (-1)', async () => {
      const created = await post(cnKey, CREATE, { xaccount_type: 'shop', xaccount_id: xid() });
      const info = await infoOf(cnKey, created.json().domain_id);
      expect(info).toMatchObject({
        customer_type: -1,
        country_code: '',
        account_managers: [],
        customer_level: 'V0',
      });
      const demo = await createAssociatedCustomer(t, cn.partner.id);
      await t.db.query(
        `update customers set phone = '13800000000', customer_type = 'enterprise' where id = $1`,
        [demo.id],
      );
      expect(await infoOf(cnKey, demo.domainId)).toMatchObject({ customer_type: 1, country_code: '0086' });
    });

    it('international partners see and filter association types 1 referral / 3 resale; China-site partners 1 / 2', async () => {
      const resale = await createAssociatedCustomer(t, intl.partner.id, { type: 'resale' });
      const referral = await createAssociatedCustomer(t, intl.partner.id, { type: 'referral' });
      expect((await infoOf(intlKey, resale.domainId)).association_type).toBe('3');
      expect((await infoOf(intlKey, referral.domainId)).association_type).toBe('1');
      const filtered = (await post(intlKey, QUERY, { association_type: '3', limit: 100 })).json();
      expect(filtered.customer_infos.map((c: { customer_id: string }) => c.customer_id)).toContain(
        resale.domainId,
      );
      expect(
        filtered.customer_infos.every((c: { association_type: string }) => c.association_type === '3'),
      ).toBe(true);
      const cnResale = await createAssociatedCustomer(t, cn.partner.id, { type: 'resale' });
      expect((await infoOf(cnKey, cnResale.domainId)).association_type).toBe('2');
    });
  });

  describe('FreezeSubCustomers / UnfreezeSubCustomers', () => {
    it('ACCOUNT_AND_RESOURCE shows is_frozen 2 on the China site (its model: 1 account, 2 account and resources) and 1 on the international site (0/1)', async () => {
      const c1 = await createAssociatedCustomer(t, cn.partner.id);
      const c2 = await createAssociatedCustomer(t, cn.partner.id);
      const i1 = await createAssociatedCustomer(t, intl.partner.id);
      const f = (key: TestApiKey, id: string, freeze_type: string) =>
        post(key, FREEZE, { customer_ids: [id], reason: 'overdue', freeze_type });
      expect((await f(cnKey, c1.domainId, 'ACCOUNT_AND_RESOURCE')).json()).toEqual({ error_details: [] });
      expect((await f(cnKey, c2.domainId, 'ACCOUNT')).json()).toEqual({ error_details: [] });
      expect((await f(intlKey, i1.domainId, 'ACCOUNT_AND_RESOURCE')).json()).toEqual({ error_details: [] });
      expect((await infoOf(cnKey, c1.domainId)).is_frozen).toBe(2);
      expect((await infoOf(cnKey, c2.domainId)).is_frozen).toBe(1);
      expect((await infoOf(intlKey, i1.domainId)).is_frozen).toBe(1);
    });

    it('unfreeze with a type other than the freeze’s is refused per customer (CBC.99001008) and leaves it frozen', async () => {
      const c = await createAssociatedCustomer(t, cn.partner.id);
      await post(cnKey, FREEZE, {
        customer_ids: [c.domainId],
        reason: 'overdue',
        freeze_type: 'ACCOUNT_AND_RESOURCE',
      });
      const wrong = await post(cnKey, UNFREEZE, { customer_ids: [c.domainId], reason: 'paid' });
      expect(wrong.statusCode).toBe(200);
      expect(wrong.json().error_details).toEqual([
        { id: c.domainId, error_code: 'CBC.99001008', error_msg: expect.any(String) },
      ]);
      expect((await infoOf(cnKey, c.domainId)).is_frozen).toBe(2);
      const right = await post(cnKey, UNFREEZE, {
        customer_ids: [c.domainId],
        reason: 'paid',
        unfreeze_type: 'ACCOUNT_AND_RESOURCE',
      });
      expect(right.json()).toEqual({ error_details: [] });
      expect((await infoOf(cnKey, c.domainId)).is_frozen).toBe(0);
    });
  });

  describe('budgets', () => {
    it('UpdateSubCustomerBudget: an omitted frozen_operate_type leaves the stored setting unchanged', async () => {
      const c = await createAssociatedCustomer(t, cn.partner.id);
      await post(cnKey, BUDGET, { customer_id: c.domainId, budget_amount: 100, frozen_operate_type: 1 });
      expect((await post(cnKey, BUDGET, { customer_id: c.domainId, budget_amount: 200 })).statusCode).toBe(
        200,
      );
      const row = await t.db.query<{ f: number; a: number }>(
        'select frozen_operate_type as f, amount_fen as a from budgets where customer_id = $1',
        [c.id],
      );
      expect(row.rows[0]).toEqual({ f: 1, a: 20_000 });
      const fresh = await createAssociatedCustomer(t, cn.partner.id);
      await post(cnKey, BUDGET, { customer_id: fresh.domainId, budget_amount: 5 });
      const freshRow = await t.db.query<{ f: number }>(
        'select frozen_operate_type as f from budgets where customer_id = $1',
        [fresh.id],
      );
      expect(freshRow.rows[0]?.f).toBe(0);
    });

    it('UpdateSubCustomerBudget on a referral customer is refused (CBC.99001007) and writes nothing; ShowSubCustomerBudget likewise', async () => {
      const c = await createAssociatedCustomer(t, cn.partner.id, { type: 'referral' });
      const res = await post(cnKey, BUDGET, { customer_id: c.domainId, budget_amount: 100 });
      expect(res.statusCode).toBe(400);
      expect(res.json().error_code).toBe('CBC.99001007');
      const rows = await t.db.query('select 1 from budgets where customer_id = $1', [c.id]);
      expect(rows.rows).toHaveLength(0);
      expect((await get(cnKey, `${BUDGET}?customer_id=${c.domainId}`)).json().error_code).toBe(
        'CBC.99001007',
      );
    });

    it('ShowSubCustomerBudget without a budget answers every field of the model: budget_amount and budget_type null (no budget is no budget of 0), used_amount this month’s spend', async () => {
      const c = await createAssociatedCustomer(t, cn.partner.id);
      await ingestSpendBatch(t.ctx, [spendRecord(c.domainId, 1_234, '2026-05-02T00:00:00Z')]);
      const res = await get(cnKey, `${BUDGET}?customer_id=${c.domainId}`);
      expect(res.json()).toEqual({
        budget_amount: null,
        used_amount: 12.34,
        measure_id: 1,
        currency: 'CNY',
        budget_type: null,
      });
    });

    it('ListSubCustomerBudget: measure_id and currency once at the top; customers not the caller’s or not resale are left out, as the reference says', async () => {
      const mine = await createAssociatedCustomer(t, cn.partner.id);
      const noBudget = await createAssociatedCustomer(t, cn.partner.id);
      const referral = await createAssociatedCustomer(t, cn.partner.id, { type: 'referral' });
      const others = await createAssociatedCustomer(t, intl.partner.id);
      await post(cnKey, BUDGET, { customer_id: mine.domainId, budget_amount: 50.5, budget_type: 'PACKAGE' });
      const res = await post(cnKey, BUDGETS, {
        customer_ids: [mine.domainId, noBudget.domainId, referral.domainId, others.domainId, 'nobody'],
      });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({
        measure_id: 1,
        currency: 'CNY',
        budget_infos: [
          { customer_id: mine.domainId, budget_amount: 50.5, used_amount: 0, budget_type: 'PACKAGE' },
          { customer_id: noBudget.domainId, budget_amount: null, used_amount: 0, budget_type: null },
        ],
      });
    });

    it('ListSubCustomerBudgetRecords: measure_id and currency at the top, the partner’s name and account name on every record', async () => {
      const c = await createAssociatedCustomer(t, cn.partner.id);
      await post(cnKey, BUDGET, { customer_id: c.domainId, budget_amount: 10 });
      const res = await get(cnKey, `${RECORDS}?customer_id=${c.domainId}`);
      expect(res.json()).toEqual({
        total_count: 1,
        measure_id: 1,
        currency: 'CNY',
        record_list: [
          {
            budget_amount: 10,
            operation_type: 'SETTING',
            operation_time: '2026-05-12T03:00:00Z',
            operator: expect.any(String),
            budget_type: 'MONTHLY',
            partner_corp_name: 'Cn Partner Ltd',
            partner_account_name: cn.user.email,
          },
        ],
      });
    });
  });
});
