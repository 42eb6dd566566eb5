import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  asUser,
  createOperator,
  createPartnerWithAdmin,
  getCsrf,
  lastMessageTo,
  signIn,
} from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/index.ts';

const STRONG = 'Str0ng!Pass';
let n = 0;
const body = (over: Record<string, unknown> = {}) => ({
  companyName: '测试科技有限公司',
  name: '张三',
  email: `founder${++n}-${Date.now()}@signup.test`,
  password: STRONG,
  locale: 'zh-CN',
  ...over,
});

describe('sign-up and email confirmation', () => {
  let t: TestApp;
  let anon: ReturnType<typeof asUser>;
  beforeAll(async () => {
    t = await createTestApp();
    anon = asUser(t, await getCsrf(t));
  });
  afterAll(() => t.close());

  const signUp = (payload: unknown) =>
    anon({ method: 'POST', url: '/api/auth/sign-up', payload: payload as object });
  const confirm = (email: string, code: string) =>
    anon({ method: 'POST', url: '/api/auth/confirm-email', payload: { email, code } });
  const codeOf = async (email: string) =>
    String((await lastMessageTo(t, email, 'identity.email_code'))?.code);

  it('registers a company and its administrator, then confirms the email by code', async () => {
    const b = body({ email: 'Mixed.Case@Signup.Test' });
    const res = await signUp(b);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({ email: 'mixed.case@signup.test' });
    const created = await t.db.query<{ userId: string; partnerId: string }>(
      'select id as "userId", partner_id as "partnerId" from users where email = $1',
      ['mixed.case@signup.test'],
    );
    const out = created.rows[0]!;
    expect(out.partnerId).toMatch(/^prt_/);

    const partner = await t.db.query<{ domain_id: string; name: string }>(
      'select domain_id, name from partners where id = $1',
      [out.partnerId],
    );
    expect(partner.rows[0]?.domain_id).toMatch(/^[0-9a-f]{32}$/);
    expect(partner.rows[0]?.name).toBe('测试科技有限公司');

    const codes = await t.db.query<{ code_hash: string }>(
      'select code_hash from verification_codes where target = $1',
      ['mixed.case@signup.test'],
    );
    const code = await codeOf('mixed.case@signup.test');
    expect(code).toMatch(/^\d{6}$/);
    expect(codes.rows[0]?.code_hash).not.toContain(code);

    const early = await anon({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: b.email, password: STRONG },
    });
    expect(early.statusCode).toBe(403);
    expect(early.json().code).toBe('identity.email_not_verified');

    const ok = await confirm('mixed.case@signup.test', code);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ confirmed: true });
    const again = await confirm('mixed.case@signup.test', code);
    expect(again.json().code).toBe('identity.code_invalid');

    const welcome = await t.db.query(
      'select channel from notifications where template = $1 and user_id = $2',
      ['identity.welcome', out.userId],
    );
    expect(welcome.rows.map((r) => (r as { channel: string }).channel).sort()).toEqual(['email', 'in_app']);

    const s = await signIn(t, b.email, STRONG);
    const me = await asUser(t, s)({ method: 'GET', url: '/api/me' });
    expect(me.json()).toMatchObject({
      roles: ['admin'],
      userType: 'partner',
      partner: { id: out.partnerId },
    });

    const audit = await t.db.query<{ action: string }>(
      'select action from audit_log where partner_id = $1 order by at, id',
      [out.partnerId],
    );
    expect(audit.rows.map((r) => r.action)).toEqual(
      expect.arrayContaining([
        'partner.registered',
        'user.created',
        'user.email_confirmed',
        'user.signed_in',
      ]),
    );
  });

  it('answers a taken email (whatever its case) like a new one and tells its owner; refuses weak passwords', async () => {
    const b = body();
    const first = await signUp(b);
    expect(first.statusCode).toBe(201);
    const dup = await signUp({ ...b, email: b.email.toUpperCase(), companyName: 'Another Co' });
    expect(dup.statusCode).toBe(201);
    expect(dup.json()).toEqual(first.json());
    const mail = await lastMessageTo(t, b.email.toLowerCase(), 'identity.account_exists');
    expect(mail).toMatchObject({ email: b.email.toLowerCase() });
    const companies = await t.db.query('select 1 from partners where name = $1', ['Another Co']);
    expect(companies.rows).toHaveLength(0);
    for (const password of ['short1!', 'alllowercase', 'NoDigitsOrSymbols', '12345678901']) {
      const weak = await signUp(body({ password }));
      expect(weak.statusCode).toBe(400);
      expect(weak.json().code).toBe('identity.weak_password');
    }
    const named = body({ email: `robert${Date.now()}@signup.test` });
    const withName = await signUp({ ...named, password: `X!${named.email.split('@')[0]}9` });
    expect(withName.json().code).toBe('identity.weak_password');
  });

  it('limits sign-ups per address with 429 and Retry-After, alike for known and unknown emails', async () => {
    const from = (ip: string, payload: object) =>
      anon({ method: 'POST', url: '/api/auth/sign-up', payload, remoteAddress: ip });
    const { user } = await createPartnerWithAdmin(t);
    for (let i = 0; i < 10; i++) {
      const res = await from('10.77.0.1', i % 2 ? body() : body({ email: user.email }));
      expect(res.statusCode, `sign-up ${i}`).toBe(201);
    }
    for (const email of [user.email, 'fresh-after-limit@signup.test']) {
      const over = await from('10.77.0.1', body({ email }));
      expect(over.statusCode).toBe(429);
      expect(over.json().code).toBe('common.rate_limited');
      expect(Number(over.headers['retry-after'])).toBeGreaterThan(0);
      expect(over.json().message).toContain(String(over.headers['retry-after']));
    }
    const owner = await t.db.query('select 1 from notifications where template = $1 and recipient = $2', [
      'identity.account_exists',
      user.email,
    ]);
    expect(owner.rows).toHaveLength(1); // told once an hour, not five times
    expect((await from('10.77.0.2', body())).statusCode).toBe(201);
    t.clock.advance(3600_000);
    expect((await from('10.77.0.1', body())).statusCode).toBe(201);
  });

  it('validates input: unknown fields, wrong types, bad values, malformed JSON, oversize', async () => {
    const cases: [unknown, string][] = [
      [{ ...body(), admin: true }, 'admin'],
      [{ ...body(), email: 'not-an-email' }, 'email'],
      [{ ...body(), companyName: 42 }, 'companyName'],
      [{ ...body(), locale: 'fr-FR' }, 'locale'],
      [{ ...body(), phone: '12ab' }, 'phone'],
      [{ ...body(), password: 'x'.repeat(129) }, 'password'],
      [{ ...body(), name: '' }, 'name'],
    ];
    for (const [payload, field] of cases) {
      const res = await signUp(payload);
      expect(res.statusCode, field).toBe(400);
      // A phone number has its own code (any typed form is read; E.164 is kept).
      const code = field === 'phone' ? 'identity.invalid_phone' : 'common.validation';
      expect(res.json()).toMatchObject({ code, details: { field } });
    }
    const session = await getCsrf(t);
    const headers = {
      cookie: session.cookie,
      'x-csrf-token': session.csrf,
      'content-type': 'application/json',
    };
    const malformed = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-up',
      headers,
      payload: '{"email":',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().code).toBe('common.malformed_json');
    const big = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-up',
      headers,
      payload: JSON.stringify({ ...body(), companyName: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expect(big.statusCode).toBe(413);
    expect(big.json().code).toBe('common.body_too_large');
  });

  it('limits wrong codes to five, then refuses even the right one', async () => {
    const b = body();
    await signUp(b);
    const code = await codeOf(b.email);
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < 4; i++)
      expect((await confirm(b.email, wrong)).json().code).toBe('identity.code_invalid');
    expect((await confirm(b.email, wrong)).json().code).toBe('identity.too_many_attempts');
    const right = await confirm(b.email, code);
    expect(right.statusCode).toBe(429);
    expect(right.json().code).toBe('identity.too_many_attempts');
  });

  it('expires codes after 10 minutes and resends at most once a minute', async () => {
    const b = body();
    await signUp(b);
    const first = await codeOf(b.email);
    const resend = () => anon({ method: 'POST', url: '/api/auth/resend-code', payload: { email: b.email } });
    expect((await resend()).json()).toEqual({ sent: true });
    const count = async () =>
      (await t.db.query('select 1 from verification_codes where target = $1', [b.email])).rows.length;
    expect(await count()).toBe(1);
    t.clock.advance(10 * 60_000 + 1);
    expect((await confirm(b.email, first)).json().code).toBe('identity.code_expired');
    expect((await resend()).json()).toEqual({ sent: true });
    expect(await count()).toBe(2);
    const second = await codeOf(b.email);
    if (second !== first) expect((await confirm(b.email, first)).json().code).toBe('identity.code_invalid');
    expect((await confirm(b.email, second)).statusCode).toBe(200);
  });

  it('answers resend and confirm the same for unknown or confirmed accounts', async () => {
    const { user } = await createPartnerWithAdmin(t);
    for (const email of ['nobody@nowhere.test', user.email]) {
      expect(
        (await anon({ method: 'POST', url: '/api/auth/resend-code', payload: { email } })).json(),
      ).toEqual({
        sent: true,
      });
      expect((await confirm(email, '123456')).json().code).toBe('identity.code_invalid');
    }
    const sent = await t.db.query('select 1 from notifications where recipient in ($1, $2)', [
      'nobody@nowhere.test',
      user.email,
    ]);
    expect(sent.rows).toHaveLength(0);
  });

  it('lists registrations to operators only, newest first, with pages', async () => {
    t.clock.advance(1000);
    const a = await createPartnerWithAdmin(t, { name: 'Page A' });
    t.clock.advance(1000);
    const b = await createPartnerWithAdmin(t, { name: 'Page B' });
    const op = await createOperator(t, ['reviewer']);
    const asOp = asUser(t, await signIn(t, op.user.email, op.password));
    const page1 = await asOp({ method: 'GET', url: '/api/console/partners?limit=1' });
    expect(page1.statusCode).toBe(200);
    expect(page1.json().items).toEqual([
      {
        id: b.partner.id,
        name: 'Page B',
        domainId: b.partner.domainId,
        createdAt: expect.any(String),
        adminEmail: b.user.email,
      },
    ]);
    const page2 = await asOp({
      method: 'GET',
      url: `/api/console/partners?limit=1&before=${page1.json().nextBefore}`,
    });
    expect(page2.json().items[0].id).toBe(a.partner.id);
    expect((await asOp({ method: 'GET', url: '/api/console/partners?limit=0' })).statusCode).toBe(400);
    expect((await asOp({ method: 'GET', url: '/api/console/partners?foo=1' })).statusCode).toBe(400);

    const asPartner = asUser(t, await signIn(t, a.user.email, a.password));
    const refused = await asPartner({ method: 'GET', url: '/api/console/partners' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('common.forbidden');
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/console/partners' });
    expect(anonymous.statusCode).toBe(401);
  });
});
