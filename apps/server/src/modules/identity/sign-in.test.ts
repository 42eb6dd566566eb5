import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asUser, createOperator, createPartnerWithAdmin, getCsrf, signIn } from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/index.ts';

describe('sign-in', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('signs in a partner admin and returns Me', async () => {
    const { user, partner, password } = await createPartnerWithAdmin(t);
    const s = await signIn(t, user.email, password);
    const me = await asUser(t, s)({ method: 'GET', url: '/api/me' });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      id: user.id,
      userType: 'partner',
      roles: ['admin'],
      partner: { id: partner.id, domainId: partner.domainId },
      siteBanner: null,
      accountKind: 'local',
      federatedProfileUrl: null,
    });
  });

  it('signs in an operator', async () => {
    const { user, password } = await createOperator(t, ['finance']);
    const s = await signIn(t, user.email, password);
    const me = await asUser(t, s)({ method: 'GET', url: '/api/me' });
    expect(me.json()).toMatchObject({ userType: 'operator', roles: ['finance'], partner: null });
  });

  it('refuses unsafe requests without the CSRF token', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: 'a@b.cn', password: 'x' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('common.csrf');
    const c = await getCsrf(t);
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: { cookie: c.cookie, 'x-csrf-token': `${c.csrf}x` },
      payload: { email: 'a@b.cn', password: 'x' },
    });
    expect(bad.statusCode).toBe(403);
  });
});
