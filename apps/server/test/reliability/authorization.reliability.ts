import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../app.ts';
import { createPartnerWithAdmin, getCsrf } from '../factories.ts';
import { record } from './record.ts';

/**
 * The parts of authorization that are not per route (those are in test/tenancy.test.ts, which the
 * reliability run includes): CSRF from a foreign origin, cookie flags behind HTTPS, security headers.
 */
describe('reliability: authorization', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ config: { publicUrl: 'https://partner.example.com' } });
  });
  afterAll(() => t.close());

  it('refuses cross-site writes, sets strict cookies and security headers', async () => {
    const p = await createPartnerWithAdmin(t);
    const anon = await getCsrf(t);
    const signIn = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: { cookie: anon.cookie, 'x-csrf-token': anon.csrf },
      payload: { email: p.user.email, password: p.password },
    });
    const session = signIn.cookies.find((c) => c.name === 'pc_session');
    const csrfCookie = (await t.app.inject({ method: 'GET', url: '/api/auth/csrf' })).cookies.find(
      (c) => c.name === 'pc_csrf',
    );
    const cookie = `pc_session=${session?.value}; ${anon.cookie}`;
    // A foreign page can make the browser send the cookies, never read them into the header.
    const crossSite = await Promise.all(
      [
        { method: 'PATCH' as const, url: '/api/me/profile', payload: { name: 'x' } },
        { method: 'POST' as const, url: '/api/developer/keys', payload: { name: 'x' } },
        {
          method: 'POST' as const,
          url: '/%61pi/auth/sign-in',
          payload: { email: p.user.email, password: p.password },
        },
        { method: 'POST' as const, url: '/api/auth/sign-out', payload: {} },
      ].map((r) =>
        t.app.inject({
          ...r,
          headers: { cookie, origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
        }),
      ),
    );
    const me = await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } });
    const page = await t.app.inject({ method: 'GET', url: '/' });
    const api = me.headers;
    const csp = String(page.headers['content-security-policy'] ?? api['content-security-policy'] ?? '');
    const figures = {
      crossSiteWrites: crossSite.map((r) => r.statusCode),
      sessionCookie: { httpOnly: session?.httpOnly, sameSite: session?.sameSite, secure: session?.secure },
      csrfCookie: { sameSite: csrfCookie?.sameSite, secure: csrfCookie?.secure },
      headers: {
        csp,
        xContentTypeOptions: api['x-content-type-options'],
        cacheControl: api['cache-control'],
        frameOptions: api['x-frame-options'] ?? null,
      },
    };
    record('authorization', figures);
    expect(crossSite.every((r) => r.statusCode === 403)).toBe(true);
    expect(me.statusCode).toBe(200);
    expect(session).toMatchObject({ httpOnly: true, secure: true });
    expect(['Lax', 'Strict', 'lax', 'strict']).toContain(session?.sameSite);
    expect(csrfCookie?.secure).toBe(true);
    expect(csp).toMatch(/frame-ancestors '(none|self)'/);
    const scripts = csp.split(';').find((d) => d.trim().startsWith('script-src '));
    expect(scripts).toBe("script-src 'self'");
    expect(api['x-content-type-options']).toBe('nosniff');
    expect(String(api['cache-control'])).toContain('no-store');
  });
});
