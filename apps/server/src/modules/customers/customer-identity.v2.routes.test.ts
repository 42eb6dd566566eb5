import { randomBytes } from 'node:crypto';
import { schema } from '@pc/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createPartnerUser,
  createPartnerWithAdmin,
  lastMessageTo,
  type PartnerWithAdmin,
} from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/index.ts';
import { callV2, createApiKey, type TestApiKey } from '../../../test/v2.ts';
import { newId } from '../../platform/ids/ids.ts';
import { useSignupCode } from '../identity/codes.service.ts';

const CHECK = '/v2/partners/sub-customers/users/check-identity';
const SEND = '/v2/bases/verificationcode/send';
const tag = () => randomBytes(4).toString('hex');

describe('partner API: check-identity and verification codes (R18)', () => {
  let t: TestApp;
  let p: PartnerWithAdmin;
  let key: TestApiKey;
  const check = (search_type: string, search_value: string) =>
    callV2(t, key, { method: 'POST', url: CHECK, body: { search_type, search_value } });
  const send = (body: object, language?: string) =>
    callV2(t, key, { method: 'POST', url: SEND, body, language });

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set('2026-04-01T02:00:00Z');
    p = await createPartnerWithAdmin(t);
    key = await createApiKey(t, p.partner.id);
  });
  afterAll(() => t.close());

  it('check-identity: email and mobile of existing users and customers, account names of customers', async () => {
    const phone = `139${String(Date.now()).slice(-8)}`;
    await createPartnerUser(t, p.partner.id, ['member'], { email: `Taken-${tag()}@Example.test`, phone });
    // Stored in E.164 whatever form it was given in.
    const user = await t.db.query<{ email: string }>('select email from users where phone = $1', [
      `+86${phone}`,
    ]);
    const takenEmail = user.rows[0]?.email ?? '';
    const now = t.clock.now();
    const customerName = `cust_${tag()}`;
    const customerEmail = `customer-${tag()}@example.test`;
    const customerPhone = `+86137${String(Date.now()).slice(-8)}`;
    await t.ctx.db.insert(schema.customers).values({
      id: newId('cus'),
      domainId: randomBytes(16).toString('hex'),
      domainName: customerName,
      name: 'A customer',
      email: customerEmail,
      phone: customerPhone,
      createdAt: now,
      updatedAt: now,
    });

    const cases: [string, string, string][] = [
      ['email', takenEmail.toUpperCase(), 'used_by_user'],
      ['email', customerEmail, 'used_by_user'],
      ['email', `free-${tag()}@example.test`, 'available'],
      ['mobile', phone, 'used_by_user'],
      ['mobile', `+86 ${phone.slice(0, 3)} ${phone.slice(3, 7)} ${phone.slice(7)}`, 'used_by_user'],
      ['mobile', `0086-${phone}`, 'used_by_user'],
      ['mobile', customerPhone.slice(3), 'used_by_user'],
      ['mobile', '13000000001', 'available'],
      ['name', customerName.toUpperCase(), 'used_by_user'],
      ['name', `free_${tag()}`, 'available'],
    ];
    for (const [type, value, expected] of cases) {
      const res = await check(type, value);
      expect(res.statusCode, `${type} ${value}: ${res.body}`).toBe(200);
      expect(res.json().check_result, `${type} ${value}`).toBe(expected);
      expect(res.headers['x-request-id']).toBeTruthy();
    }
  });

  it('check-identity validates per contract: CBC.0100 naming the field, in the requested language', async () => {
    // A fresh second: flow control allows 10 calls per second per key and operation.
    t.clock.advance(1000);
    const badType = await callV2(t, key, {
      method: 'POST',
      url: CHECK,
      body: { search_type: 'phone', search_value: 'x' },
      language: 'en_US',
    });
    expect(badType.statusCode).toBe(400);
    expect(badType.json()).toMatchObject({ error_code: 'CBC.0100' });
    expect(badType.json().error_msg).toContain('search_type');
    expect(badType.json().request_id).toBe(badType.headers['x-request-id']);
    const missing = await callV2(t, key, { method: 'POST', url: CHECK, body: { search_type: 'email' } });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error_code).toBe('CBC.0100');
    const empty = await check('name', '   ');
    expect(empty.statusCode).toBe(400);
  });

  it('refuses unsigned calls', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: CHECK,
      headers: { 'content-type': 'application/json' },
      payload: { search_type: 'email', search_value: 'a@b.test' },
    });
    expect(res.statusCode).toBe(401);
    expect(res.json().error_code).toBe('APIGW.0301');
  });

  it('sends an email code the create-customer flow can use, at most once a minute per address', async () => {
    t.clock.set('2026-04-02T02:00:00Z');
    const email = `New.Customer-${tag()}@Example.test`;
    const res = await send({ receiver_type: 2, email, timeout: 10, lang: 'en-us', scene: 29 });
    expect(res.statusCode, res.body).toBe(200);
    const target = email.toLowerCase();
    const msg = await lastMessageTo(t, target, 'customers.signup_code');
    expect(msg?.code).toMatch(/^\d{6}$/);
    expect(msg?.minutes).toBe(10);
    const row = await t.db.query<{ locale: string; partner_id: string; channel: string }>(
      'select locale, partner_id, channel from notifications where recipient = $1',
      [target],
    );
    expect(row.rows[0]).toEqual({ locale: 'en-US', partner_id: p.partner.id, channel: 'email' });

    const again = await send({ receiver_type: 2, email }, 'en_US');
    expect(again.statusCode).toBe(400);
    expect(again.json()).toMatchObject({ error_code: 'CBC.99008040', error_msg: 'Too frequent' });
    const zh = await send({ receiver_type: 2, email }, 'zh_CN');
    expect(zh.json()).toMatchObject({ error_code: 'CBC.99008040', error_msg: '操作过于频繁' });

    const used = await t.ctx.db.transaction((tx) => useSignupCode(t.ctx, tx, target, String(msg?.code)));
    expect(used).toBe('ok');

    t.clock.advance(61_000);
    expect((await send({ receiver_type: 2, email })).statusCode).toBe(200);
  });

  it('sends an SMS code to a mainland number, valid for the requested minutes (default 10)', async () => {
    t.clock.set('2026-04-03T02:00:00Z');
    const typed = `138${String(Date.now()).slice(-8)}`;
    const mobile = `+86${typed}`; // the code goes to (and is kept for) the E.164 number
    const res = await send({ receiver_type: 1, mobile_phone: typed });
    expect(res.statusCode, res.body).toBe(200);
    const msg = await lastMessageTo(t, mobile, 'customers.signup_code');
    expect(msg?.minutes).toBe(10);
    const row = await t.db.query<{ channel: string; locale: string }>(
      'select channel, locale from notifications where recipient = $1',
      [mobile],
    );
    expect(row.rows[0]).toEqual({ channel: 'sms', locale: 'zh-CN' });
    t.clock.advance(10 * 60_000);
    const late = await t.ctx.db.transaction((tx) => useSignupCode(t.ctx, tx, mobile, String(msg?.code)));
    expect(late).toBe('identity.code_expired');
  });

  it('validates the send request per contract', async () => {
    t.clock.advance(1000);
    const bad: object[] = [
      { receiver_type: 1 },
      { receiver_type: 2 },
      { receiver_type: 3, email: 'a@b.test' },
      { receiver_type: 1, mobile_phone: '12345' },
      { receiver_type: 2, email: 'not-an-email' },
      { receiver_type: 2, email: 'a@b.test', timeout: 0 },
      { receiver_type: 2, email: 'a@b.test', lang: 'fr-fr' },
      { receiver_type: 2, email: 'a@b.test', scene: 18 },
      { receiver_type: '2', email: 'a@b.test' },
    ];
    for (const body of bad) {
      const res = await send(body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error_code, JSON.stringify(body)).toBe('CBC.0100');
    }
  });
});
