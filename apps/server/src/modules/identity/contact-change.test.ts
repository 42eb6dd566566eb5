import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  asUser,
  createPartnerUser,
  createPartnerWithAdmin,
  lastMessageTo,
  signIn,
} from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/index.ts';

describe('R9: phone and email changes confirmed by two codes', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  let seq = 0;
  // Stored and answered in E.164.
  const freshPhone = () =>
    `+86139${String(Date.now() % 1e6).padStart(6, '0')}${String(++seq).padStart(2, '0')}`;

  const session = async (phone?: string) => {
    const { partner } = await createPartnerWithAdmin(t);
    const { user, password } = await createPartnerUser(t, partner.id, ['member'], { phone });
    return { user, password, as: asUser(t, await signIn(t, user.email, password)) };
  };
  const code = async (target: string) =>
    String((await lastMessageTo(t, target, 'identity.contact_code'))?.code);
  const other = (c: string) => (c === '000000' ? '111111' : '000000');

  it('changes the email: one code to the old address, one to the new', async () => {
    const { user, as } = await session();
    const newEmail = `new-${seq++}-${Date.now()}@change.test`;
    const start = await as({
      method: 'POST',
      url: '/api/me/contact-change',
      payload: { kind: 'email', newValue: newEmail.toUpperCase() },
    });
    expect(start.statusCode).toBe(200);
    const { changeId, oldTarget, newTarget } = start.json();
    expect(oldTarget).toMatch(/^\w{2}\*\*\*@partner\.test$/);
    expect(newTarget).toBe(`ne***@change.test`);
    const oldCode = await code(user.email);
    const newCode = await code(newEmail);
    expect(oldCode).toMatch(/^\d{6}$/);
    expect(newCode).toMatch(/^\d{6}$/);

    const confirm = (payload: object) =>
      as({ method: 'POST', url: `/api/me/contact-change/${changeId}/confirm`, payload });
    expect((await confirm({ oldCode: other(oldCode), newCode })).json().code).toBe('identity.code_invalid');
    expect((await confirm({ oldCode, newCode: other(newCode) })).json().code).toBe('identity.code_invalid');
    const ok = await confirm({ oldCode, newCode });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().email).toBe(newEmail);
    // single use
    expect((await confirm({ oldCode, newCode })).json().code).toBe('identity.change_closed');
    // the old address is told, and signing in uses the new one
    expect(await lastMessageTo(t, user.email, 'identity.contact_changed')).toMatchObject({
      newTarget: 'ne***@change.test',
    });
    await signIn(t, newEmail, 'Test@Pass2026');
    const audit = await t.db.query<{ before: unknown; after: unknown }>(
      "select before, after from audit_log where entity_id = $1 and action = 'user.contact_changed'",
      [user.id],
    );
    expect(audit.rows).toEqual([{ before: { email: user.email }, after: { email: newEmail } }]);
  });

  it('adds a first phone: the old code goes to the email, the new one by SMS', async () => {
    const { user, as } = await session();
    const phone = freshPhone();
    const start = await as({
      method: 'POST',
      url: '/api/me/contact-change',
      payload: { kind: 'phone', newValue: phone },
    });
    expect(start.json().newTarget).toBe(`${phone.slice(3, 6)}****${phone.slice(-4)}`);
    const sms = await t.db.query<{ channel: string }>(
      'select channel from notifications where recipient = $1',
      [phone],
    );
    expect(sms.rows).toEqual([{ channel: 'sms' }]);
    const res = await as({
      method: 'POST',
      url: `/api/me/contact-change/${start.json().changeId}/confirm`,
      payload: { oldCode: await code(user.email), newCode: await code(phone) },
    });
    expect(res.json().phone).toBe(phone);
  });

  it('changes an existing phone with codes to both phones', async () => {
    const oldPhone = freshPhone();
    const { as } = await session(oldPhone);
    const phone = freshPhone();
    const start = await as({
      method: 'POST',
      url: '/api/me/contact-change',
      payload: { kind: 'phone', newValue: phone },
    });
    const res = await as({
      method: 'POST',
      url: `/api/me/contact-change/${start.json().changeId}/confirm`,
      payload: { oldCode: await code(oldPhone), newCode: await code(phone) },
    });
    expect(res.json().phone).toBe(phone);
  });

  it('refuses the same contact and malformed values (a taken one: code-limits.test.ts)', async () => {
    const phone = freshPhone();
    const { user, as } = await session(phone);
    const taken = await session(freshPhone());
    const start = (payload: object) => as({ method: 'POST', url: '/api/me/contact-change', payload });
    expect((await start({ kind: 'email', newValue: user.email })).json().code).toBe('identity.same_contact');
    expect((await start({ kind: 'phone', newValue: phone })).json().code).toBe('identity.same_contact');
    t.clock.advance(61_000);
    expect((await start({ kind: 'email', newValue: taken.user.email })).statusCode).toBe(200);
    expect((await start({ kind: 'phone', newValue: 'abc-def' })).json().code).toBe('identity.invalid_phone');
    expect((await start({ kind: 'email', newValue: 'nope' })).json().code).toBe('identity.invalid_email');
    expect((await start({ kind: 'fax', newValue: '12345' })).json().code).toBe('common.validation');
    expect((await start({ kind: 'email', newValue: 'a@b.cn', extra: 1 })).json().code).toBe(
      'common.validation',
    );
  });

  it('sends at most one code a minute per contact', async () => {
    const { as } = await session();
    const start = (newValue: string) =>
      as({ method: 'POST', url: '/api/me/contact-change', payload: { kind: 'email', newValue } });
    expect((await start(`a-${Date.now()}@rate.test`)).statusCode).toBe(200);
    const again = await start(`b-${Date.now()}@rate.test`);
    expect(again.statusCode).toBe(429);
    expect(again.json()).toMatchObject({ code: 'identity.code_rate_limited', details: { retryAfter: 60 } });
    t.clock.advance(60_000);
    expect((await start(`c-${Date.now()}@rate.test`)).statusCode).toBe(200);
  });

  it('stops after five wrong codes and expires after ten minutes', async () => {
    const { user, as } = await session();
    const first = await as({
      method: 'POST',
      url: '/api/me/contact-change',
      payload: { kind: 'phone', newValue: freshPhone() },
    });
    const url = `/api/me/contact-change/${first.json().changeId}/confirm`;
    const phone = first.json().newTarget;
    expect(phone).toContain('****');
    const oldCode = await code(user.email);
    for (let i = 0; i < 4; i++) {
      expect(
        (await as({ method: 'POST', url, payload: { oldCode: other(oldCode), newCode: '123456' } }))
          .statusCode,
      ).toBe(400);
    }
    const fifth = await as({ method: 'POST', url, payload: { oldCode: other(oldCode), newCode: '123456' } });
    expect(fifth.json().code).toBe('identity.too_many_attempts');
    t.clock.advance(61_000);
    const newPhone = freshPhone();
    const second = await as({
      method: 'POST',
      url: '/api/me/contact-change',
      payload: { kind: 'phone', newValue: newPhone },
    });
    const url2 = `/api/me/contact-change/${second.json().changeId}/confirm`;
    const codes = { oldCode: await code(user.email), newCode: await code(newPhone) };
    t.clock.advance(10 * 60_000 + 1);
    expect((await as({ method: 'POST', url: url2, payload: codes })).json().code).toBe(
      'identity.code_expired',
    );
  });

  it('keeps each user to their own changes', async () => {
    const a = await session();
    const b = await session();
    const phone = freshPhone();
    const start = await a.as({
      method: 'POST',
      url: '/api/me/contact-change',
      payload: { kind: 'phone', newValue: phone },
    });
    const stolen = await b.as({
      method: 'POST',
      url: `/api/me/contact-change/${start.json().changeId}/confirm`,
      payload: { oldCode: await code(a.user.email), newCode: await code(phone) },
    });
    expect(stolen.statusCode).toBe(404);
    expect((await b.as({ method: 'GET', url: '/api/me' })).json().phone).toBeNull();
  });
});
