import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AsUser,
  asUser,
  createOperator,
  createPartnerWithAdmin,
  createTestApp,
  getCsrf,
  lastMessageTo,
  signIn,
  TEST_PASSWORD,
  type TestApp,
} from '../../../test/index.ts';
import { startSmtp, type TestSmtp } from '../../../test/smtp.ts';
import { AppError } from '../../platform/errors/errors.ts';
import { type JobRuntime, startJobRuntime } from '../../platform/jobs/runtime.ts';

let seq = 0;
const email = (tag: string) => `${tag}-${Date.now().toString(36)}-${++seq}@ops.test`;
const tokenOf = (text: string) => {
  const m = /accept-invitation\?token=([^\s]+)/.exec(text);
  if (!m?.[1]) throw new Error(`no acceptance link in: ${text}`);
  return decodeURIComponent(m[1]);
};

/** The audited actions on an entity (sorted: the test clock stands still, so they share one time). */
async function auditActions(t: TestApp, entityId: string, prefix = 'operator'): Promise<string[]> {
  const r = await t.db.query<{ action: string }>('select action from audit_log where entity_id = $1', [
    entityId,
  ]);
  return r.rows
    .map((x) => x.action)
    .filter((a) => a.startsWith(prefix))
    .sort();
}

/** Accepts through the public API with a fresh anonymous session; returns the response. */
async function accept(t: TestApp, body: Record<string, unknown>) {
  const anon = await getCsrf(t);
  return t.app.inject({
    method: 'POST',
    url: '/api/operator-invitations/accept',
    headers: { cookie: anon.cookie, 'x-csrf-token': anon.csrf },
    payload: body,
  });
}

