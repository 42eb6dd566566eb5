import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  asUser,
  createOperator,
  createPartnerWithAdmin,
  getCsrf,
  signIn,
  TEST_PASSWORD,
} from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/index.ts';
import { totpCode } from './totp.ts';

const sessionCookie = (res: LightMyRequestResponse) =>
  res.cookies.find((c) => c.name === 'pc_session')?.value;

describe('TOTP second factor and recovery codes', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const passwordStep = async (email: string, ip = '203.0.113.9') => {
    const anon = asUser(t, await getCsrf(t));
    const res = await anon({
      method: 'POST',
      url: '/api/auth/sign-in',
      remoteAddress: ip,
      payload: { email, password: TEST_PASSWORD },
    });
    return { anon, res };
  };

  it('makes an operator enrol before reaching the console, then asks for a code every time', async () => {
    const { user } = await createOperator(t, ['admin']);
    const { anon, res } = await passwordStep(user.email);
    expect(res.statusCode).toBe(200);
    expect(sessionCookie(res)).toBeUndefined();
    const { secondFactor } = res.json();
    expect(secondFactor.kind).toBe('enrol');

    const enrol = await anon({
      method: 'POST',
      url: '/api/auth/sign-in/enrol',
      payload: { ticket: secondFactor.ticket },
    });
    expect(enrol.statusCode).toBe(200);
    const { secret, uri } = enrol.json();
    expect(uri).toMatch(/^otpauth:\/\/totp\/Partner%20Center:.+secret=/);
    expect(uri).toContain(secret);

    const wrong = await anon({
      method: 'POST',
      url: '/api/auth/sign-in/enrol/confirm',
      payload: {
        ticket: secondFactor.ticket,
        code: totpCode(secret, new Date(t.clock.now().getTime() + 600_000)),
      },
    });
    expect(wrong.json().code).toBe('identity.totp_invalid');
    const code = totpCode(secret, t.clock.now());
    const done = await anon({
      method: 'POST',
      url: '/api/auth/sign-in/enrol/confirm',
      payload: { ticket: secondFactor.ticket, code },
    });
    expect(done.statusCode).toBe(200);
    expect(done.json().user).toMatchObject({ userType: 'operator', email: user.email });
    const recoveryCodes: string[] = done.json().recoveryCodes;
    expect(recoveryCodes).toHaveLength(10);
    expect(sessionCookie(done)).toBeTruthy();
    const stored = await t.db.query<{ code_hash: string; secret_sealed: string }>(
      'select r.code_hash, s.secret_sealed from recovery_codes r join user_totp s on s.user_id = r.user_id where r.user_id = $1',
      [user.id],
    );
    expect(stored.rows).toHaveLength(10);
    expect(JSON.stringify(stored.rows)).not.toContain(recoveryCodes[0]!);
    expect(JSON.stringify(stored.rows)).not.toContain(secret);

    // Next sign-in: a code is asked for; the code already used is refused (RFC 6238 §5.2).
    const next = await passwordStep(user.email);
    expect(next.res.json().secondFactor.kind).toBe('totp');
    const ticket = next.res.json().secondFactor.ticket;
    const replay = await next.anon({
      method: 'POST',
      url: '/api/auth/sign-in/second-factor',
      payload: { ticket, code },
    });
    expect(replay.json().code).toBe('identity.totp_invalid');
    t.clock.advance(30_000);
    const fresh = await next.anon({
      method: 'POST',
      url: '/api/auth/sign-in/second-factor',
      payload: { ticket, code: totpCode(secret, t.clock.now()) },
    });
    expect(fresh.statusCode).toBe(200);
    expect(fresh.json()).toMatchObject({ user: { email: user.email }, recoveryCodesLeft: 10 });

    // A recovery code works once.
    const third = await passwordStep(user.email);
    const t3 = third.res.json().secondFactor.ticket;
    const rec = await third.anon({
      method: 'POST',
      url: '/api/auth/sign-in/second-factor',
      payload: { ticket: t3, recoveryCode: recoveryCodes[0]!.toUpperCase() },
    });
    expect(rec.statusCode).toBe(200);
    expect(rec.json().recoveryCodesLeft).toBe(9);
    const recAgain = await third.anon({
      method: 'POST',
      url: '/api/auth/sign-in/second-factor',
      payload: { ticket: t3, recoveryCode: recoveryCodes[0] },
    });
    expect(recAgain.json().code).toBe('identity.totp_invalid');

    // Operators cannot turn it off; they can get new recovery codes with a current code.
    const csrf = await getCsrf(t);
    const me = asUser(t, { cookie: `pc_session=${sessionCookie(rec)}; ${csrf.cookie}`, csrf: csrf.csrf });
    t.clock.advance(30_000);
    const off = await me({
      method: 'POST',
      url: '/api/me/totp/disable',
      payload: { code: totpCode(secret, t.clock.now()) },
    });
    expect(off.json().code).toBe('identity.totp_required');
    const regen = await me({
      method: 'POST',
      url: '/api/me/totp/recovery-codes',
      payload: { code: totpCode(secret, t.clock.now()) },
    });
    expect(regen.statusCode).toBe(200);
    expect(regen.json().recoveryCodes).toHaveLength(10);
    expect(regen.json().recoveryCodes).not.toContain(recoveryCodes[1]);
    const actions = await t.db.query<{ action: string }>(
      'select action from audit_log where entity_id = $1 order by id',
      [user.id],
    );
    expect(actions.rows.map((r) => r.action)).toEqual(
      expect.arrayContaining([
        'user.totp_enabled',
        'user.second_factor_failed',
        'user.recovery_codes_regenerated',
      ]),
    );
  });

  it('throttles guessing on the code step with 429 and Retry-After', async () => {
    const { user } = await createOperator(t, ['support']);
    const { anon, res } = await passwordStep(user.email, '203.0.113.20');
    const ticket = res.json().secondFactor.ticket;
    await anon({ method: 'POST', url: '/api/auth/sign-in/enrol', payload: { ticket } });
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      const r = await anon({
        method: 'POST',
        url: '/api/auth/sign-in/enrol/confirm',
        remoteAddress: '203.0.113.20',
        payload: { ticket, code: String(100000 + i) },
      });
      statuses.push(r.statusCode);
      if (r.statusCode === 429) expect(Number(r.headers['retry-after'])).toBeGreaterThan(0);
    }
    expect(statuses.slice(0, 10).every((s) => s === 400)).toBe(true);
    expect(statuses[10]).toBe(429);
  });

  it('refuses a forged or expired ticket', async () => {
    const { user } = await createOperator(t, ['finance']);
    const { anon, res } = await passwordStep(user.email);
    const ticket: string = res.json().secondFactor.ticket;
    const forged = await anon({
      method: 'POST',
      url: '/api/auth/sign-in/enrol',
      payload: { ticket: `${ticket.slice(0, -3)}abc` },
    });
    expect(forged.json().code).toBe('identity.sign_in_ticket_invalid');
    t.clock.advance(11 * 60_000);
    const late = await anon({ method: 'POST', url: '/api/auth/sign-in/enrol', payload: { ticket } });
    expect(late.statusCode).toBe(401);
  });

  it('is optional for partner users: turned on from the security page, then asked at sign-in, then off', async () => {
    const { user } = await createPartnerWithAdmin(t);
    const me = asUser(t, await signIn(t, user.email, TEST_PASSWORD));
    expect((await me({ method: 'GET', url: '/api/me/totp' })).json()).toEqual({
      enabled: false,
      required: false,
      recoveryCodesLeft: 0,
    });
    const { secret } = (await me({ method: 'POST', url: '/api/me/totp/setup' })).json();
    const on = await me({
      method: 'POST',
      url: '/api/me/totp/confirm',
      payload: { code: totpCode(secret, t.clock.now()) },
    });
    expect(on.json().recoveryCodes).toHaveLength(10);
    const { res, anon } = await passwordStep(user.email);
    expect(res.json().secondFactor.kind).toBe('totp');
    t.clock.advance(30_000);
    const ok = await anon({
      method: 'POST',
      url: '/api/auth/sign-in/second-factor',
      payload: { ticket: res.json().secondFactor.ticket, code: totpCode(secret, t.clock.now()) },
    });
    expect(ok.statusCode).toBe(200);
    t.clock.advance(30_000);
    const off = await me({
      method: 'POST',
      url: '/api/me/totp/disable',
      payload: { code: totpCode(secret, t.clock.now()) },
    });
    expect(off.json()).toEqual({ ok: true });
    const after = await passwordStep(user.email);
    expect(after.res.json().user.email).toBe(user.email);
  });
});

