import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AsUser,
  asUser,
  createOperator,
  createPartnerWithAdmin,
  type PartnerWithAdmin,
  signIn,
} from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/index.ts';
import { systemActor } from '../../platform/context.ts';
import { assignManager } from '../memberships/managers.service.ts';
import { seedDemoTickets } from './tickets.demo.ts';
import { ticketsJobs as jobRegistry, ticketsJobs } from './tickets.jobs.ts';

const job = ticketsJobs[0];
if (!job) throw new Error('tickets job missing');
const runJob = (t: TestApp, slot: string) =>
  job.handler(t.ctx, { slot: new Date(slot).toISOString() }, { id: 'test', retryCount: 0 });

describe('tickets: overdue escalation and the holiday calendar', () => {
  let t: TestApp;
  let a: PartnerWithAdmin;
  let asA: AsUser;
  let asSupport: AsUser;
  let asAdmin: AsUser;
  let adminId: string;
  let supportId: string;
  let ecoId: string;
  let relogin: () => Promise<void>;
  /** Sessions last a week: moving the clock by months needs fresh ones. */
  const setClock = async (at: string) => {
    t.clock.set(at);
    await relogin();
  };

  beforeAll(async () => {
    t = await createTestApp();
    await seedDemoTickets(t.ctx);
    a = await createPartnerWithAdmin(t);
    const support = await createOperator(t, ['support']);
    const admin = await createOperator(t, ['admin']);
    adminId = admin.user.id;
    const eco = await createOperator(t, ['ecosystem_manager']);
    ecoId = eco.user.id;
    await assignManager(t.ctx, systemActor(), a.partner.id, ecoId);
    supportId = support.user.id;
    relogin = async () => {
      asA = asUser(t, await signIn(t, a.user.email, a.password));
      asSupport = asUser(t, await signIn(t, support.user.email, support.password));
      asAdmin = asUser(t, await signIn(t, admin.user.email, admin.password));
    };
    await relogin();
  });
  afterAll(() => t.close());

  const openAt = async (at: string, subject = 'Late one') => {
    await setClock(at);
    const res = await asA({
      method: 'POST',
      url: '/api/tickets',
      payload: { category: 'other', subject, description: 'Please help' },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };

  it('is scheduled every quarter hour', () => {
    expect(jobRegistry.find((j) => j.name === 'tickets.escalate_overdue')?.cron).toBe('*/15 * * * *');
  });

  it('flags and escalates a ticket once its 3 working days over the Spring Festival have passed', async () => {
    // Friday 13 February 2026, 15:00 Shanghai → Sat 14 (worked), then 24 and 25 February.
    const tk = await openAt('2026-02-13T07:00:00Z');
    expect(tk.dueAt).toBe('2026-02-25T07:00:00.000Z');
    await asSupport({
      method: 'POST',
      url: '/api/console/tickets/assign',
      payload: { ticketIds: [tk.id], assigneeId: supportId },
    });

    await setClock('2026-02-25T06:45:00Z');
    await runJob(t, '2026-02-25T06:45:00Z');
    expect((await asA({ method: 'GET', url: `/api/tickets/${tk.id}` })).json().overdue).toBe(false);

    await setClock('2026-02-25T07:00:00Z');
    await runJob(t, '2026-02-25T07:00:00Z');
    await runJob(t, '2026-02-25T07:00:00Z');
    const after = (await asSupport({ method: 'GET', url: `/api/console/tickets/${tk.id}` })).json();
    expect(after).toMatchObject({ overdue: true, escalatedAt: '2026-02-25T07:00:00.000Z', status: 'open' });

    const sent = await t.db.query<{ user_id: string }>(
      `select user_id from notifications where template = 'tickets.overdue' and channel = 'email' order by user_id`,
    );
    expect(sent.rows.map((r) => r.user_id).sort()).toEqual([adminId, supportId, ecoId].sort());
    const audit = await t.db.query<{ n: number }>(
      `select count(*)::int as n from audit_log where entity_id = $1 and action = 'ticket.escalated'`,
      [tk.id],
    );
    expect(audit.rows[0]?.n).toBe(1);

    const overdue = (await asSupport({ method: 'GET', url: '/api/console/tickets?overdue=true' })).json();
    expect(overdue.items.map((x: { id: string }) => x.id)).toContain(tk.id);
    const onTime = (await asSupport({ method: 'GET', url: '/api/console/tickets?overdue=false' })).json();
    expect(onTime.items.map((x: { id: string }) => x.id)).not.toContain(tk.id);
  });

  it('a resolved ticket is never escalated; reopening starts a fresh clock', async () => {
    const tk = await openAt('2026-03-02T02:00:00Z', 'Resolved in time');
    await asSupport({ method: 'POST', url: `/api/console/tickets/${tk.id}/resolve`, payload: {} });
    await setClock('2026-03-10T02:00:00Z');
    await runJob(t, '2026-03-10T02:00:00Z');
    const resolved = (await asA({ method: 'GET', url: `/api/tickets/${tk.id}` })).json();
    expect(resolved).toMatchObject({ status: 'resolved', overdue: false, escalatedAt: null });
    const reopened = await asA({
      method: 'POST',
      url: `/api/tickets/${tk.id}/reopen`,
      payload: { body: 'Came back' },
    });
    // Tuesday 10 March 10:00 → Friday 13 March 10:00.
    expect(reopened.json()).toMatchObject({
      status: 'open',
      overdue: false,
      dueAt: '2026-03-13T02:00:00.000Z',
    });
  });

  it('shows the seeded 2026/2027 calendar to any operator', async () => {
    const y2026 = (await asSupport({ method: 'GET', url: '/api/console/holidays?year=2026' })).json();
    expect(y2026.items.find((d: { date: string }) => d.date === '2026-02-14')).toMatchObject({
      kind: 'workday',
      nameZh: '春节',
      nameEn: 'Spring Festival',
    });
    expect(y2026.items.every((d: { date: string }) => d.date.startsWith('2026-'))).toBe(true);
    const all = (await asSupport({ method: 'GET', url: '/api/console/holidays' })).json();
    expect(all.items.some((d: { date: string }) => d.date.startsWith('2027-'))).toBe(true);
    expect((await asA({ method: 'GET', url: '/api/console/holidays' })).statusCode).toBe(403);
  });

  it('operator admins edit the calendar; open tickets move with it', async () => {
    // Monday 6 April 2026 is already Qingming; open on Thursday 9 April 10:00 → due Tuesday 14.
    const tk = await openAt('2026-04-09T02:00:00Z', 'Calendar-sensitive');
    expect(tk.dueAt).toBe('2026-04-14T02:00:00.000Z');

    const denied = await asSupport({
      method: 'PUT',
      url: '/api/console/holidays/2026-04-13',
      payload: { kind: 'holiday', nameZh: '公司假日', nameEn: 'Company day off' },
    });
    expect(denied.statusCode).toBe(403);

    const added = await asAdmin({
      method: 'PUT',
      url: '/api/console/holidays/2026-04-13',
      payload: { kind: 'holiday', nameZh: '公司假日', nameEn: 'Company day off' },
    });
    expect(added.json()).toEqual({ ticketsRedated: 1 });
    expect((await asA({ method: 'GET', url: `/api/tickets/${tk.id}` })).json().dueAt).toBe(
      '2026-04-15T02:00:00.000Z',
    );

    const weekdayWork = await asAdmin({
      method: 'PUT',
      url: '/api/console/holidays/2026-04-15',
      headers: { 'x-language': 'en-US' },
      payload: { kind: 'workday', nameZh: '调休', nameEn: 'Worked' },
    });
    expect(weekdayWork.statusCode).toBe(400);
    expect(weekdayWork.json()).toMatchObject({
      code: 'tickets.holiday_not_weekend',
      message: 'An adjusted working day must be a Saturday or Sunday: 2026-04-15',
    });
    const badDate = await asAdmin({
      method: 'PUT',
      url: '/api/console/holidays/2026-02-30',
      payload: { kind: 'holiday', nameZh: '无', nameEn: 'None' },
    });
    expect(badDate.json().code).toBe('tickets.holiday_invalid_date');
    const unknown = await asAdmin({ method: 'DELETE', url: '/api/console/holidays/2026-04-16' });
    expect(unknown.statusCode).toBe(404);

    // A later instant, so the audit order below is the order of events, not of random id suffixes.
    t.clock.advance(1000);
    const removed = await asAdmin({ method: 'DELETE', url: '/api/console/holidays/2026-04-13' });
    expect(removed.json()).toEqual({ ticketsRedated: 1 });
    expect((await asA({ method: 'GET', url: `/api/tickets/${tk.id}` })).json().dueAt).toBe(
      '2026-04-14T02:00:00.000Z',
    );
    const audit = await t.db.query<{ action: string }>(
      `select action from audit_log where entity_type = 'holiday_calendar' and entity_id = '2026-04-13' order by at, id`,
    );
    expect(audit.rows.map((r) => r.action)).toEqual(['holiday.added', 'holiday.removed']);
  });

  it('the demo seed is idempotent', async () => {
    const count = async () =>
      (await t.db.query<{ n: number }>(`select count(*)::int as n from holiday_calendar`)).rows[0]?.n;
    const before = await count();
    await seedDemoTickets(t.ctx);
    expect(await count()).toBe(before);
  });
});
