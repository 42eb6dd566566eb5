import { schema } from '@pc/db';
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
import { newId } from '../../platform/ids/ids.ts';
import { issueCertificate } from '../certificates/certificates.service.ts';
import { assignManager } from '../memberships/managers.service.ts';
import { recordPerformance } from '../memberships/performance.service.ts';
import { createAssociatedCustomer } from '../spend/spend.test-data.ts';

describe('dashboard summary and console work queues', () => {
  let t: TestApp;
  let a: PartnerWithAdmin;
  let b: PartnerWithAdmin;
  let asA: AsUser;
  let asB: AsUser;
  let managerName: string;

  const dashboard = async (as: AsUser) => {
    const res = await as({ method: 'GET', url: '/api/dashboard' });
    expect(res.statusCode).toBe(200);
    return res.json();
  };
  const openTicket = (as: AsUser, csrf: string, subject: string) =>
    as({
      method: 'POST',
      url: '/api/tickets',
      headers: { 'x-csrf-token': csrf },
      payload: { category: 'certification', subject, description: 'Please help.' },
    });

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set('2026-12-10T02:00:00Z');
    a = await createPartnerWithAdmin(t);
    b = await createPartnerWithAdmin(t);
    const sa = await signIn(t, a.user.email, a.password);
    asA = asUser(t, sa);
    asB = asUser(t, await signIn(t, b.user.email, b.password));
    const mgr = await createOperator(t, ['ecosystem_manager']);
    managerName = mgr.user.name;
    await assignManager(t.ctx, systemActor(), a.partner.id, mgr.user.id);
    await t.ctx.db.transaction(async (tx) => {
      await recordPerformance(t.ctx, tx, systemActor(), {
        partnerId: a.partner.id,
        year: 2026,
        amountFen: 30_000_000,
        mode: 'set',
        source: 'operator',
      });
      await recordPerformance(t.ctx, tx, systemActor(), {
        partnerId: a.partner.id,
        year: 2025,
        amountFen: 90_000_000,
        mode: 'set',
        source: 'operator',
      });
      await issueCertificate(t.ctx, tx, a.partner.id, systemActor());
    });
    // A ticket support answered (waiting for the partner), an unconfirmed notice, a budget alert.
    const ticket = await openTicket(asA, sa.csrf, 'Where is my certificate?');
    expect(ticket.statusCode).toBe(201);
    await t.db.query(`update tickets set status = 'pending' where id = $1`, [ticket.json().id]);
    const now = t.clock.now();
    await t.ctx.db.insert(schema.incentiveNotices).values({
      id: newId('inc', now.getTime()),
      partnerId: a.partner.id,
      periodKey: '2026-11',
      periodStart: new Date('2026-10-31T16:00:00Z'),
      periodEnd: new Date('2026-11-30T16:00:00Z'),
      runId: 'run_test',
      preTaxFen: 12_345,
      status: 'issued',
      createdAt: now,
      updatedAt: now,
    });
    const customer = await createAssociatedCustomer(t, a.partner.id);
    for (const [threshold, daysAgo] of [
      [80, 3],
      [50, 45],
    ] as const) {
      await t.ctx.db.insert(schema.budgetAlerts).values({
        id: newId('bal', now.getTime() - daysAgo * 86_400_000),
        customerId: customer.id,
        partnerId: a.partner.id,
        periodKey: `2026-1${threshold}`,
        generation: 1,
        threshold,
        usedFen: 8_000_00,
        budgetFen: 10_000_00,
        createdAt: new Date(now.getTime() - daysAgo * 86_400_000),
      });
    }
  });
  afterAll(() => t.close());

  it("shows the partner's performance, certificate, tasks, recent alerts and assigned manager", async () => {
    const d = await dashboard(asA);
    expect(d.performance).toMatchObject({
      year: 2026,
      amountFen: 30_000_000,
      previousYearFen: 90_000_000,
      thresholdFen: 80_000_000,
      reached: false,
      remainingFen: 50_000_000,
    });
    expect(d.certificate).toMatchObject({ status: 'active', validUntil: '2027-01-31' });
    expect(d.tasks).toMatchObject({ ticketsAwaitingReply: 1, unconfirmedIncentives: 1, invitations: 0 });
    expect(d.budgetAlerts).toHaveLength(1);
    expect(d.budgetAlerts[0]).toMatchObject({ threshold: 80, usedFen: 800_000, budgetFen: 1_000_000 });
    expect(d.budgetAlerts[0].customerName).toMatch(/^Customer /);
    expect(d.manager?.name).toBe(managerName);
  });

  it("never shows another partner's data", async () => {
    const d = await dashboard(asB);
    expect(d.performance.amountFen).toBe(0);
    expect(d.certificate).toBeNull();
    expect(d.tasks).toEqual({
      reviewDue: null,
      invitations: 0,
      ticketsAwaitingReply: 0,
      unconfirmedIncentives: 0,
    });
    expect(d.budgetAlerts).toEqual([]);
    expect(d.manager).toBeNull();
  });

  it('refuses operators and anonymous callers', async () => {
    const op = await createOperator(t, ['admin']);
    const asOp = asUser(t, await signIn(t, op.user.email, op.password));
    expect((await asOp({ method: 'GET', url: '/api/dashboard' })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/dashboard' })).statusCode).toBe(401);
    expect((await asA({ method: 'GET', url: '/api/console/work-queues' })).statusCode).toBe(403);
  });

  it('counts the queues an operator may open, and the items new since a time', async () => {
    const admin = await createOperator(t, ['admin']);
    const asAdmin = asUser(t, await signIn(t, admin.user.email, admin.password));
    const finance = await createOperator(t, ['finance']);
    const asFinance = asUser(t, await signIn(t, finance.user.email, finance.password));

    const before = (await asAdmin({ method: 'GET', url: '/api/console/work-queues' })).json();
    expect(before.queues.map((q: { key: string }) => q.key)).toEqual([
      'applications',
      'certifications',
      'certificateReviews',
      'ticketsOverdue',
      'ticketsDueToday',
      'ticketsLater',
      'invoices',
      'paymentApplications',
    ]);
    const later = (q: { queues: { key: string; count: number; newSince: number }[] }) =>
      q.queues.find((x) => x.key === 'ticketsLater');
    const countBefore = later(before)?.count ?? 0;

    t.clock.advance(60_000);
    const sb = await signIn(t, b.user.email, b.password);
    expect((await openTicket(asUser(t, sb), sb.csrf, 'A new question')).statusCode).toBe(201);

    const after = await asAdmin({
      method: 'GET',
      url: `/api/console/work-queues?since=${encodeURIComponent(before.at)}`,
    });
    expect(after.statusCode).toBe(200);
    expect(later(after.json())).toMatchObject({ count: countBefore + 1, newSince: 1 });

    // Finance does not handle tickets: their queues are not counted for it.
    const f = (await asFinance({ method: 'GET', url: '/api/console/work-queues' })).json();
    expect(f.queues.map((q: { key: string }) => q.key)).toEqual([
      'certifications',
      'invoices',
      'paymentApplications',
    ]);
    const bad = await asAdmin({ method: 'GET', url: '/api/console/work-queues?since=yesterday' });
    expect(bad.statusCode).toBe(400);
  });
});
