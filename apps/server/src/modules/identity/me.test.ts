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

describe('account profile', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({
      config: {
        intlSiteUrl: 'https://intl.example.com/',
        federatedProfileUrl: 'https://id.example.com/security',
      },
    });
  });
  afterAll(() => t.close());

  const session = async (
    opts: Parameters<typeof createPartnerUser>[3] = {},
    roles: ('admin' | 'member')[] = ['member'],
  ) => {
    const { partner } = await createPartnerWithAdmin(t);
    const { user, password } = await createPartnerUser(t, partner.id, roles, opts);
    return { user, password, partner, as: asUser(t, await signIn(t, user.email, password)) };
  };

  it('needs a session for every /api/me route, before looking at the input', async () => {
    const anon = asUser(t, await getCsrf(t));
    const calls = [
      anon({ method: 'GET', url: '/api/me' }),
      anon({ method: 'PATCH', url: '/api/me/preferences', payload: { locale: 'xx' } }),
      anon({ method: 'POST', url: '/api/me/site-banner/dismiss' }),
      anon({ method: 'PATCH', url: '/api/me/profile', payload: { name: 'x' } }),
      anon({ method: 'POST', url: '/api/me/password', payload: {} }),
      anon({ method: 'POST', url: '/api/me/contact-change', payload: {} }),
      anon({ method: 'POST', url: '/api/me/contact-change/cch_x/confirm', payload: {} }),
    ];
    for (const res of await Promise.all(calls)) {
      expect(res.statusCode).toBe(401);
      expect(res.json().code).toBe('common.unauthenticated');
    }
  });

  it('saves the language and then speaks it when the request names none', async () => {
    const { user, as } = await session();
    const res = await as({ method: 'PATCH', url: '/api/me/preferences', payload: { locale: 'en-US' } });
    expect(res.statusCode).toBe(200);
    expect(res.json().locale).toBe('en-US');
    const err = await as({ method: 'PATCH', url: '/api/me/profile', payload: { name: '' } });
    expect(err.json().message).toMatch(/^Invalid request/);
    const zh = await as({
      method: 'PATCH',
      url: '/api/me/profile',
      payload: { name: '' },
      headers: { 'x-language': 'zh-CN' },
    });
    expect(zh.json().message).toMatch(/^请求参数无效/);
    const bad = await as({ method: 'PATCH', url: '/api/me/preferences', payload: { locale: 'fr-FR' } });
    expect(bad.statusCode).toBe(400);
    const audit = await t.db.query<{ before: unknown; after: unknown }>(
      "select before, after from audit_log where entity_id = $1 and action = 'user.locale_changed'",
      [user.id],
    );
    expect(audit.rows).toEqual([{ before: { locale: 'zh-CN' }, after: { locale: 'en-US' } }]);
  });

  it('saves the time zone times are shown in, and goes back to Asia/Shanghai on null', async () => {
    const { user, as } = await session();
    expect((await as({ method: 'GET', url: '/api/me' })).json().timeZone).toBeNull();
    const set = await as({
      method: 'PATCH',
      url: '/api/me/preferences',
      payload: { timeZone: 'Europe/Berlin' },
    });
    expect(set.statusCode).toBe(200);
    expect(set.json()).toMatchObject({ timeZone: 'Europe/Berlin', locale: 'zh-CN' });
    for (const payload of [{ timeZone: 'Mars/Olympus' }, {}, { timeZone: 'Europe/Berlin', x: 1 }]) {
      const bad = await as({ method: 'PATCH', url: '/api/me/preferences', payload });
      expect(bad.statusCode).toBe(400);
    }
    const reset = await as({ method: 'PATCH', url: '/api/me/preferences', payload: { timeZone: null } });
    expect(reset.json().timeZone).toBeNull();
    const audit = await t.db.query<{ before: unknown; after: unknown }>(
      "select before, after from audit_log where entity_id = $1 and action = 'user.time_zone_changed' order by at, id",
      [user.id],
    );
    // Both at the same (frozen) test time, so their order is not known.
    expect(audit.rows).toHaveLength(2);
    expect(audit.rows).toEqual(
      expect.arrayContaining([
        { before: { timeZone: null }, after: { timeZone: 'Europe/Berlin' } },
        { before: { timeZone: 'Europe/Berlin' }, after: { timeZone: null } },
      ]),
    );
  });

  it('R1: shows accounts of the other site a banner until dismissed, per user', async () => {
    const intl = await session({ site: 'intl' });
    const me = await intl.as({ method: 'GET', url: '/api/me' });
    expect(me.json()).toMatchObject({
      site: 'intl',
      siteBanner: { show: true, url: 'https://intl.example.com/' },
    });
    expect((await intl.as({ method: 'POST', url: '/api/me/site-banner/dismiss' })).json()).toEqual({
      ok: true,
    });
    // remembered across sessions
    const again = asUser(t, await signIn(t, intl.user.email, intl.password));
    expect((await again({ method: 'GET', url: '/api/me' })).json().siteBanner).toEqual({
      show: false,
      url: 'https://intl.example.com/',
    });
    const other = await session({ site: 'intl' });
    expect((await other.as({ method: 'GET', url: '/api/me' })).json().siteBanner.show).toBe(true);
    const local = await session();
    expect((await local.as({ method: 'GET', url: '/api/me' })).json().siteBanner).toBeNull();
  });

  it('R8: a federated account links out and refuses edits here', async () => {
    const fed = await session({ accountKind: 'federated' });
    const me = (await fed.as({ method: 'GET', url: '/api/me' })).json();
    expect(me).toMatchObject({
      accountKind: 'federated',
      federatedProfileUrl: 'https://id.example.com/security',
    });
    const edits = [
      fed.as({ method: 'PATCH', url: '/api/me/profile', payload: { name: 'New' } }),
      fed.as({
        method: 'POST',
        url: '/api/me/password',
        payload: { currentPassword: fed.password, newPassword: 'Another@Pass9' },
      }),
      fed.as({
        method: 'POST',
        url: '/api/me/contact-change',
        payload: { kind: 'phone', newValue: '13800138000' },
      }),
    ];
    for (const res of await Promise.all(edits)) {
      expect(res.statusCode).toBe(409);
      expect(res.json().code).toBe('identity.federated_profile');
    }
    // the language is a preference of this site and stays editable
    expect(
      (await fed.as({ method: 'PATCH', url: '/api/me/preferences', payload: { locale: 'en-US' } }))
        .statusCode,
    ).toBe(200);
  });

  it('edits a local profile name', async () => {
    const { user, as } = await session();
    const res = await as({ method: 'PATCH', url: '/api/me/profile', payload: { name: '  新名字 ' } });
    expect(res.json().name).toBe('新名字');
    expect(
      (await as({ method: 'PATCH', url: '/api/me/profile', payload: { name: 'x', email: 'a@b.cn' } }))
        .statusCode,
    ).toBe(400);
    expect(
      (await as({ method: 'PATCH', url: '/api/me/profile', payload: { name: 'x'.repeat(65) } })).statusCode,
    ).toBe(400);
    const audit = await t.db.query(
      "select 1 from audit_log where entity_id = $1 and action = 'user.profile_changed'",
      [user.id],
    );
    expect(audit.rows).toHaveLength(1);
  });

  it('changes the password with the current one and signs out the other sessions', async () => {
    const { user, password, as } = await session();
    const other = asUser(t, await signIn(t, user.email, password));
    const change = (payload: object) => as({ method: 'POST', url: '/api/me/password', payload });
    expect((await change({ currentPassword: 'Wrong@Pass1', newPassword: 'Another@Pass9' })).json().code).toBe(
      'identity.wrong_password',
    );
    expect((await change({ currentPassword: password, newPassword: 'weak' })).json().code).toBe(
      'identity.weak_password',
    );
    expect((await change({ currentPassword: password, newPassword: password })).json().code).toBe(
      'identity.same_password',
    );
    expect((await change({ currentPassword: password })).statusCode).toBe(400);
    const ok = await change({ currentPassword: password, newPassword: 'Another@Pass9' });
    expect(ok.json()).toEqual({ ok: true });
    expect((await as({ method: 'GET', url: '/api/me' })).statusCode).toBe(200);
    expect((await other({ method: 'GET', url: '/api/me' })).statusCode).toBe(401);
    await expect(signIn(t, user.email, password)).rejects.toThrow(/401/);
    await signIn(t, user.email, 'Another@Pass9');
    expect(await lastMessageTo(t, user.email, 'identity.password_changed')).toMatchObject({
      name: user.name,
    });
    const audit = await t.db.query<{ after: unknown }>(
      "select after from audit_log where entity_id = $1 and action = 'user.password_changed'",
      [user.id],
    );
    expect(audit.rows).toEqual([{ after: { otherSessionsRevoked: 1 } }]);
  });

  it('throttles wrong current passwords', async () => {
    const { password, as } = await session();
    const change = (currentPassword: string) =>
      as({
        method: 'POST',
        url: '/api/me/password',
        payload: { currentPassword, newPassword: 'Another@Pass9' },
      });
    for (let i = 0; i < 5; i++)
      expect((await change('Wrong@Pass1')).json().code).toBe('identity.wrong_password');
    expect((await change(password)).json().code).toBe('identity.too_many_attempts');
    t.clock.advance(15 * 60_000 + 1);
    expect((await change(password)).json()).toEqual({ ok: true });
  });

  it('shows each user only their own partner and account', async () => {
    const a = await createPartnerWithAdmin(t, { name: 'Tenant A' });
    const b = await createPartnerWithAdmin(t, { name: 'Tenant B' });
    const asA = asUser(t, await signIn(t, a.user.email, a.password));
    const me = (await asA({ method: 'GET', url: '/api/me' })).json();
    expect(me).toMatchObject({ id: a.user.id, partner: { id: a.partner.id, name: 'Tenant A' } });
    expect(JSON.stringify(me)).not.toContain(b.partner.id);
    // changes through /api/me touch only the caller
    await asA({ method: 'PATCH', url: '/api/me/profile', payload: { name: 'Renamed A' } });
    const bRow = await t.db.query<{ name: string }>('select name from users where id = $1', [b.user.id]);
    expect(bRow.rows[0]?.name).toBe(b.user.name);
    // a partner admin is not an operator
    expect((await asA({ method: 'GET', url: '/api/console/partners' })).statusCode).toBe(403);
  });
});