describe('security page: sessions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('lists my sessions with device, address and times, and signs any of them or all others out', async () => {
    const { user } = await createPartnerWithAdmin(t);
    const ua =
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36';
    const browsers = [];
    for (const ip of ['192.0.2.1', '192.0.2.2', '192.0.2.3']) {
      const anon = await getCsrf(t);
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        remoteAddress: ip,
        headers: { cookie: anon.cookie, 'x-csrf-token': anon.csrf, 'user-agent': ua },
        payload: { email: user.email, password: TEST_PASSWORD },
      });
      browsers.push(
        asUser(t, { cookie: `pc_session=${sessionCookie(res)}; ${anon.cookie}`, csrf: anon.csrf }),
      );
      t.clock.advance(1000);
    }
    const [first, second, third] = browsers as [
      (typeof browsers)[0],
      (typeof browsers)[0],
      (typeof browsers)[0],
    ];
    const list = await first({ method: 'GET', url: '/api/me/sessions' });
    expect(list.statusCode).toBe(200);
    const items = list.json().items as { id: string; device: string; ip: string; current: boolean }[];
    expect(items).toHaveLength(3);
    expect(items.filter((s) => s.current)).toHaveLength(1);
    expect(items.find((s) => s.current)).toMatchObject({ ip: '192.0.2.1', device: 'Chrome · Windows' });

    const secondId = items.find((s) => s.ip === '192.0.2.2')!.id;
    expect((await first({ method: 'POST', url: `/api/me/sessions/${secondId}/revoke` })).json()).toEqual({
      ok: true,
    });
    expect((await second({ method: 'GET', url: '/api/me' })).statusCode).toBe(401);
    expect((await first({ method: 'POST', url: `/api/me/sessions/${secondId}/revoke` })).statusCode).toBe(
      404,
    );

    expect((await first({ method: 'POST', url: '/api/me/sessions/revoke-others' })).json()).toEqual({
      revoked: 1,
    });
    expect((await third({ method: 'GET', url: '/api/me' })).statusCode).toBe(401);
    expect((await first({ method: 'GET', url: '/api/me' })).statusCode).toBe(200);
    const audit = await t.db.query<{ action: string }>('select action from audit_log where entity_id = $1', [
      user.id,
    ]);
    expect(audit.rows.map((r) => r.action)).toEqual(
      expect.arrayContaining(['user.session_revoked', 'user.other_sessions_revoked']),
    );
  });
});
