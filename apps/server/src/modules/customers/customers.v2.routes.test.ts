import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPartnerWithAdmin, lastMessageTo, type PartnerWithAdmin } from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/index.ts';
import { callV2, createApiKey, type TestApiKey } from '../../../test/v2.ts';
import { issueCode } from '../identity/codes.service.ts';
import { linkReseller } from './customers.test-helpers.ts';

const CREATE = '/v2/partners/sub-customers';
const QUERY = '/v2/partners/sub-customers/query';
const FREEZE = '/v2/partners/sub-customers/freeze';
const UNFREEZE = '/v2/partners/sub-customers/unfreeze';

describe('partner API: sub-customers (R18)', () => {
  let t: TestApp;
  let a: PartnerWithAdmin;
  let b: PartnerWithAdmin;
  let keyA: TestApiKey;
  let keyB: TestApiKey;
  let n = 0;
  const xid = () => `x-${Date.now()}-${n++}`;

  const post = (key: TestApiKey, url: string, body: unknown, language?: string) =>
    callV2(t, key, { method: 'POST', url, body, language });
  /** A sign-up code sent to the target, as POST /v2/bases/verificationcode/send stores it. */
  const codeFor = async (target: string, channel: 'email' | 'sms') => {
    await t.ctx.db.transaction((tx) =>
      issueCode(t.ctx, tx, {
        userId: null,
        partnerId: a.partner.id,
        purpose: 'customer_signup',
        channel,
        target,
        locale: 'zh-CN',
        template: 'customers.signup_code',
      }),
    );
    return String((await lastMessageTo(t, target, 'customers.signup_code'))?.code);
  };

  beforeAll(async () => {
    // Flow control (10/s per key and operation) has its own test; here the clock stands still.
    t = await createTestApp({ config: { apiFlowLimit: 10_000 } });
    a = await createPartnerWithAdmin(t);
    b = await createPartnerWithAdmin(t);
    keyA = await createApiKey(t, a.partner.id);
    keyB = await createApiKey(t, b.partner.id);
  });
  afterAll(() => t.close());

  it('creates a customer idempotently on (xaccount_type, xaccount_id); concurrent duplicates create one', async () => {
    const body = { xaccount_type: 'shop', xaccount_id: xid() };
    const first = await post(keyA, CREATE, body);
    expect(first.statusCode).toBe(200);
    const created = first.json();
    expect(created.domain_id).toMatch(/^[0-9a-f]{32}$/);
    expect(created.domain_name).toMatch(/^[a-zA-Z_-][a-zA-Z0-9_-]{4,31}$/);
    expect((await post(keyA, CREATE, body)).json()).toEqual(created);
    // The same platform user at another partner is another customer.
    const atB = (await post(keyB, CREATE, body)).json();
    expect(atB.domain_id).not.toBe(created.domain_id);

    const racing = { xaccount_type: 'shop', xaccount_id: xid() };
    const [r1, r2] = await Promise.all([post(keyA, CREATE, racing), post(keyA, CREATE, racing)]);
    expect(r1.statusCode).toBe(200);
    expect(r2.statusCode).toBe(200);
    expect(r1.json().domain_id).toBe(r2.json().domain_id);
    const rows = await t.db.query('select id from customers where xaccount_id = $1', [racing.xaccount_id]);
    expect(rows.rows).toHaveLength(1);
    const events = await t.db.query<{ type: string }>(
      `select e.type from events e join customers c on c.id = e.subject_id where c.domain_id = $1 order by e.type`,
      [created.domain_id],
    );
    expect(events.rows.map((r) => r.type)).toEqual(['association.created', 'customer.created']);
  });

  it('validates every field with the contract limits', async () => {
    const base = { xaccount_type: 'shop', xaccount_id: xid() };
    const bad: [string, Record<string, unknown>][] = [
      ['short name', { ...base, domain_name: 'abcd' }],
      ['long name', { ...base, domain_name: 'a'.repeat(33) }],
      ['leading digit', { ...base, domain_name: '9abcdef' }],
      ['op_ prefix', { ...base, domain_name: 'op_abcdef' }],
      ['shadow_ prefix', { ...base, domain_name: 'Shadow_abcdef' }],
      ['bad character', { ...base, domain_name: 'abc.def' }],
      ['no xaccount_id', { xaccount_type: 'shop' }],
      ['no xaccount_type', { xaccount_id: xid() }],
      ['long xaccount_id', { ...base, xaccount_id: 'x'.repeat(129) }],
      ['email without code', { ...base, email: 'someone@example.test' }],
      ['bad email', { ...base, email: 'nope', verification_code: '123456' }],
      ['bad phone', { ...base, mobile_phone: 'abc', verification_code: '123456' }],
      ['long cooperation_type', { ...base, cooperation_type: '1'.repeat(9) }],
    ];
    for (const [what, body] of bad) {
      const res = await post(keyA, CREATE, body);
      expect(res.statusCode, what).toBe(400);
      expect(res.json().error_code, what).toBe('CBC.0100');
    }
    const weak = await post(keyA, CREATE, { ...base, password: 'short' });
    expect(weak.json().error_code).toBe('CBC.99000036');
    const named = await post(keyA, CREATE, { ...base, domain_name: 'Named_Cust-1' });
    expect(named.json().domain_name).toBe('Named_Cust-1');
    const taken = await post(keyA, CREATE, {
      xaccount_type: 'shop',
      xaccount_id: xid(),
      domain_name: 'named_cust-1',
    });
    expect(taken.statusCode).toBe(400);
    expect(taken.json().error_code).toBe('CBC.99001001');
  });

  it('checks the verification code of a mobile phone or email; the contact is masked in queries', async () => {
    const email = `api-${Date.now()}@customer.test`;
    const wrong = await post(keyA, CREATE, {
      xaccount_type: 'shop',
      xaccount_id: xid(),
      email,
      verification_code: '000000',
    });
    expect(wrong.json().error_code).toBe('CBC.99001002');
    const code = await codeFor(email, 'email');
    const ok = await post(keyA, CREATE, {
      xaccount_type: 'shop',
      xaccount_id: xid(),
      email,
      verification_code: code,
      password: 'Strong@Pass2026',
      cooperation_type: '2',
    });
    expect(ok.statusCode).toBe(200);
    // The code is used up.
    const reuse = await post(keyA, CREATE, {
      xaccount_type: 'shop',
      xaccount_id: xid(),
      email,
      verification_code: code,
    });
    expect(reuse.json().error_code).toBe('CBC.99001002');
    // Phones are kept in E.164: the code went to +8613700137000, the number is typed as the reference writes it.
    const phoneCode = await codeFor('+8613700137000', 'sms');
    const byPhone = await post(keyA, CREATE, {
      xaccount_type: 'shop',
      xaccount_id: xid(),
      mobile_phone: '0086-13700137000',
      verification_code: phoneCode,
    });
    expect(byPhone.statusCode).toBe(200);
    const q = (await post(keyA, QUERY, { customer_id: ok.json().domain_id })).json();
    expect(q.count).toBe(1);
    expect(q.customer_infos[0]).toMatchObject({
      customer_id: ok.json().domain_id,
      association_type: '2',
      email: `${email.slice(0, 2)}***@customer.test`,
      is_frozen: 0,
    });
    expect(q.customer_infos[0].associated_on).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    const qp = (await post(keyA, QUERY, { customer_id: byPhone.json().domain_id })).json();
    expect(qp.customer_infos[0].telephone).toBe('137****7000');
    // The customer got the association outcome by email and SMS.
    const sent = await t.db.query<{ channel: string }>(
      "select channel from notifications where template = 'customers.associated' and recipient in ($1, $2) order by channel",
      [email, '+8613700137000'],
    );
    expect(sent.rows.map((r) => r.channel)).toEqual(['email', 'sms']);
  });

  it('queries with filters and paging', async () => {
    const p = await createPartnerWithAdmin(t);
    const key = await createApiKey(t, p.partner.id);
    const made: string[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await post(key, CREATE, {
        xaccount_type: 'shop',
        xaccount_id: xid(),
        domain_name: `filter_${i}_${Date.now()}`,
        cooperation_type: i === 2 ? '2' : '1',
      });
      made.push(r.json().domain_id);
      t.clock.advance(60_000);
    }
    const all = (await post(key, QUERY, {})).json();
    expect(all.count).toBe(3);
    expect(all.customer_infos).toHaveLength(3);
    const page = (await post(key, QUERY, { offset: 1, limit: 1 })).json();
    expect(page.count).toBe(3);
    expect(page.customer_infos).toHaveLength(1);
    expect((await post(key, QUERY, { association_type: '2' })).json().count).toBe(1);
    expect((await post(key, QUERY, { association_type: 1 })).json().count).toBe(2);
    expect((await post(key, QUERY, { account_name: 'FILTER_1' })).json().customer_infos[0].customer_id).toBe(
      made[1],
    );
    const firstOn = all.customer_infos.find(
      (c: { customer_id: string }) => c.customer_id === made[0],
    ).associated_on;
    const since = (
      await post(key, QUERY, { associated_on_begin: firstOn, associated_on_end: firstOn })
    ).json();
    expect(since.customer_infos.map((c: { customer_id: string }) => c.customer_id)).toEqual([made[0]]);
    // The unfiltered page (one raw prepared statement) and a filtered one (the query builder) answer
    // every field alike, the time formatted by the database in one and by `apiTime` in the other.
    expect(since.customer_infos[0]).toEqual(
      all.customer_infos.find((c: { customer_id: string }) => c.customer_id === made[0]),
    );
    for (const body of [
      { limit: 101 },
      { limit: 0 },
      { offset: -1 },
      { associated_on_begin: '2024-01-01' },
    ]) {
      const res = await post(key, QUERY, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error_code).toBe('CBC.0100');
    }
    // Another partner never sees them.
    expect((await post(keyB, QUERY, { customer_id: made[0] })).json().count).toBe(0);
  });

  it('freezes and unfreezes in batches with per-item errors, HTTP 200', async () => {
    const mine = (await post(keyA, CREATE, { xaccount_type: 'shop', xaccount_id: xid() })).json().domain_id;
    const theirs = (await post(keyB, CREATE, { xaccount_type: 'shop', xaccount_id: xid() })).json().domain_id;
    const res = await post(
      keyA,
      FREEZE,
      { customer_ids: [mine, theirs, 'f'.repeat(32)], reason: 'risk', freeze_type: 'ACCOUNT_AND_RESOURCE' },
      'en_US',
    );
    expect(res.statusCode).toBe(200);
    expect(res.json().error_details).toEqual([
      { id: theirs, error_code: 'CBC.99000035', error_msg: 'The customer is not your customer' },
      { id: 'f'.repeat(32), error_code: 'CBC.99000035', error_msg: 'The customer is not your customer' },
    ]);
    const q = (await post(keyA, QUERY, { customer_id: mine })).json();
    // The China site's model: 2 = account and resources frozen.
    expect(q.customer_infos[0].is_frozen).toBe(2);
    const again = (await post(keyA, FREEZE, { customer_ids: [mine], reason: 'risk' })).json();
    expect(again.error_details[0].error_code).toBe('CBC.99001004');
    expect(
      (
        await post(keyA, UNFREEZE, {
          customer_ids: [mine],
          reason: 'cleared',
          unfreeze_type: 'ACCOUNT_AND_RESOURCE',
        })
      ).json().error_details,
    ).toEqual([]);
    const notFrozen = (await post(keyA, UNFREEZE, { customer_ids: [mine], reason: 'x' })).json();
    expect(notFrozen.error_details[0].error_code).toBe('CBC.99001005');
    for (const body of [
      { customer_ids: Array.from({ length: 11 }, (_, i) => `id${i}`), reason: 'x' },
      { customer_ids: [], reason: 'x' },
      { customer_ids: [mine] },
      { customer_ids: [mine], reason: 'r'.repeat(257) },
      { customer_ids: [mine], reason: 'x', freeze_type: 'ALL' },
    ]) {
      const r = await post(keyA, FREEZE, body);
      expect(r.statusCode).toBe(400);
      expect(r.json().error_code).toBe('CBC.0100');
    }
    const events = await t.db.query<{ type: string }>(
      `select e.type from events e join customers c on c.id = e.subject_id where c.domain_id = $1
        and e.type like 'customer.%frozen' order by e.seq`,
      [mine],
    );
    expect(events.rows.map((r) => r.type)).toEqual(['customer.frozen', 'customer.unfrozen']);
  });

  it('a distributor acts for its own resellers only (CBC.99000037 otherwise)', async () => {
    const d = await createPartnerWithAdmin(t);
    const r = await createPartnerWithAdmin(t);
    await linkReseller(
      t,
      { partnerId: d.partner.id, userId: d.user.id },
      { partnerId: r.partner.id, userId: r.user.id, email: r.user.email },
    );
    const keyD = await createApiKey(t, d.partner.id);
    const keyR = await createApiKey(t, r.partner.id);
    const forR = await post(keyD, CREATE, {
      xaccount_type: 'shop',
      xaccount_id: xid(),
      indirect_partner_id: r.partner.domainId,
    });
    expect(forR.statusCode).toBe(200);
    const id = forR.json().domain_id;
    // The customer is the reseller's: the reseller sees it, the distributor with indirect_partner_id too.
    expect((await post(keyR, QUERY, { customer_id: id })).json().count).toBe(1);
    expect(
      (await post(keyR, QUERY, { customer_id: id, indirect_partner_id: r.partner.domainId })).json().count,
    ).toBe(1);
    expect((await post(keyD, QUERY, { customer_id: id })).json().count).toBe(0);
    expect(
      (await post(keyD, QUERY, { customer_id: id, indirect_partner_id: r.partner.domainId })).json().count,
    ).toBe(1);
    const frozen = await post(keyD, FREEZE, {
      customer_ids: [id],
      reason: 'x',
      indirect_partner_id: r.partner.domainId,
    });
    expect(frozen.json().error_details).toEqual([]);
    // Not a reseller of the caller: refused outright.
    for (const [key, url, body] of [
      [keyA, QUERY, { indirect_partner_id: r.partner.domainId }],
      [keyA, CREATE, { xaccount_type: 's', xaccount_id: xid(), indirect_partner_id: r.partner.domainId }],
      [keyR, QUERY, { indirect_partner_id: d.partner.domainId }],
      [keyD, FREEZE, { customer_ids: [id], reason: 'x', indirect_partner_id: b.partner.domainId }],
      [keyD, QUERY, { indirect_partner_id: '0'.repeat(32) }],
    ] as const) {
      const res = await post(key, url, body);
      expect(res.statusCode, `${url} ${JSON.stringify(body)}`).toBe(400);
      expect(res.json().error_code).toBe('CBC.99000037');
    }
  });

  it('answers errors in the requested language', async () => {
    const res = await post(keyA, FREEZE, { customer_ids: ['nobody_here'], reason: 'x' }, 'zh_CN');
    expect(res.json().error_details[0].error_msg).toBe('该客户不是您的客户');
  });
});