describe('operator management', () => {
  let t: TestApp;
  let smtp: TestSmtp;
  let runtime: JobRuntime;
  let admin: AsUser;
  let adminId: string;

  beforeAll(async () => {
    smtp = await startSmtp();
    t = await createTestApp({ config: { smtpUrl: smtp.url } });
    runtime = await startJobRuntime(t.ctx, []);
    const a = await createOperator(t, ['admin']);
    adminId = a.user.id;
    admin = asUser(t, await signIn(t, a.user.email, a.password));
  });
  afterAll(async () => {
    await runtime.stop();
    await t.close();
    await smtp.close();
  });

  const invite = (body: Record<string, unknown>) =>
    admin({ method: 'POST', url: '/api/console/operators/invitations', payload: body });
  const mailTo = async (address: string, count = 1) => {
    await runtime.drain();
    await smtp.waitFor(address, () => smtp.mails.filter((m) => m.to.includes(address)).length >= count);
    return smtp.mails.filter((m) => m.to.includes(address));
  };

  it('invites by email, the invitee accepts through the link, is sent to enrol and can sign in', async () => {
    const to = email('finance');
    const res = await invite({ email: to, roles: ['finance', 'reviewer'], locale: 'en-US' });
    expect(res.statusCode).toBe(201);
    const inv = res.json();
    expect(inv).toMatchObject({
      email: to,
      status: 'pending',
      roles: ['finance', 'reviewer'],
      resent: false,
    });

    const [mail] = await mailTo(to);
    expect(mail?.subject).toMatch(/^\[Partner Center\] Operator .+ invites you to the operator console$/);
    expect(mail?.text).toContain('finance, reviewer');
    const token = tokenOf(mail?.text ?? '');
    expect(mail?.text).toContain('http://localhost:3000/console/accept-invitation?token=');

    const shown = await t.app.inject({
      method: 'GET',
      url: `/api/operator-invitations?token=${encodeURIComponent(token)}`,
    });
    expect(shown.json()).toMatchObject({ email: to, status: 'pending', roles: ['finance', 'reviewer'] });

    const weak = await accept(t, { token, name: 'Fin Ance', password: 'password' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().code).toBe('identity.weak_password');

    const ok = await accept(t, { token, name: 'Fin Ance', password: TEST_PASSWORD });
    expect(ok.statusCode).toBe(201);
    // No session yet: an operator enrols an authenticator first (the sign-in's enrolment step).
    expect(ok.json().secondFactor).toMatchObject({ kind: 'enrol', ticket: expect.any(String) });
    expect(ok.cookies.find((c) => c.name === 'pc_session')).toBeUndefined();
    const csrf = await getCsrf(t);
    const enrol = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in/enrol',
      headers: { cookie: csrf.cookie, 'x-csrf-token': csrf.csrf },
      payload: { ticket: ok.json().secondFactor.ticket },
    });
    expect(enrol.statusCode).toBe(200);
    await signIn(t, to, TEST_PASSWORD);

    const again = await accept(t, { token, name: 'Twice', password: TEST_PASSWORD });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('operators.invitation_accepted');

    const list = (await admin({ method: 'GET', url: '/api/console/operators' })).json();
    const row = list.operators.find((o: { email: string }) => o.email === to);
    expect(row).toMatchObject({ name: 'Fin Ance', status: 'active', roles: ['finance', 'reviewer'] });
    expect(row.lastSignInAt).not.toBeNull();
    expect(list.invitations.some((i: { email: string }) => i.email === to)).toBe(false);
    // Delivered: the stored copy no longer holds the link's token (the outbox shows it masked).
    const stored = await t.db.query<{ body: string }>(
      "select body from notifications where recipient = $1 and template = 'operators.invitation'",
      [to],
    );
    expect(stored.rows[0]?.body).toContain('token=******');
    expect(stored.rows[0]?.body).not.toContain(encodeURIComponent(token));
    expect(await auditActions(t, inv.id)).toEqual([
      'operator_invitation.accepted',
      'operator_invitation.sent',
    ]);
  });

  it('writes the invitation in Chinese by default', async () => {
    const to = email('zh');
    expect((await invite({ email: to, roles: ['support'] })).statusCode).toBe(201);
    const [mail] = await mailTo(to);
    expect(mail?.subject).toContain('邀请您成为运营人员');
    expect(mail?.text).toContain('角色：工单处理');
  });

  it('resends instead of duplicating a pending invitation; the old link stops working', async () => {
    const to = email('again');
    const first = (await invite({ email: to, roles: ['support'] })).json();
    const [mail1] = await mailTo(to);
    const second = await invite({ email: to, roles: ['reviewer'] });
    expect(second.statusCode).toBe(201);
    expect(second.json()).toMatchObject({ id: first.id, resent: true, sendCount: 2, roles: ['reviewer'] });
    const mails = await mailTo(to, 2);
    const list = (await admin({ method: 'GET', url: '/api/console/operators' })).json();
    expect(list.invitations.filter((i: { email: string }) => i.email === to)).toHaveLength(1);

    const old = await accept(t, { token: tokenOf(mail1?.text ?? ''), name: 'Old', password: TEST_PASSWORD });
    expect(old.statusCode).toBe(404);
    expect(old.json().code).toBe('operators.invitation_not_found');

    const resent = await admin({
      method: 'POST',
      url: `/api/console/operators/invitations/${first.id}/resend`,
    });
    expect(resent.json()).toMatchObject({ sendCount: 3 });
    await mailTo(to, 3);
    expect(mails.length).toBeGreaterThanOrEqual(2);
    expect(await auditActions(t, first.id)).toEqual([
      'operator_invitation.resent',
      'operator_invitation.resent',
      'operator_invitation.sent',
    ]);
  });

  it('refuses to invite an address that already has an account, and bad input, with clear codes', async () => {
    const existing = await createOperator(t, ['support']);
    const taken = await invite({ email: existing.user.email.toUpperCase(), roles: ['support'] });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().code).toBe('operators.email_registered');
    const partner = await createPartnerWithAdmin(t);
    expect((await invite({ email: partner.user.email, roles: ['admin'] })).json().code).toBe(
      'operators.email_registered',
    );
    for (const body of [
      { email: 'not-an-email', roles: ['support'] },
      { email: email('bad'), roles: [] },
      { email: email('bad'), roles: ['boss'] },
      { email: email('bad'), roles: ['support'], extra: 1 },
    ]) {
      const res = await invite(body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().code).toBe('common.validation');
    }
    // The message is in the operator's language (zh-CN here); both languages are in the catalogue.
    expect(taken.json().message).toBe(`${existing.user.email.toLowerCase()} 已有账号，不能邀请为运营人员`);
    expect(
      t.ctx.errors.message(new AppError('operators.email_registered', { email: 'a@b.c' }), 'en-US'),
    ).toBe('a@b.c already has an account and cannot be invited as an operator');
    const forged = await accept(t, {
      token: 'oin_forged.abcdefghijklmnop.qrstuvwxyz0123',
      name: 'X',
      password: TEST_PASSWORD,
    });
    expect(forged.json().code).toBe('operators.invitation_not_found');
  });

  it('revokes an invitation: its link is refused', async () => {
    const to = email('revoke');
    const inv = (await invite({ email: to, roles: ['finance'] })).json();
    const [mail] = await mailTo(to);
    const revoked = await admin({
      method: 'POST',
      url: `/api/console/operators/invitations/${inv.id}/revoke`,
    });
    expect(revoked.json().status).toBe('revoked');
    const res = await accept(t, { token: tokenOf(mail?.text ?? ''), name: 'Late', password: TEST_PASSWORD });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('operators.invitation_revoked');
    const twice = await admin({ method: 'POST', url: `/api/console/operators/invitations/${inv.id}/revoke` });
    expect(twice.json().code).toBe('operators.invitation_revoked');
    expect(await auditActions(t, inv.id)).toContain('operator_invitation.revoked');
  });

  it('changes roles; the operator sees the new roles at once', async () => {
    const op = await createOperator(t, ['support']);
    const session = asUser(t, await signIn(t, op.user.email, op.password));
    const res = await admin({
      method: 'PUT',
      url: `/api/console/operators/${op.user.id}/roles`,
      payload: { roles: ['finance', 'ecosystem_manager'] },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().roles).toEqual(['ecosystem_manager', 'finance']);
    expect(res.json().lastSignInAt).not.toBeNull();
    expect((await session({ method: 'GET', url: '/api/me' })).json().roles).toEqual([
      'ecosystem_manager',
      'finance',
    ]);
    expect(await auditActions(t, op.user.id)).toContain('operator.roles_changed');
    const missing = await admin({
      method: 'PUT',
      url: '/api/console/operators/usr_missing/roles',
      payload: { roles: ['finance'] },
    });
    expect(missing.json().code).toBe('operators.not_found');
    const partner = await createPartnerWithAdmin(t);
    const notOperator = await admin({
      method: 'POST',
      url: `/api/console/operators/${partner.user.id}/disable`,
    });
    expect(notOperator.statusCode).toBe(404);
  });

  it('disabling ends the sessions at once; re-enabling lets the operator sign in again', async () => {
    const op = await createOperator(t, ['reviewer']);
    const session = asUser(t, await signIn(t, op.user.email, op.password));
    expect((await session({ method: 'GET', url: '/api/me' })).statusCode).toBe(200);
    const off = await admin({ method: 'POST', url: `/api/console/operators/${op.user.id}/disable` });
    expect(off.json().status).toBe('disabled');
    expect((await session({ method: 'GET', url: '/api/me' })).statusCode).toBe(401);
    await expect(signIn(t, op.user.email, op.password)).rejects.toThrow('identity.account_disabled');
    const on = await admin({ method: 'POST', url: `/api/console/operators/${op.user.id}/enable` });
    expect(on.json().status).toBe('active');
    expect((await session({ method: 'GET', url: '/api/me' })).statusCode).toBe(401);
    await signIn(t, op.user.email, op.password);
    expect(await auditActions(t, op.user.id)).toEqual(['operator.disabled', 'operator.enabled']);
  });

  it('lets only administrators manage operators', async () => {
    const op = await createOperator(t, ['support', 'finance', 'reviewer', 'ecosystem_manager']);
    const session = asUser(t, await signIn(t, op.user.email, op.password));
    expect((await session({ method: 'GET', url: '/api/console/operators' })).statusCode).toBe(403);
    expect(
      (await session({ method: 'POST', url: `/api/console/operators/${adminId}/disable` })).statusCode,
    ).toBe(403);
  });
});

