import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AsUser, asUser, createPartnerWithAdmin, signIn } from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/index.ts';

/** Every identity route that takes a body, with one valid-looking body to spoil. */
const ROUTES: { method: 'POST' | 'PATCH'; url: string; body: Record<string, unknown>; wrongType: string }[] =
  [
    {
      method: 'POST',
      url: '/api/auth/sign-up',
      body: { companyName: 'Co', name: 'N', email: 'a@b.cn', password: 'Str0ng!Pass', locale: 'en-US' },
      wrongType: 'locale',
    },
    {
      method: 'POST',
      url: '/api/auth/confirm-email',
      body: { email: 'a@b.cn', code: '123456' },
      wrongType: 'code',
    },
    { method: 'POST', url: '/api/auth/resend-code', body: { email: 'a@b.cn' }, wrongType: 'email' },
    {
      method: 'POST',
      url: '/api/auth/sign-in',
      body: { email: 'a@b.cn', password: 'x' },
      wrongType: 'password',
    },
    { method: 'PATCH', url: '/api/me/preferences', body: { locale: 'en-US' }, wrongType: 'locale' },
    { method: 'PATCH', url: '/api/me/profile', body: { name: 'N' }, wrongType: 'name' },
    {
      method: 'POST',
      url: '/api/me/password',
      body: { currentPassword: 'a', newPassword: 'b' },
      wrongType: 'newPassword',
    },
    {
      method: 'POST',
      url: '/api/me/contact-change',
      body: { kind: 'email', newValue: 'n@b.cn' },
      wrongType: 'kind',
    },
    {
      method: 'POST',
      url: '/api/me/contact-change/cch_x/confirm',
      body: { oldCode: '123456', newCode: '123456' },
      wrongType: 'oldCode',
    },
  ];

describe('identity routes refuse bad input with a coded 4xx, never 500', () => {
  let t: TestApp;
  let as: AsUser;
  beforeAll(async () => {
    t = await createTestApp();
    const { user, password } = await createPartnerWithAdmin(t);
    as = asUser(t, await signIn(t, user.email, password));
  });
  afterAll(() => t.close());

  for (const r of ROUTES) {
    it(`${r.method} ${r.url}`, async () => {
      const json = { 'content-type': 'application/json' };
      const send = (payload: string) => as({ method: r.method, url: r.url, headers: json, payload });
      const expectCode = async (payload: string, status: number, code: string, field?: string) => {
        const res = await send(payload);
        expect(res.statusCode, payload.slice(0, 60)).toBe(status);
        expect(res.json().code).toBe(code);
        if (field) expect(res.json().details.field).toBe(field);
      };
      await expectCode('{"broken":', 400, 'common.malformed_json');
      await expectCode('', 400, 'common.malformed_json');
      await expectCode(JSON.stringify({ ...r.body, extra: 1 }), 400, 'common.validation', 'extra');
      await expectCode(
        JSON.stringify({ ...r.body, [r.wrongType]: 12 }),
        400,
        'common.validation',
        r.wrongType,
      );
      await expectCode(JSON.stringify([r.body]), 400, 'common.validation');
      await expectCode(
        JSON.stringify({ ...r.body, pad: 'x'.repeat(1024 * 1024) }),
        413,
        'common.body_too_large',
      );
      const text = await as({
        method: r.method,
        url: r.url,
        headers: { 'content-type': 'text/plain' },
        payload: 'hi',
      });
      expect(text.json().code).toBe('common.validation');
      const xml = await as({
        method: r.method,
        url: r.url,
        headers: { 'content-type': 'application/xml' },
        payload: '<a/>',
      });
      expect(xml.statusCode).toBe(415);
      expect(xml.json().code).toBe('common.unsupported_media_type');
    });
  }
});
