import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  asUser,
  createOperator,
  createPartnerWithAdmin,
  getCsrf,
  signIn,
  type TestSession,
} from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/index.ts';

describe('sign-in, sessions and CSRF', () => {
  let t: TestApp;
  let anonSession: TestSession;
  beforeAll(async () => {
    // Behind a proxy, so each test can pose as a client address.
    t = await createTestApp({ config: { trustProxy: true } });
    anonSession = await getCsrf(t);
  });
  afterAll(() => t.close());

  const attempt = (email: string, password: string, ip = '10.0.0.1', device?: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: {
        cookie: `${anonSession.cookie}${device ? `; pc_device=${device}` : ''}`,
        'x-csrf-token': anonSession.csrf,
        'x-forwarded-for': ip,
        'x-language': 'en-US',
      },
      payload: { email, password },
    });

  it('signs in a partner admin, sets a secure session cookie and returns Me', async () => {
    const { user, partner, password } = await createPartnerWithAdmin(t);
    const res = await attempt(user.email.toUpperCase(), password);
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'pc_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie?.value.length).toBeGreaterThanOrEqual(40);
    const stored = await t.db.query<{ token_hash: string }>(
      'select token_hash from sessions where user_id = $1',
      [user.id],
    );
    expect(stored.rows[0]?.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.rows[0]?.token_hash).not.toBe(cookie?.value);
    expect(res.json().user).toMatchObject({
      id: user.id,
      userType: 'partner',
      roles: ['admin'],
      partner: { id: partner.id, domainId: partner.domainId, name: partner.name },
      siteBanner: null,
      accountKind: 'local',
      federatedProfileUrl: null,
    });
  });

  it('signs in an operator', async () => {
    const { user, password } = await createOperator(t, ['finance']);
    const me = await asUser(t, await signIn(t, user.email, password))({ method: 'GET', url: '/api/me' });
    expect(me.json()).toMatchObject({ userType: 'operator', roles: ['finance'], partner: null });
  });

  it('answers an unknown account exactly like a wrong password', async () => {
    const { user } = await createPartnerWithAdmin(t);
    const wrong = await attempt(user.email, 'Wrong@Pass1', '10.1.0.1');
    const unknown = await attempt('nobody@nowhere.test', 'Wrong@Pass1', '10.1.0.2');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    const strip = (b: { requestId?: string }) => ({ ...b, requestId: undefined });
    expect(strip(wrong.json())).toEqual(strip(unknown.json()));
    expect(wrong.json()).toMatchObject({
      code: 'identity.invalid_credentials',
      message: 'Wrong email or password',
    });
  });

  it('slows one source down with growing delays and Retry-After, never locking the account', async () => {
    const { user, password } = await createPartnerWithAdmin(t);
    const attacker = '10.2.0.1';
    for (let i = 0; i < 3; i++)
      expect((await attempt(user.email, 'Wrong@Pass1', attacker)).statusCode).toBe(401);
    const slowed = await attempt(user.email, password, attacker);
    expect(slowed.statusCode).toBe(429);
    expect(slowed.json()).toMatchObject({
      code: 'identity.sign_in_throttled',
      message: 'Too many failed sign-ins; try again in 10 seconds',
    });
    expect(slowed.headers['retry-after']).toBe('10');
    t.clock.advance(10_000);
    expect((await attempt(user.email, 'Wrong@Pass1', attacker)).statusCode).toBe(401);
    expect((await attempt(user.email, 'Wrong@Pass1', attacker)).headers['retry-after']).toBe('20');
    t.clock.advance(20_000);
    expect((await attempt(user.email, 'Wrong@Pass1', attacker)).statusCode).toBe(401);
    expect((await attempt(user.email, 'Wrong@Pass1', attacker)).headers['retry-after']).toBe('40');
    // The owner, from anywhere else, is not affected.
    expect((await attempt(user.email, password, '10.2.9.9')).statusCode).toBe(200);
    // An unknown account is slowed the same way, so a 429 reveals nothing either.
    for (let i = 0; i < 3; i++) await attempt('ghost@nowhere.test', 'Wrong@Pass1', '10.3.0.1');
    expect((await attempt('ghost@nowhere.test', 'Wrong@Pass1', '10.3.0.1')).statusCode).toBe(429);
  });

  /** A botnet: 100 failures from 100 addresses `10.<net>.i.1` inside the window. */
  const botnet = async (email: string, net: number) => {
    for (let i = 0; i < 100; i++) {
      const ip = `10.${net}.${i}.1`;
      await t.db.query(
        'insert into sign_in_attempts (id, identifier, ip, source, at) values ($1, $2, $3, $4, $5)',
        [`sia_bot_${net}_${i}_${email}`, email, ip, `ip:${ip}`, t.clock.now()],
      );
    }
  };

  it('keeps the owner’s known browser open while the account is guessed at from everywhere', async () => {
    const { user, password } = await createPartnerWithAdmin(t);
    const first = await attempt(user.email, password, '10.5.0.1');
    const device = first.cookies.find((c) => c.name === 'pc_device');
    expect(device).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/api/auth/' });
    await botnet(user.email, 6);
    const stranger = await attempt(user.email, password, '10.5.0.2');
    expect(stranger.statusCode).toBe(429);
    expect(Number(stranger.headers['retry-after'])).toBeGreaterThan(800);
    // Same address as before, known browser: in. A device cookie of another account does not count.
    expect((await attempt(user.email, password, '10.5.0.2', device!.value)).statusCode).toBe(200);
    const other = await createPartnerWithAdmin(t);
    await botnet(other.user.email, 7);
    expect((await attempt(other.user.email, other.password, '10.5.0.2', device!.value)).statusCode).toBe(429);
    t.clock.advance(15 * 60_000 + 1);
    expect((await attempt(other.user.email, other.password, '10.5.0.2')).statusCode).toBe(200);
  });

  it('forgives earlier failures after a successful sign-in', async () => {
    const { user, password } = await createPartnerWithAdmin(t);
    for (let i = 0; i < 3; i++) await attempt(user.email, 'Wrong@Pass1', '10.4.0.1');
    t.clock.advance(10_000);
    expect((await attempt(user.email, password, '10.4.0.1')).statusCode).toBe(200);
    for (let i = 0; i < 3; i++)
      expect((await attempt(user.email, 'Wrong@Pass1', '10.4.0.1')).statusCode).toBe(401);
    t.clock.advance(10_000);
    expect((await attempt(user.email, password, '10.4.0.1')).statusCode).toBe(200);
  });

  it('throttles an address that tries many accounts', async () => {
    const { user, password } = await createPartnerWithAdmin(t);
    for (let i = 0; i < 30; i++) await attempt(`spray${i}@nowhere.test`, 'Wrong@Pass1', '10.9.9.9');
    const sprayer = await attempt(user.email, password, '10.9.9.9');
    expect(sprayer.json().code).toBe('identity.sign_in_throttled');
    expect(Number(sprayer.headers['retry-after'])).toBeGreaterThan(800);
    expect((await attempt(user.email, password, '10.9.9.10')).statusCode).toBe(200);
  });

  it('validates sign-in input', async () => {
    const send = (payload: unknown) =>
      asUser(t, anonSession)({ method: 'POST', url: '/api/auth/sign-in', payload: payload as object });
    const bad = [
      { email: 'a@b.cn' },
      { email: 'a@b.cn', password: 1 },
      { email: 'x', password: 'y' },
      { email: 'a@b.cn', password: 'y', remember: true },
    ];
    for (const p of bad) {
      const r = await send(p);
      expect(r.statusCode).toBe(400);
      expect(r.json().code).toBe('common.validation');
    }
    const malformed = await asUser(
      t,
      anonSession,
    )({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: { 'content-type': 'application/json' },
      payload: '{not json',
    });
    expect(malformed.json().code).toBe('common.malformed_json');
  });

  it('refuses unsafe /api requests without a matching CSRF token, but not the partner API', async () => {
    const payload = { email: 'a@b.cn', password: 'x' };
    const none = await t.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload });
    expect(none.statusCode).toBe(403);
    expect(none.json().code).toBe('common.csrf');
    const c = await getCsrf(t);
    const mismatch = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: { cookie: c.cookie, 'x-csrf-token': `${c.csrf}x` },
      payload,
    });
    expect(mismatch.json().code).toBe('common.csrf');
    // a forged pair that matches but was not signed by the server
    const forged = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: { cookie: 'pc_csrf=abc.def', 'x-csrf-token': 'abc.def' },
      payload,
    });
    expect(forged.json().code).toBe('common.csrf');
    const headerOnly = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: { 'x-csrf-token': c.csrf },
      payload,
    });
    expect(headerOnly.json().code).toBe('common.csrf');
    // a signed-in user still needs it
    const { user, password } = await createPartnerWithAdmin(t);
    const s = await signIn(t, user.email, password);
    const noToken = await t.app.inject({
      method: 'PATCH',
      url: '/api/me/preferences',
      headers: { cookie: s.cookie },
      payload: { locale: 'en-US' },
    });
    expect(noToken.statusCode).toBe(403);
    const v2 = await t.app.inject({ method: 'POST', url: '/v2/partners/customers', payload: {} });
    expect(v2.statusCode).not.toBe(403);
    // the token endpoint keeps a valid token instead of rotating it
    const again = await t.app.inject({ method: 'GET', url: '/api/auth/csrf', headers: { cookie: c.cookie } });
    expect(again.json().token).toBe(c.csrf);
  });

  it('signs out: the session is revoked and the cookie no longer works', async () => {
    const { user, password } = await createPartnerWithAdmin(t);
    const s = await signIn(t, user.email, password);
    const as = asUser(t, s);
    const out = await as({ method: 'POST', url: '/api/auth/sign-out' });
    expect(out.json()).toEqual({ ok: true });
    expect(out.cookies.find((c) => c.name === 'pc_session')?.value).toBe('');
    const me = await as({ method: 'GET', url: '/api/me' });
    expect(me.statusCode).toBe(401);
    expect(me.json().code).toBe('common.unauthenticated');
    const audit = await t.db.query<{ action: string }>(
      "select action from audit_log where entity_id = $1 and action like 'user.sign%' order by at, id",
      [user.id],
    );
    expect(audit.rows.map((r) => r.action).sort()).toEqual(['user.signed_in', 'user.signed_out']);
    // signing out without a session is harmless
    expect((await asUser(t, await getCsrf(t))({ method: 'POST', url: '/api/auth/sign-out' })).json()).toEqual(
      { ok: true },
    );
  });

  it('expires sessions after 7 days without use, sliding while used', async () => {
    const { user, password } = await createPartnerWithAdmin(t);
    const as = asUser(t, await signIn(t, user.email, password));
    t.clock.advance(6 * 24 * 3600_000);
    const used = await as({ method: 'GET', url: '/api/me' });
    expect(used.statusCode).toBe(200);
    expect(used.cookies.find((c) => c.name === 'pc_session')).toBeDefined();
    t.clock.advance(6 * 24 * 3600_000);
    expect((await as({ method: 'GET', url: '/api/me' })).statusCode).toBe(200);
    t.clock.advance(7 * 24 * 3600_000 + 1);
    expect((await as({ method: 'GET', url: '/api/me' })).statusCode).toBe(401);
  });

  it('ignores unknown and garbage session cookies', async () => {
    for (const cookie of ['pc_session=nope', `pc_session=${'x'.repeat(500)}`, 'pc_session=']) {
      const res = await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } });
      expect(res.statusCode).toBe(401);
    }
  });
});