describe('the last active administrator', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('cannot be disabled or lose the admin role, also when two administrators disable each other at once', async () => {
    const a = await createOperator(t, ['admin']);
    const asA = asUser(t, await signIn(t, a.user.email, a.password));
    const self = await asA({ method: 'POST', url: `/api/console/operators/${a.user.id}/disable` });
    expect(self.statusCode).toBe(409);
    expect(self.json().code).toBe('operators.last_admin');
    const demote = await asA({
      method: 'PUT',
      url: `/api/console/operators/${a.user.id}/roles`,
      payload: { roles: ['finance'] },
    });
    expect(demote.json().code).toBe('operators.last_admin');

    const b = await createOperator(t, ['admin']);
    const asB = asUser(t, await signIn(t, b.user.email, b.password));
    const [ab, ba] = await Promise.all([
      asA({ method: 'POST', url: `/api/console/operators/${b.user.id}/disable` }),
      asB({ method: 'POST', url: `/api/console/operators/${a.user.id}/disable` }),
    ]);
    const codes = [ab.statusCode, ba.statusCode].sort();
    // Whoever is second is refused: by the guard, or (its session ended by the first) as signed out.
    expect(codes[0]).toBe(200);
    expect([401, 409]).toContain(codes[1]);
    const admins = await t.db.query<{ n: string }>(
      "select count(*) as n from users where user_type = 'operator' and status = 'active' and 'admin' = any(roles)",
    );
    expect(Number(admins.rows[0]?.n)).toBe(1);
  });

  it('refuses the guard inside the transaction even when both changes start together', async () => {
    // Straight at the service, so both calls pass the session check and meet at the lock.
    const { changeStatus } = await import('./operators.service.ts');
    const { systemActor } = await import('../../platform/context.ts');
    const a = await createOperator(t, ['admin']);
    const b = await createOperator(t, ['admin']);
    // Leave only a and b as active administrators.
    await t.db.query("update users set status = 'inactive' where user_type = 'operator' and id <> all($1)", [
      [a.user.id, b.user.id],
    ]);
    const results = await Promise.allSettled([
      changeStatus(t.ctx, systemActor(), b.user.id, 'inactive'),
      changeStatus(t.ctx, systemActor(), a.user.id, 'inactive'),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refused = results.find((r) => r.status === 'rejected');
    expect((refused as PromiseRejectedResult).reason.code).toBe('operators.last_admin');
  });
});

describe('an invitation whose email cannot be sent', () => {
  let t: TestApp;
  let runtime: JobRuntime;

  beforeAll(async () => {
    // Nothing listens on port 9 (discard): every delivery attempt fails.
    t = await createTestApp({ config: { smtpUrl: 'smtp://127.0.0.1:9' } });
    runtime = await startJobRuntime(t.ctx, []);
  });
  afterAll(async () => {
    await runtime.stop();
    await t.close();
  });

  it('stays pending and can be sent again', async () => {
    const a = await createOperator(t, ['admin']);
    const asA = asUser(t, await signIn(t, a.user.email, a.password));
    const to = email('unsent');
    const inv = await asA({
      method: 'POST',
      url: '/api/console/operators/invitations',
      payload: { email: to, roles: ['support'] },
    });
    expect(inv.statusCode).toBe(201);
    await runtime.drain();
    const rows = await t.db.query<{ status: string; last_error: string | null }>(
      "select status, last_error from notifications where recipient = $1 and template = 'operators.invitation'",
      [to],
    );
    expect(rows.rows[0]?.status).not.toBe('sent');
    const list = (await asA({ method: 'GET', url: '/api/console/operators' })).json();
    expect(list.invitations.find((i: { email: string }) => i.email === to)).toMatchObject({
      status: 'pending',
    });
    const resent = await asA({
      method: 'POST',
      url: `/api/console/operators/invitations/${inv.json().id}/resend`,
    });
    expect(resent.statusCode).toBe(200);
    expect(resent.json().sendCount).toBe(2);
    const after = await t.db.query<{ n: string }>(
      "select count(*) as n from notifications where recipient = $1 and template = 'operators.invitation'",
      [to],
    );
    expect(Number(after.rows[0]?.n)).toBe(2);
  });

  it('expires after 7 days: the link is refused, the list says so, and a resend gives a new link', async () => {
    const a = await createOperator(t, ['admin']);
    const to = email('late');
    const asA = asUser(t, await signIn(t, a.user.email, a.password));
    const inv = (
      await asA({
        method: 'POST',
        url: '/api/console/operators/invitations',
        payload: { email: to, roles: ['finance'] },
      })
    ).json();
    const data = await lastMessageTo(t, to, 'operators.invitation');
    const token = tokenOf(String(data?.acceptUrl));
    t.clock.advance(7 * 24 * 3600_000 + 60_000);
    const late = await accept(t, { token, name: 'Late', password: TEST_PASSWORD });
    expect(late.statusCode).toBe(410);
    expect(late.json().code).toBe('operators.invitation_expired');
    const again = asUser(t, await signIn(t, a.user.email, a.password));
    const list = (await again({ method: 'GET', url: '/api/console/operators' })).json();
    expect(list.invitations.find((i: { id: string }) => i.id === inv.id)?.status).toBe('expired');
    expect(
      (await again({ method: 'POST', url: `/api/console/operators/invitations/${inv.id}/resend` })).json(),
    ).toMatchObject({
      status: 'pending',
      sendCount: 2,
    });
    const fresh = tokenOf(String((await lastMessageTo(t, to, 'operators.invitation'))?.acceptUrl));
    expect((await accept(t, { token: fresh, name: 'On Time', password: TEST_PASSWORD })).statusCode).toBe(
      201,
    );
  });
});
