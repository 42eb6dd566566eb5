import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AsUser,
  asUser,
  createOperator,
  createPartnerUser,
  createPartnerWithAdmin,
  getCsrf,
  lastMessageTo,
  type PartnerWithAdmin,
  signIn,
  TEST_PASSWORD,
} from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/index.ts';

const tokenOf = (url: unknown) => new URL(String(url)).searchParams.get('token') ?? '';

describe('organization: invitations, members and roles', () => {
  let t: TestApp;
  let a: PartnerWithAdmin;
  let b: PartnerWithAdmin;
  let asA: AsUser;
  let asB: AsUser;
  let asAMember: AsUser;
  let memberId: string;

  const anon = async (opts: Parameters<AsUser>[0]) => {
    const s = await getCsrf(t);
    return t.app.inject({ ...opts, headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, ...opts.headers } });
  };
  const invite = async (as: AsUser, email: string, roles = ['member'], extra: object = {}) =>
    as({ method: 'POST', url: '/api/organization/invitations', payload: { email, roles, ...extra } });

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set('2026-03-02T02:00:00Z');
    a = await createPartnerWithAdmin(t, { locale: 'en-US', name: 'Acme Cloud' });
    b = await createPartnerWithAdmin(t);
    const m = await createPartnerUser(t, a.partner.id);
    memberId = m.user.id;
    asA = asUser(t, await signIn(t, a.user.email, a.password));
    asB = asUser(t, await signIn(t, b.user.email, b.password));
    asAMember = asUser(t, await signIn(t, m.user.email, m.password));
  });
  afterAll(() => t.close());

  it('invites by email: pending in the list, an email with the link in the chosen language, audited', async () => {
    const res = await invite(asA, 'New.Person@Example.com', ['member', 'project_specialist'], {
      name: 'New Person',
      locale: 'zh-CN',
    });
    expect(res.statusCode, res.body).toBe(201);
    const inv = res.json();
    expect(inv).toMatchObject({
      email: 'new.person@example.com',
      name: 'New Person',
      roles: ['member', 'project_specialist'],
      status: 'pending',
      invitedBy: { id: a.user.id },
      expiresAt: '2026-03-09T02:00:00.000Z',
    });
    const mail = await lastMessageTo(t, 'new.person@example.com', 'organization.invitation');
    expect(mail?.partnerName).toBe('Acme Cloud');
    expect(String(mail?.acceptUrl)).toMatch(/\/invitations\/accept\?token=/);
    const body = await t.db.query<{ subject: string }>(
      `select subject from notifications where recipient = $1`,
      ['new.person@example.com'],
    );
    expect(body.rows[0]?.subject).toMatch(/邀请您加入 Acme Cloud/);
    const list = (await asA({ method: 'GET', url: '/api/organization/invitations?status=pending' })).json();
    expect(list.items.map((i: { id: string }) => i.id)).toContain(inv.id);
    const audit = await t.db.query(
      `select 1 from audit_log where entity_id = $1 and action = 'member_invitation.sent'`,
      [inv.id],
    );
    expect(audit.rows).toHaveLength(1);
  });

  it('refuses a second pending invitation, a registered address and bad roles, changing nothing', async () => {
    await invite(asA, 'twice@example.com');
    const again = await invite(asA, 'TWICE@example.com');
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('organization.invitation_pending');
    expect(again.json().message).toMatch(/already pending/);
    const taken = await invite(asA, b.user.email, ['member'], {});
    expect(taken.statusCode).toBe(409);
    expect(taken.json().code).toBe('organization.email_registered');
    for (const roles of [['admin', 'member'], ['project_specialist'], []]) {
      const bad = await invite(asA, 'roles@example.com', roles);
      expect(bad.statusCode, JSON.stringify(roles)).toBe(400);
    }
    const zh = await asA({
      method: 'POST',
      url: '/api/organization/invitations',
      headers: { 'x-language': 'zh-CN' },
      payload: { email: 'roles@example.com', roles: ['admin', 'member'] },
    });
    expect(zh.json().message).toBe('角色须为“管理员”或“成员”之一，可另加“项目专员”');
    const unknown = await invite(asA, 'x@example.com', ['member'], { admin: true });
    expect(unknown.statusCode).toBe(400);
    const count = await t.db.query(
      `select 1 from member_invitations where email in ('roles@example.com', 'x@example.com')`,
    );
    expect(count.rows).toHaveLength(0);
  });

  it('the link shows the invitation; accepting creates a member who can sign in with the invited roles', async () => {
    await invite(asA, 'joiner@example.com', ['member', 'project_specialist'], { name: 'Jo' });
    const token = tokenOf((await lastMessageTo(t, 'joiner@example.com'))?.acceptUrl);
    const shown = await t.app.inject({ method: 'GET', url: `/api/invitations/${token}` });
    expect(shown.statusCode).toBe(200);
    expect(shown.json()).toMatchObject({
      partnerName: 'Acme Cloud',
      email: 'joiner@example.com',
      status: 'pending',
    });

    const weak = await anon({
      method: 'POST',
      url: '/api/invitations/accept',
      payload: { token, name: 'Jo Joiner', password: 'short' },
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().code).toBe('identity.weak_password');

    const ok = await anon({
      method: 'POST',
      url: '/api/invitations/accept',
      payload: { token, name: 'Jo Joiner', password: TEST_PASSWORD, phone: '138-0013-9001' },
    });
    expect(ok.statusCode, ok.body).toBe(201);
    const session = await signIn(t, 'joiner@example.com', TEST_PASSWORD);
    const me = (await asUser(t, session)({ method: 'GET', url: '/api/me' })).json();
    expect(me).toMatchObject({ name: 'Jo Joiner' });
    const members = (await asA({ method: 'GET', url: '/api/organization/members' })).json().items;
    expect(members.find((m: { email: string }) => m.email === 'joiner@example.com')).toMatchObject({
      roles: ['member', 'project_specialist'],
      phone: '+8613800139001',
      status: 'active',
    });
    const specialists = (await asA({ method: 'GET', url: '/api/organization/project-specialists' })).json()
      .items;
    expect(specialists.map((m: { email: string }) => m.email)).toEqual(['joiner@example.com']);

    const twice = await anon({
      method: 'POST',
      url: '/api/invitations/accept',
      payload: { token, name: 'Again', password: TEST_PASSWORD },
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('organization.invitation_accepted');
    const list = (await asA({ method: 'GET', url: '/api/organization/invitations?status=accepted' })).json();
    expect(list.items.map((i: { email: string }) => i.email)).toEqual(['joiner@example.com']);
    expect(await lastMessageTo(t, a.user.email, 'organization.invitation_accepted')).toMatchObject({
      memberName: 'Jo Joiner',
    });
  });

  it('two accepts of one link at once: exactly one account', async () => {
    await invite(asA, 'race@example.com');
    const token = tokenOf((await lastMessageTo(t, 'race@example.com'))?.acceptUrl);
    const results = await Promise.all(
      [1, 2].map(() =>
        anon({
          method: 'POST',
          url: '/api/invitations/accept',
          payload: { token, name: 'Racer', password: TEST_PASSWORD },
        }),
      ),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const users = await t.db.query(`select 1 from users where email = 'race@example.com'`);
    expect(users.rows).toHaveLength(1);
  });

  it('a revoked link stops working; revoking twice is refused', async () => {
    const inv = (await invite(asA, 'revoked@example.com')).json();
    const token = tokenOf((await lastMessageTo(t, 'revoked@example.com'))?.acceptUrl);
    const res = await asA({ method: 'POST', url: `/api/organization/invitations/${inv.id}/revoke` });
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('revoked');
    const again = await asA({ method: 'POST', url: `/api/organization/invitations/${inv.id}/revoke` });
    expect(again.json().code).toBe('organization.invitation_revoked');
    const accept = await anon({
      method: 'POST',
      url: '/api/invitations/accept',
      payload: { token, name: 'Late', password: TEST_PASSWORD },
    });
    expect(accept.json().code).toBe('organization.invitation_revoked');
    // Once revoked, the address can be invited again.
    expect((await invite(asA, 'revoked@example.com')).statusCode).toBe(201);
  });

  it('an unknown link gets a clear 404', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/invitations/${'x'.repeat(43)}` });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('organization.invitation_not_found');
  });

  it('assigns roles; refuses invalid sets and removing the last administrator', async () => {
    const res = await asA({
      method: 'PUT',
      url: `/api/organization/members/${memberId}/roles`,
      payload: { roles: ['project_specialist', 'member'] },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().roles).toEqual(['member', 'project_specialist']);
    const audit = await t.db.query(
      `select 1 from audit_log where entity_id = $1 and action = 'user.roles_changed'`,
      [memberId],
    );
    expect(audit.rows).toHaveLength(1);
    const bad = await asA({
      method: 'PUT',
      url: `/api/organization/members/${memberId}/roles`,
      payload: { roles: ['admin', 'member'] },
    });
    expect(bad.json().code).toBe('organization.roles_invalid');
    const last = await asA({
      method: 'PUT',
      url: `/api/organization/members/${a.user.id}/roles`,
      payload: { roles: ['member'] },
    });
    expect(last.statusCode).toBe(409);
    expect(last.json().code).toBe('organization.last_admin');
    const self = await asA({ method: 'POST', url: `/api/organization/members/${a.user.id}/deactivate` });
    expect(self.json().code).toBe('organization.self_deactivate');
  });

  it('two administrators demoting each other at once: exactly one succeeds, one admin remains', async () => {
    const p = await createPartnerWithAdmin(t);
    const second = await createPartnerUser(t, p.partner.id, ['admin']);
    const as1 = asUser(t, await signIn(t, p.user.email, p.password));
    const as2 = asUser(t, await signIn(t, second.user.email, second.password));
    const [r1, r2] = await Promise.all([
      as1({
        method: 'PUT',
        url: `/api/organization/members/${second.user.id}/roles`,
        payload: { roles: ['member'] },
      }),
      as2({
        method: 'PUT',
        url: `/api/organization/members/${p.user.id}/roles`,
        payload: { roles: ['member'] },
      }),
    ]);
    expect([r1.statusCode, r2.statusCode].sort()).toEqual([200, 409]);
    const admins = await t.db.query(`select 1 from users where partner_id = $1 and 'admin' = any(roles)`, [
      p.partner.id,
    ]);
    expect(admins.rows).toHaveLength(1);
  });

  it('a deactivated member cannot sign in or use the session; reactivation restores sign-in', async () => {
    const m = await createPartnerUser(t, a.partner.id);
    const asM = asUser(t, await signIn(t, m.user.email, m.password));
    const res = await asA({ method: 'POST', url: `/api/organization/members/${m.user.id}/deactivate` });
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('inactive');
    expect((await asM({ method: 'GET', url: '/api/organization/me/qualifications' })).statusCode).toBe(401);
    await expect(signIn(t, m.user.email, m.password)).rejects.toThrow();
    await asA({ method: 'POST', url: `/api/organization/members/${m.user.id}/reactivate` });
    await expect(signIn(t, m.user.email, m.password)).resolves.toBeTruthy();
  });

  it('members are refused the administrator routes; another company sees and changes nothing', async () => {
    for (const req of [
      { method: 'GET' as const, url: '/api/organization/members' },
      { method: 'GET' as const, url: '/api/organization/invitations' },
      { method: 'GET' as const, url: '/api/organization/qualifications' },
      {
        method: 'POST' as const,
        url: '/api/organization/invitations',
        payload: { email: 'm@example.com', roles: ['member'] },
      },
      {
        method: 'PUT' as const,
        url: `/api/organization/members/${memberId}/roles`,
        payload: { roles: ['admin'] },
      },
    ]) {
      const res = await asAMember(req);
      expect(res.statusCode, req.url).toBe(403);
    }
    const inv = (await invite(asA, 'private@example.com')).json();
    const revoke = await asB({ method: 'POST', url: `/api/organization/invitations/${inv.id}/revoke` });
    expect(revoke.statusCode).toBe(404);
    const roles = await asB({
      method: 'PUT',
      url: `/api/organization/members/${memberId}/roles`,
      payload: { roles: ['admin'] },
    });
    expect(roles.statusCode).toBe(404);
    expect(roles.json().code).toBe('organization.member_not_found');
    for (const url of [`/api/organization/members/${memberId}/qualifications`]) {
      expect((await asB({ method: 'GET', url })).statusCode).toBe(404);
    }
    const deact = await asB({ method: 'POST', url: `/api/organization/members/${memberId}/deactivate` });
    expect(deact.statusCode).toBe(404);
    const listB = (await asB({ method: 'GET', url: '/api/organization/invitations' })).json();
    expect(listB.items).toEqual([]);
    const membersB = (await asB({ method: 'GET', url: '/api/organization/members' })).json();
    expect(membersB.items.map((m: { id: string }) => m.id)).toEqual([b.user.id]);
    const still = await t.db.query<{ roles: string[]; status: string }>(
      `select roles, status from users where id = $1`,
      [memberId],
    );
    expect(still.rows[0]).toMatchObject({ roles: ['member', 'project_specialist'], status: 'active' });
    expect((await t.app.inject({ method: 'GET', url: '/api/organization/members' })).statusCode).toBe(401);
  });

  it('operators read a partner’s organization on the console; partners cannot', async () => {
    const op = await createOperator(t, ['reviewer']);
    const asOp = asUser(t, await signIn(t, op.user.email, op.password));
    const res = await asOp({ method: 'GET', url: `/api/console/partners/${a.partner.id}/organization` });
    expect(res.statusCode).toBe(200);
    expect(res.json().members.length).toBeGreaterThan(2);
    expect(res.json().invitations.length).toBeGreaterThan(2);
    const q = await asOp({ method: 'GET', url: `/api/console/partners/${a.partner.id}/qualifications` });
    expect(q.statusCode).toBe(200);
    expect(
      (await asA({ method: 'GET', url: `/api/console/partners/${a.partner.id}/organization` })).statusCode,
    ).toBe(403);
  });
  it('after 7 days a pending invitation shows as expired and its link is refused; a new one can be sent', async () => {
    // Sessions last a week: sign in again at the moved clock.
    t.clock.set('2026-04-01T02:00:00Z');
    asA = asUser(t, await signIn(t, a.user.email, a.password));
    const inv = (await invite(asA, 'slow@example.com')).json();
    const token = tokenOf((await lastMessageTo(t, 'slow@example.com'))?.acceptUrl);
    t.clock.set('2026-04-08T02:00:01Z');
    asA = asUser(t, await signIn(t, a.user.email, a.password));
    const list = (await asA({ method: 'GET', url: '/api/organization/invitations?status=expired' })).json();
    expect(list.items.map((i: { id: string }) => i.id)).toContain(inv.id);
    const accept = await anon({
      method: 'POST',
      url: '/api/invitations/accept',
      payload: { token, name: 'Slow', password: TEST_PASSWORD },
    });
    expect(accept.statusCode).toBe(409);
    expect(accept.json().code).toBe('organization.invitation_expired');
    const revoke = await asA({ method: 'POST', url: `/api/organization/invitations/${inv.id}/revoke` });
    expect(revoke.json().code).toBe('organization.invitation_expired');
    const fresh = await invite(asA, 'slow@example.com');
    expect(fresh.statusCode).toBe(201);
    const rows = await t.db.query<{ status: string }>(
      `select status from member_invitations where email = 'slow@example.com' order by created_at`,
    );
    expect(rows.rows.map((r) => r.status)).toEqual(['expired', 'pending']);
  });
});
