import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  asUser,
  createPartnerWithAdmin,
  getCsrf,
  lastMessageTo,
  signIn,
  TEST_PASSWORD,
} from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/index.ts';

const NEW_PASSWORD = 'N3w!Passw0rd';

describe('password reset by emailed code', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  /** A fresh anonymous browser with its own address (limits count per address). */
  const visitor = async (ip: string) => {
    const anon = asUser(t, await getCsrf(t));
    return (opts: Parameters<typeof anon>[0]) => anon({ ...opts, remoteAddress: ip });
  };
  const request = async (email: string, ip: string, lang = 'en-US') =>
    (await visitor(ip))({
      method: 'POST',
      url: '/api/auth/password-reset/request',
      headers: { 'x-language': lang },
      payload: { email },
    });
  const confirm = async (payload: object, ip: string, lang = 'en-US') =>
    (await visitor(ip))({
      method: 'POST',
      url: '/api/auth/password-reset/confirm',
      headers: { 'x-language': lang },
      payload,
    });

  it('answers the same for known and unknown addresses and emails a code and link to known ones', async () => {
    const { user } = await createPartnerWithAdmin(t);
    const known = await request(user.email.toUpperCase(), '198.51.100.1');
    const unknown = await request('nobody-here@partner.test', '198.51.100.1');
    expect(known.statusCode).toBe(200);
    expect(unknown.statusCode).toBe(known.statusCode);
    expect(unknown.body).toBe(known.body);
    expect(known.json()).toEqual({ sent: true });
    expect(await lastMessageTo(t, 'nobody-here@partner.test')).toBeUndefined();
    const data = await lastMessageTo(t, user.email, 'identity.password_reset');
    expect(String(data?.code)).toMatch(/^\d{6}$/);
    expect(data?.minutes).toBe(15);
    const stored = await t.db.query<{ code_hash: string; expires_at: Date; created_at: Date }>(
      `select code_hash, expires_at, created_at from verification_codes where target = $1 and purpose = 'password_reset'`,
      [user.email],
    );
    expect(stored.rows[0]?.code_hash).not.toContain(String(data?.code));
    expect(stored.rows[0]!.expires_at.getTime() - stored.rows[0]!.created_at.getTime()).toBe(15 * 60_000);
  });

  it('resets once, ends every session, tells the account, and lets the new password in', async () => {
    const { user } = await createPartnerWithAdmin(t, { locale: 'zh-CN' });
    const session = asUser(t, await signIn(t, user.email, TEST_PASSWORD));
    expect((await session({ method: 'GET', url: '/api/me' })).statusCode).toBe(200);
    await request(user.email, '198.51.100.2');
    const code = String((await lastMessageTo(t, user.email, 'identity.password_reset'))?.code);
    const wrong = code === '000000' ? '111111' : '000000';

    const bad = await confirm({ email: user.email, code: wrong, newPassword: NEW_PASSWORD }, '198.51.100.2');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('identity.code_invalid');
    const weak = await confirm({ email: user.email, code, newPassword: 'short' }, '198.51.100.2');
    expect(weak.json().code).toBe('identity.weak_password');

    const ok = await confirm({ email: user.email, code, newPassword: NEW_PASSWORD }, '198.51.100.2');
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ ok: true, signInPath: '/sign-in' });
    expect((await session({ method: 'GET', url: '/api/me' })).statusCode).toBe(401);
    const again = await confirm({ email: user.email, code, newPassword: 'An0ther!Pass' }, '198.51.100.2');
    expect(again.json().code).toBe('identity.code_invalid');

    const notice = await t.db.query<{ subject: string; locale: string }>(
      `select subject, locale from notifications where recipient = $1 and template = 'identity.password_changed'`,
      [user.email],
    );
    expect(notice.rows[0]).toMatchObject({ locale: 'zh-CN', subject: '【合作伙伴中心】您的登录密码已修改' });
    const audit = await t.db.query(
      `select 1 from audit_log where action = 'user.password_reset' and entity_id = $1`,
      [user.id],
    );
    expect(audit.rows).toHaveLength(1);
    await expect(signIn(t, user.email, TEST_PASSWORD)).rejects.toThrow(/401/);
    await signIn(t, user.email, NEW_PASSWORD);
  });

  it('refuses a code after 15 minutes', async () => {
    const { user } = await createPartnerWithAdmin(t);
    await request(user.email, '198.51.100.3');
    const code = String((await lastMessageTo(t, user.email, 'identity.password_reset'))?.code);
    t.clock.advance(15 * 60_000 + 1000);
    const late = await confirm({ email: user.email, code, newPassword: NEW_PASSWORD }, '198.51.100.3');
    expect(late.json().code).toBe('identity.code_expired');
  });

  it('limits requests per address and per destination with 429, Retry-After and both languages', async () => {
    const target = 'limit-probe@partner.test';
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await request(target, `198.51.100.${10 + i}`)).statusCode);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    const zh = await request(target, '198.51.100.30', 'zh-CN');
    expect(zh.statusCode).toBe(429);
    expect(Number(zh.headers['retry-after'])).toBeGreaterThan(0);
    expect(zh.json()).toMatchObject({ code: 'common.rate_limited' });
    expect(zh.json().message).toMatch(/请求过于频繁/);
    const ip = '198.51.100.40';
    const perIp: number[] = [];
    for (let i = 0; i < 11; i++) perIp.push((await request(`spray${i}@partner.test`, ip)).statusCode);
    expect(perIp.slice(0, 10).every((s) => s === 200)).toBe(true);
    expect(perIp[10]).toBe(429);
  });

  it('limits reset attempts per address', async () => {
    const ip = '198.51.100.50';
    let last = 0;
    for (let i = 0; i < 21; i++) {
      last = (
        await confirm({ email: `guess${i}@partner.test`, code: '123456', newPassword: NEW_PASSWORD }, ip)
      ).statusCode;
    }
    expect(last).toBe(429);
  });
});
