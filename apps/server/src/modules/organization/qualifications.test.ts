import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AsUser,
  asUser,
  createPartnerUser,
  createPartnerWithAdmin,
  type PartnerWithAdmin,
  signIn,
} from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/index.ts';
import { type JobRuntime, startJobRuntime } from '../../platform/jobs/runtime.ts';
import { organizationJobs as jobRegistry } from './organization.jobs.ts';

describe('organization: qualifications, the monthly reminder and expiry warnings', () => {
  let t: TestApp;
  let runtime: JobRuntime;
  let a: PartnerWithAdmin;
  let b: PartnerWithAdmin;
  let member: { id: string; email: string; password: string };
  let asA: AsUser;
  let asB: AsUser;
  let asM: AsUser;

  /** Sessions last a week: moving the clock by months needs fresh ones. */
  const setClock = async (at: string) => {
    t.clock.set(at);
    asA = asUser(t, await signIn(t, a.user.email, a.password));
    asB = asUser(t, await signIn(t, b.user.email, b.password));
    asM = asUser(t, await signIn(t, member.email, member.password));
  };
  /** Moves the clock and runs what the scheduler finds due, as the scheduler process would. */
  const runAt = async (iso: string) => {
    t.clock.set(iso);
    const keys = await runtime.tick(t.clock.now());
    await runtime.drain();
    return keys.filter((k) => k.startsWith('organization.'));
  };
  const sent = async (template: string, recipient: string) =>
    (
      await t.db.query<{ channel: string }>(
        `select channel from notifications where template = $1 and recipient in ($2, $3) order by channel`,
        [template, recipient, recipient],
      )
    ).rows.length;
  const inAppTo = async (template: string, userId: string) =>
    (
      await t.db.query(
        `select 1 from notifications where template = $1 and channel = 'in_app' and recipient = $2`,
        [template, userId],
      )
    ).rows.length;

  beforeAll(async () => {
    t = await createTestApp();
    runtime = await startJobRuntime(t.ctx, []);
    t.clock.set('2026-03-10T02:00:00Z');
    a = await createPartnerWithAdmin(t, { locale: 'en-US' });
    b = await createPartnerWithAdmin(t);
    const m = await createPartnerUser(t, a.partner.id, ['member']);
    member = { id: m.user.id, email: m.user.email, password: m.password };
    await setClock('2026-03-10T02:00:00Z');
  });
  afterAll(async () => {
    await runtime.stop();
    await t.close();
  });

  it('schedules: monthly reminder, daily expiry warning, hourly invitation expiry', () => {
    const cron = (n: string) => jobRegistry.find((j) => j.name === n)?.cron;
    expect(cron('organization.monthly_reminder')).toBe('0 10 1 * *');
    expect(cron('organization.certificate_expiry_warning')).toBe('0 9 * * *');
    expect(cron('organization.expire_invitations')).toBe('7 * * * *');
  });

  it('a member keeps employment, certificates, training and projects; each change is audited', async () => {
    const emp = await asM({
      method: 'PUT',
      url: '/api/organization/me/employment',
      payload: {
        jobTitle: 'Cloud architect',
        department: 'Delivery',
        employeeNo: 'E-42',
        employedSince: '2024-07-01',
      },
    });
    expect(emp.statusCode, emp.body).toBe(200);
    expect(emp.json().employment).toMatchObject({ jobTitle: 'Cloud architect', employedSince: '2024-07-01' });
    expect(emp.json().employment.qualificationsUpdatedAt).toBe('2026-03-10T02:00:00.000Z');

    const add = (payload: object) =>
      asM({ method: 'POST', url: '/api/organization/me/qualifications', payload });
    const cert = await add({
      kind: 'certificate',
      name: 'Cloud Solutions Architect',
      organization: 'Cloud Academy',
      reference: 'CSA-0001',
      startsOn: '2025-05-01',
      endsOn: '2026-04-05',
    });
    expect(cert.statusCode, cert.body).toBe(201);
    expect(cert.json()).toMatchObject({ kind: 'certificate', expiryState: 'expiring' });
    expect(
      (await add({ kind: 'training', name: 'Kubernetes in production', endsOn: '2026-01-20' })).statusCode,
    ).toBe(201);
    expect(
      (
        await add({
          kind: 'project',
          name: 'ERP migration',
          organization: 'Big Customer Ltd',
          reference: 'Lead engineer',
          startsOn: '2025-01-01',
          endsOn: '2025-12-31',
        })
      ).statusCode,
    ).toBe(201);
    const mine = (await asM({ method: 'GET', url: '/api/organization/me/qualifications' })).json();
    expect(mine.items.map((q: { kind: string }) => q.kind)).toEqual(['certificate', 'project', 'training']);

    const noExpiry = await add({ kind: 'certificate', name: 'Forever' });
    expect(noExpiry.statusCode).toBe(400);
    expect(noExpiry.json().code).toBe('organization.expiry_required');
    const backwards = await add({ kind: 'project', name: 'X', startsOn: '2026-02-01', endsOn: '2026-01-01' });
    expect(backwards.json().code).toBe('organization.dates_out_of_order');
    const badDate = await add({ kind: 'training', name: 'X', endsOn: '2026-02-30' });
    expect(badDate.statusCode).toBe(400);
    const unknown = await add({ kind: 'training', name: 'X', score: 100 });
    expect(unknown.statusCode).toBe(400);
    const audit = await t.db.query<{ action: string }>(
      `select action from audit_log where partner_id = $1 and action like 'member_%' order by id`,
      [a.partner.id],
    );
    expect(audit.rows.map((r) => r.action).sort()).toEqual([
      'member_employment.updated',
      'member_qualification.added',
      'member_qualification.added',
      'member_qualification.added',
    ]);
  });

  it('the administrator sees the whole organization’s qualifications, filterable; others see nothing', async () => {
    const all = (await asA({ method: 'GET', url: '/api/organization/qualifications' })).json();
    const m = all.items.find((x: { member: { id: string } }) => x.member.id === member.id);
    expect(m.items).toHaveLength(3);
    expect(m.employment.jobTitle).toBe('Cloud architect');
    const expiring = (
      await asA({ method: 'GET', url: '/api/organization/qualifications?expiringWithinDays=30' })
    ).json();
    expect(expiring.items).toHaveLength(1);
    expect(expiring.items[0].items.map((q: { name: string }) => q.name)).toEqual([
      'Cloud Solutions Architect',
    ]);
    const trainings = (
      await asA({ method: 'GET', url: '/api/organization/qualifications?kind=training' })
    ).json();
    expect(trainings.items[0].items.map((q: { kind: string }) => q.kind)).toEqual(['training']);
    const one = await asA({ method: 'GET', url: `/api/organization/members/${member.id}/qualifications` });
    expect(one.json().items).toHaveLength(3);
    const members = (await asA({ method: 'GET', url: '/api/organization/members' })).json().items;
    expect(members.find((x: { id: string }) => x.id === member.id).counts).toEqual({
      certificates: 1,
      trainings: 1,
      projects: 1,
      expiringCertificates: 1,
      expiredCertificates: 0,
    });
    expect((await asB({ method: 'GET', url: '/api/organization/qualifications' })).json().items).toHaveLength(
      1,
    );
    expect((await asM({ method: 'GET', url: '/api/organization/qualifications' })).statusCode).toBe(403);
  });

  it('only the owner changes or deletes a record', async () => {
    const mine = (await asM({ method: 'GET', url: '/api/organization/me/qualifications' })).json();
    const training = mine.items.find((q: { kind: string }) => q.kind === 'training');
    const payload = { kind: 'training', name: 'Sneaky' };
    for (const as of [asA, asB]) {
      const put = await as({
        method: 'PUT',
        url: `/api/organization/me/qualifications/${training.id}`,
        payload,
      });
      expect(put.statusCode).toBe(404);
      expect(put.json().code).toBe('organization.qualification_not_found');
      const del = await as({ method: 'DELETE', url: `/api/organization/me/qualifications/${training.id}` });
      expect(del.statusCode).toBe(404);
    }
    const put = await asM({
      method: 'PUT',
      url: `/api/organization/me/qualifications/${training.id}`,
      payload: { kind: 'training', name: 'Kubernetes in production (advanced)', endsOn: '2026-01-20' },
    });
    expect(put.statusCode).toBe(200);
    expect(put.json().name).toBe('Kubernetes in production (advanced)');
    const del = await asM({ method: 'DELETE', url: `/api/organization/me/qualifications/${training.id}` });
    expect(del.statusCode).toBe(200);
    const after = (await asM({ method: 'GET', url: '/api/organization/me/qualifications' })).json();
    expect(after.items.map((q: { kind: string }) => q.kind)).toEqual(['certificate', 'project']);
  });

  it('30 days before expiry the member and the administrators are warned once per certificate', async () => {
    // 09:00 Shanghai on 11 March: expiry 5 April is within 30 days.
    expect(await runAt('2026-03-11T01:00:30Z')).toContain(
      'organization.certificate_expiry_warning:2026-03-11T09:00+08:00',
    );
    expect(await sent('organization.certificate_expiring', member.email)).toBe(1);
    expect(await inAppTo('organization.certificate_expiring', member.id)).toBe(1);
    expect(await inAppTo('organization.certificate_expiring', a.user.id)).toBe(1);
    const text = await t.db.query<{ subject: string }>(
      `select subject from notifications where template = 'organization.certificate_expiring' and recipient = $1 and channel = 'in_app'`,
      [a.user.id],
    );
    expect(text.rows[0]?.subject).toBe(
      '[Partner Center] The certificate "Cloud Solutions Architect" expires on 2026-04-05',
    );
    // The next days warn nobody again.
    await runAt('2026-03-12T01:00:30Z');
    await runAt('2026-03-13T01:00:30Z');
    expect(await sent('organization.certificate_expiring', member.email)).toBe(1);
    expect(await inAppTo('organization.certificate_expiring', a.user.id)).toBe(1);
  });

  it('a renewed certificate (new expiry date) is warned about again 30 days before the new date', async () => {
    await setClock('2026-03-20T02:00:00Z');
    const mine = (await asM({ method: 'GET', url: '/api/organization/me/qualifications' })).json();
    const cert = mine.items.find((q: { kind: string }) => q.kind === 'certificate');
    const renewed = await asM({
      method: 'PUT',
      url: `/api/organization/me/qualifications/${cert.id}`,
      payload: { kind: 'certificate', name: cert.name, startsOn: '2026-03-19', endsOn: '2027-03-18' },
    });
    expect(renewed.json().expiryState).toBe('valid');
    await runAt('2026-03-21T01:00:30Z');
    expect(await sent('organization.certificate_expiring', member.email)).toBe(1);
    // 16 February 2027 is 30 days before 18 March 2027.
    await runAt('2027-02-15T01:00:30Z');
    expect(await sent('organization.certificate_expiring', member.email)).toBe(1);
    await runAt('2027-02-16T01:00:30Z');
    expect(await sent('organization.certificate_expiring', member.email)).toBe(2);
    await runAt('2027-02-17T01:00:30Z');
    expect(await sent('organization.certificate_expiring', member.email)).toBe(2);
  });

  it('on the 1st of each month every active member is reminded once, in their language', async () => {
    const keys = await runAt('2027-03-01T02:00:30Z');
    expect(keys).toContain('organization.monthly_reminder:2027-03-01T10:00+08:00');
    const reminders = await t.db.query<{ recipient: string; subject: string }>(
      `select recipient, subject from notifications where template = 'organization.qualification_reminder' and channel = 'email' order by recipient`,
    );
    expect(reminders.rows.map((r) => r.recipient).sort()).toEqual(
      [a.user.email, b.user.email, member.email].sort(),
    );
    expect(reminders.rows.find((r) => r.recipient === a.user.email)?.subject).toBe(
      '[Partner Center] Please keep your qualifications current',
    );
    expect(reminders.rows.find((r) => r.recipient === b.user.email)?.subject).toBe(
      '【合作伙伴中心】请更新您的个人资质',
    );
    // Rerunning the slot's job sends nothing twice; the next month sends again.
    const job = jobRegistry.find((j) => j.name === 'organization.monthly_reminder');
    await job?.handler(t.ctx, { slot: '2027-03-01T02:00:00.000Z' }, { id: 'again', retryCount: 1 });
    expect(await sent('organization.qualification_reminder', member.email)).toBe(1);
    await runAt('2027-04-01T02:00:30Z');
    expect(await sent('organization.qualification_reminder', member.email)).toBe(2);
  });

  it('the hourly job closes pending invitations past their time as expired', async () => {
    await setClock('2027-05-01T02:00:00Z');
    const inv = (
      await asA({
        method: 'POST',
        url: '/api/organization/invitations',
        payload: { email: 'late@example.com', roles: ['member'] },
      })
    ).json();
    await runAt('2027-05-08T02:07:30Z');
    const row = await t.db.query<{ status: string }>(`select status from member_invitations where id = $1`, [
      inv.id,
    ]);
    expect(row.rows[0]?.status).toBe('expired');
    const audit = await t.db.query(
      `select 1 from audit_log where entity_id = $1 and action = 'member_invitation.expired'`,
      [inv.id],
    );
    expect(audit.rows).toHaveLength(1);
  });
});
