import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  asUser,
  createPartnerUser,
  createPartnerWithAdmin,
  getCsrf,
  lastMessageTo,
  signIn,
} from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/index.ts';
import {
  CODES_PER_ACCOUNT_HOUR,
  CODES_PER_DESTINATION_HOUR,
  CODES_PER_IP_HOUR,
  codeLimits,
} from './code-limits.ts';

let n = 0;
const signUpBody = (over: Record<string, unknown> = {}) => ({
  companyName: '测试科技有限公司',
  name: '张三',
  email: `limits${++n}-${Date.now()}@limits.test`,
  password: 'Str0ng!Pass',
  locale: 'zh-CN',
  ...over,
});

describe('abuse limits on code sending; sign-up answers alike for taken phones', () => {
  let t: TestApp;
  let anon: ReturnType<typeof asUser>;
  beforeAll(async () => {
    t = await createTestApp();
    anon = asUser(t, await getCsrf(t));
  });
  afterAll(() => t.close());

  const resend = (email: string, ip: string, locale = 'zh-CN') =>
    anon({
      method: 'POST',
      url: '/api/auth/resend-code',
      payload: { email },
      remoteAddress: ip,
      headers: { 'accept-language': locale },
    });

  it('answers a sign-up with a taken phone like a fresh one, keeps the number with its owner and tells the owner', async () => {
    const p = await createPartnerWithAdmin(t);
    const owner = await createPartnerUser(t, p.partner.id, ['member'], { phone: '+8613700000001' });
    const fresh = await anon({
      method: 'POST',
      url: '/api/auth/sign-up',
      payload: signUpBody({ phone: '+8613700000002' }),
      remoteAddress: '10.60.0.1',
    });
    const taken = await anon({
      method: 'POST',
      url: '/api/auth/sign-up',
      payload: signUpBody({ phone: '+86 137 0000 0001', email: 'taken-phone@limits.test' }),
      remoteAddress: '10.60.0.1',
    });
    expect(taken.statusCode).toBe(fresh.statusCode);
    expect(taken.statusCode).toBe(201);
    expect(Object.keys(taken.json())).toEqual(Object.keys(fresh.json()));
    const rows = await t.db.query<{ email: string; phone: string | null }>(
      'select email, phone from users where phone = $1 or email = $2 order by email',
      ['+8613700000001', 'taken-phone@limits.test'],
    );
    expect(rows.rows).toHaveLength(2);
    expect(rows.rows).toEqual(
      expect.arrayContaining([
        { email: owner.user.email, phone: '+8613700000001' },
        { email: 'taken-phone@limits.test', phone: null },
      ]),
    );
    // The new account still gets its confirmation code; the number's owner a notice by SMS and email.
    expect(await lastMessageTo(t, 'taken-phone@limits.test', 'identity.email_code')).toBeDefined();
    expect(await lastMessageTo(t, '+8613700000001', 'identity.phone_in_use')).toMatchObject({
      name: owner.user.name,
    });
    expect(await lastMessageTo(t, owner.user.email, 'identity.phone_in_use')).toBeDefined();
  });

  it('limits codes per destination with 429, Retry-After and a message in both languages, alike for known and unknown emails', async () => {
    const p = await createPartnerWithAdmin(t);
    await t.db.query('update users set email_verified_at = null where id = $1', [p.user.id]);
    for (const email of [p.user.email, 'nobody-here@limits.test']) {
      for (let i = 0; i < CODES_PER_DESTINATION_HOUR; i++) {
        const ok = await resend(email, `10.61.0.${i + 1}`);
        expect(ok.statusCode, `resend ${i} to ${email}`).toBe(200);
        expect(ok.json()).toEqual({ sent: true });
      }
      const zh = await resend(email, '10.61.1.1');
      expect(zh.statusCode).toBe(429);
      expect(zh.json().code).toBe('identity.code_rate_limited');
      const wait = Number(zh.headers['retry-after']);
      expect(wait).toBeGreaterThan(0);
      expect(wait).toBeLessThanOrEqual(3600);
      expect(zh.json().message).toBe(`验证码发送过于频繁，请 ${wait} 秒后再试`);
      const en = await resend(email, '10.61.1.2', 'en-US');
      expect(en.json().message).toMatch(/^Codes were sent too often; try again in \d+ seconds$/);
    }
    t.clock.advance(3600_000);
    expect((await resend('nobody-here@limits.test', '10.61.2.1')).statusCode).toBe(200);
  });

  it('limits codes per client address, whatever the destinations', async () => {
    for (let i = 0; i < CODES_PER_IP_HOUR; i++) {
      expect((await resend(`spray-${i}@limits.test`, '10.62.0.1')).statusCode).toBe(200);
    }
    const over = await resend('spray-last@limits.test', '10.62.0.1');
    expect(over.statusCode).toBe(429);
    expect(Number(over.headers['retry-after'])).toBeGreaterThan(0);
    expect((await resend('spray-last@limits.test', '10.62.0.2')).statusCode).toBe(200);
  });

  it('limits contact-change codes per account and destination, before telling whether a contact is taken', async () => {
    const p = await createPartnerWithAdmin(t);
    await createPartnerUser(t, p.partner.id, ['member'], { phone: '+8613700000009' });
    const as = asUser(t, await signIn(t, p.user.email, p.password));
    const start = (phone: string) =>
      as({
        method: 'POST',
        url: '/api/me/contact-change',
        payload: { kind: 'phone', newValue: phone },
        remoteAddress: '10.63.0.1',
      });
    // Each request sends a code to the account's email: its destination limit binds first.
    for (let i = 0; i < CODES_PER_DESTINATION_HOUR; i++) {
      t.clock.advance(61_000);
      const res = await start(`+86137000001${i}0`);
      expect(res.statusCode, `change ${i}`).toBe(200);
    }
    t.clock.advance(61_000);
    const over = await start('+8613700000009');
    expect(over.statusCode).toBe(429); // not 409: a taken number is not revealed past the limit
    expect(over.json().code).toBe('identity.code_rate_limited');
    expect(Number(over.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('answers a contact change to a taken contact like a free one; no code goes there, its owner is told', async () => {
    const p = await createPartnerWithAdmin(t);
    const owner = await createPartnerUser(t, p.partner.id, ['member'], { phone: '+8613700000021' });
    const as = asUser(t, await signIn(t, p.user.email, p.password));
    const start = (phone: string) =>
      as({ method: 'POST', url: '/api/me/contact-change', payload: { kind: 'phone', newValue: phone } });
    t.clock.advance(61_000);
    const free = await start('+8613700000022');
    t.clock.advance(61_000);
    const taken = await start('+8613700000021');
    expect(taken.statusCode).toBe(free.statusCode);
    expect(Object.keys(taken.json())).toEqual(Object.keys(free.json()));
    expect(taken.json().newTarget).toMatch(/\*/);
    expect(await lastMessageTo(t, '+8613700000021', 'identity.contact_code')).toBeUndefined();
    expect(await lastMessageTo(t, '+8613700000021', 'identity.contact_in_use')).toMatchObject({
      name: owner.user.name,
    });
    // It can never be confirmed: the new-contact code does not exist, like a wrong code.
    const oldCode = String((await lastMessageTo(t, p.user.email, 'identity.contact_code'))?.code);
    const confirm = await as({
      method: 'POST',
      url: `/api/me/contact-change/${taken.json().changeId}/confirm`,
      payload: { oldCode, newCode: '123456' },
    });
    expect(confirm.statusCode).toBe(400);
    expect(confirm.json().code).toBe('identity.code_invalid');
    expect((await t.db.query('select phone from users where id = $1', [owner.user.id])).rows[0]).toEqual({
      phone: '+8613700000021',
    });
  });

  it('counts the account when signed in', () => {
    const keys = codeLimits({ ip: '10.0.0.1', userId: 'usr_1' }, ['a@x.test']).map((l) => [l.key, l.max]);
    expect(keys).toEqual([
      ['code:ip:10.0.0.1', CODES_PER_IP_HOUR],
      ['code:account:usr_1', CODES_PER_ACCOUNT_HOUR],
      ['code:dest-hour:a@x.test', CODES_PER_DESTINATION_HOUR],
      ['code:dest-day:a@x.test', 10],
    ]);
  });
});
