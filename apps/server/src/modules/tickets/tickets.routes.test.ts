import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AsUser,
  asUser,
  createOperator,
  createPartnerUser,
  createPartnerWithAdmin,
  getCsrf,
  type PartnerWithAdmin,
  signIn,
} from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/index.ts';
import { QUALIFICATION_FORM } from '../certification/certification.test-data.ts';
import { seedHolidayCalendar } from './calendar.service.ts';

let newTicket = {
  category: 'certification',
  subject: 'Why was our business information rejected?',
  description: 'The reviewer says the bank account name does not match. It does.',
  subjectType: 'certification_submission',
  subjectId: 'crt_123',
};

describe('tickets: portal and console routes', () => {
  let t: TestApp;
  let a: PartnerWithAdmin;
  let b: PartnerWithAdmin;
  let asA: AsUser;
  let asAMember: AsUser;
  let asB: AsUser;
  let asSupport: AsUser;
  let asSupport2: AsUser;
  let asReviewer: AsUser;
  let asEco: AsUser;
  let support2Id: string;
  let reviewerId: string;

  beforeAll(async () => {
    t = await createTestApp();
    await t.ctx.db.transaction((tx) => seedHolidayCalendar(t.ctx, tx));
    // Thursday 15 January 2026, 10:00 in Shanghai.
    t.clock.set('2026-01-15T02:00:00Z');
    a = await createPartnerWithAdmin(t, { locale: 'en-US' });
    b = await createPartnerWithAdmin(t);
    const member = await createPartnerUser(t, a.partner.id);
    const support = await createOperator(t, ['support']);
    const support2 = await createOperator(t, ['support']);
    const reviewer = await createOperator(t, ['reviewer']);
    const eco = await createOperator(t, ['ecosystem_manager']);
    support2Id = support2.user.id;
    reviewerId = reviewer.user.id;
    asA = asUser(t, await signIn(t, a.user.email, a.password));
    const draft = await asA({
      method: 'PUT',
      url: '/api/certification/qualification',
      payload: QUALIFICATION_FORM,
    });
    expect(draft.statusCode, draft.body).toBe(200);
    newTicket = { ...newTicket, subjectId: draft.json().id };
    asAMember = asUser(t, await signIn(t, member.user.email, member.password));
    asB = asUser(t, await signIn(t, b.user.email, b.password));
    asSupport = asUser(t, await signIn(t, support.user.email, support.password));
    asSupport2 = asUser(t, await signIn(t, support2.user.email, support2.password));
    asReviewer = asUser(t, await signIn(t, reviewer.user.email, reviewer.password));
    asEco = asUser(t, await signIn(t, eco.user.email, eco.password));
  });
  afterAll(() => t.close());

  const open = async (as: AsUser, body: object = newTicket) => {
    const res = await as({ method: 'POST', url: '/api/tickets', payload: body });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };

  it('opens a ticket due in 3 working days, linked to its subject, and audits it', async () => {
    const tk = await open(asA);
    expect(tk).toMatchObject({
      status: 'open',
      partnerId: a.partner.id,
      subjectType: 'certification_submission',
      subjectId: newTicket.subjectId,
      openedBy: { id: a.user.id },
      assignee: null,
      overdue: false,
      replies: [],
    });
    // Thursday 10:00 → Fri, Mon, Tue 10:00 (Shanghai).
    expect(tk.dueAt).toBe('2026-01-20T02:00:00.000Z');
    const audit = await t.db.query<{ action: string }>(`select action from audit_log where entity_id = $1`, [
      tk.id,
    ]);
    expect(audit.rows.map((r) => r.action)).toEqual(['ticket.opened']);
  });

  it('refuses bad input in the user’s language, and the anonymous', async () => {
    const unknown = await asA({
      method: 'POST',
      url: '/api/tickets',
      payload: { ...newTicket, priority: 1 },
    });
    expect(unknown.statusCode).toBe(400);
    const half = await asA({
      method: 'POST',
      url: '/api/tickets',
      payload: { ...newTicket, subjectId: undefined },
    });
    expect(half.statusCode).toBe(400);
    const badCat = await asA({
      method: 'POST',
      url: '/api/tickets',
      headers: { 'x-language': 'zh-CN' },
      payload: { ...newTicket, category: 'gossip' },
    });
    expect(badCat.statusCode).toBe(400);
    expect(badCat.json().code).toBe('common.validation');
    expect(badCat.json().message).toMatch(/请求参数无效/);
    const blank = await asA({
      method: 'POST',
      url: '/api/tickets',
      payload: { ...newTicket, subject: '   ' },
    });
    expect(blank.statusCode).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: '/api/tickets' })).statusCode).toBe(401);
    const anon = await getCsrf(t);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/tickets',
      headers: { cookie: anon.cookie, 'x-csrf-token': anon.csrf },
      payload: newTicket,
    });
    expect(res.statusCode).toBe(401);
  });

  it('members see their company’s tickets; another partner sees and changes nothing', async () => {
    const tk = await open(asAMember, { category: 'other', subject: 'Member question', description: 'Hi' });
    const listA = (await asA({ method: 'GET', url: '/api/tickets?limit=100' })).json();
    expect(listA.items.some((x: { id: string }) => x.id === tk.id)).toBe(true);
    const listB = (await asB({ method: 'GET', url: '/api/tickets' })).json();
    expect(listB.items).toEqual([]);
    for (const req of [
      { method: 'GET' as const, url: `/api/tickets/${tk.id}` },
      { method: 'POST' as const, url: `/api/tickets/${tk.id}/replies`, payload: { body: 'sneaky' } },
      { method: 'POST' as const, url: `/api/tickets/${tk.id}/confirm` },
      { method: 'POST' as const, url: `/api/tickets/${tk.id}/reopen`, payload: { body: 'x' } },
    ]) {
      const res = await asB(req);
      expect(res.statusCode, req.url).toBe(404);
      expect(res.json().code).toBe('tickets.not_found');
    }
    const foreign = await asB({ method: 'POST', url: '/api/tickets', payload: newTicket });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().code).toBe('tickets.subject_not_found');
    const after = (await asA({ method: 'GET', url: `/api/tickets/${tk.id}` })).json();
    expect(after.replies).toEqual([]);
    expect(after.status).toBe('open');
  });

  it('only ticket operators use the console; partners and reviewers are refused', async () => {
    const tk = await open(asA);
    expect((await asA({ method: 'GET', url: '/api/console/tickets' })).statusCode).toBe(403);
    expect((await asReviewer({ method: 'GET', url: '/api/console/tickets' })).statusCode).toBe(403);
    expect((await asEco({ method: 'GET', url: '/api/console/tickets' })).statusCode).toBe(200);
    const ecoReply = await asEco({
      method: 'POST',
      url: `/api/console/tickets/${tk.id}/replies`,
      payload: { body: 'hello' },
    });
    expect(ecoReply.statusCode).toBe(403);
    const partnerResolve = await asA({
      method: 'POST',
      url: `/api/console/tickets/${tk.id}/resolve`,
      payload: {},
    });
    expect(partnerResolve.statusCode).toBe(403);
    expect((await asSupport({ method: 'GET', url: '/api/tickets' })).statusCode).toBe(403);
  });

  it('walks the whole thread: answer, partner reply, resolve, reopen, resolve, confirm', async () => {
    const tk = await open(asA);
    t.clock.advance(60_000);
    const refusedConfirm = await asA({ method: 'POST', url: `/api/tickets/${tk.id}/confirm` });
    expect(refusedConfirm.statusCode).toBe(409);
    expect(refusedConfirm.json()).toMatchObject({
      code: 'tickets.not_resolved',
      message: 'Only a resolved ticket can be confirmed or reopened',
    });

    t.clock.advance(3600_000);
    const answered = await asSupport({
      method: 'POST',
      url: `/api/console/tickets/${tk.id}/replies`,
      payload: { body: 'Please upload the bank letter.' },
    });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(answered.json()).toMatchObject({ status: 'pending', assignee: { name: expect.any(String) } });
    const mail = await t.db.query<{ template: string; locale: string; channel: string }>(
      `select template, locale, channel from notifications where user_id = $1 and template = 'tickets.replied' order by channel`,
      [a.user.id],
    );
    expect(mail.rows).toEqual([
      { template: 'tickets.replied', locale: 'en-US', channel: 'email' },
      { template: 'tickets.replied', locale: 'en-US', channel: 'in_app' },
    ]);

    t.clock.advance(60_000);
    const partnerReply = await asA({
      method: 'POST',
      url: `/api/tickets/${tk.id}/replies`,
      payload: { body: 'Uploaded.' },
    });
    expect(partnerReply.json().status).toBe('open');
    t.clock.advance(60_000);
    const resolved = await asSupport({
      method: 'POST',
      url: `/api/console/tickets/${tk.id}/resolve`,
      payload: { body: 'Approved now.' },
    });
    expect(resolved.json()).toMatchObject({ status: 'resolved', resolvedAt: expect.any(String) });
    t.clock.advance(60_000);
    const twice = await asSupport({
      method: 'POST',
      url: `/api/console/tickets/${tk.id}/resolve`,
      payload: {},
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('tickets.already_resolved');
    const lateReply = await asA({
      method: 'POST',
      url: `/api/tickets/${tk.id}/replies`,
      payload: { body: 'x' },
    });
    expect(lateReply.json().code).toBe('tickets.resolved_reply');
    expect(
      (await asA({ method: 'POST', url: `/api/tickets/${tk.id}/reopen`, payload: { body: '' } })).statusCode,
    ).toBe(400);

    // Reopened on Friday 16 January 11:00 Shanghai: a new clock, due Wednesday 11:00.
    t.clock.set('2026-01-16T03:00:00Z');
    const reopened = await asA({
      method: 'POST',
      url: `/api/tickets/${tk.id}/reopen`,
      payload: { body: 'Still rejected.' },
    });
    expect(reopened.json()).toMatchObject({
      status: 'open',
      resolvedAt: null,
      dueAt: '2026-01-21T03:00:00.000Z',
    });
    t.clock.advance(60_000);
    await asSupport({ method: 'POST', url: `/api/console/tickets/${tk.id}/resolve`, payload: {} });
    t.clock.advance(60_000);
    const confirmed = await asA({ method: 'POST', url: `/api/tickets/${tk.id}/confirm` });
    expect(confirmed.json()).toMatchObject({ status: 'closed', closedAt: expect.any(String) });
    expect(
      confirmed.json().replies.map((r: { kind: string; authorType: string }) => [r.kind, r.authorType]),
    ).toEqual([
      ['reply', 'operator'],
      ['reply', 'partner'],
      ['resolution', 'operator'],
      ['reopen', 'partner'],
    ]);

    const closedReply = await asA({
      method: 'POST',
      url: `/api/tickets/${tk.id}/replies`,
      headers: { 'x-language': 'zh-CN' },
      payload: { body: 'x' },
    });
    expect(closedReply.statusCode).toBe(409);
    expect(closedReply.json()).toMatchObject({
      code: 'tickets.closed',
      message: expect.stringContaining('已关闭'),
    });
    expect(
      (await asA({ method: 'POST', url: `/api/tickets/${tk.id}/reopen`, payload: { body: 'x' } })).statusCode,
    ).toBe(409);
    const supportOnClosed = await asSupport({
      method: 'POST',
      url: `/api/console/tickets/${tk.id}/replies`,
      payload: { body: 'x' },
    });
    expect(supportOnClosed.json().code).toBe('tickets.closed');
    const actions = await t.db.query<{ action: string }>(
      `select action from audit_log where entity_id = $1 order by at, id`,
      [tk.id],
    );
    expect(actions.rows.map((r) => r.action)).toEqual([
      'ticket.opened',
      'ticket.support_replied',
      'ticket.partner_replied',
      'ticket.resolved',
      'ticket.reopened',
      'ticket.resolved',
      'ticket.confirmed',
    ]);
  });

  it('two concurrent resolutions: exactly one wins', async () => {
    const tk = await open(asA);
    const results = await Promise.all([
      asSupport({ method: 'POST', url: `/api/console/tickets/${tk.id}/resolve`, payload: {} }),
      asSupport2({ method: 'POST', url: `/api/console/tickets/${tk.id}/resolve`, payload: {} }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const audit = await t.db.query<{ n: number }>(
      `select count(*)::int as n from audit_log where entity_id = $1 and action = 'ticket.resolved'`,
      [tk.id],
    );
    expect(audit.rows[0]?.n).toBe(1);
  });

  it('assigns in bulk, tells the assignee, and filters the queue', async () => {
    const one = await open(asB, { category: 'billing', subject: 'Invoice question B1', description: 'd' });
    const two = await open(asB, { category: 'billing', subject: 'Invoice question B2', description: 'd' });
    const bad = await asSupport({
      method: 'POST',
      url: '/api/console/tickets/assign',
      payload: { ticketIds: [one.id], assigneeId: reviewerId },
    });
    expect(bad.json().code).toBe('tickets.assignee_invalid');
    const missing = await asSupport({
      method: 'POST',
      url: '/api/console/tickets/assign',
      payload: { ticketIds: [one.id, 'tkt_nope'], assigneeId: support2Id },
    });
    expect(missing.statusCode).toBe(404);
    expect(
      (await asSupport({ method: 'GET', url: `/api/console/tickets/${one.id}` })).json().assignee,
    ).toBeNull();
    expect(
      (
        await asEco({
          method: 'POST',
          url: '/api/console/tickets/assign',
          payload: { ticketIds: [one.id], assigneeId: null },
        })
      ).statusCode,
    ).toBe(403);

    const res = await asSupport({
      method: 'POST',
      url: '/api/console/tickets/assign',
      payload: { ticketIds: [one.id, two.id], assigneeId: support2Id },
    });
    expect(res.json()).toEqual({ count: 2 });
    const told = await t.db.query<{ n: number }>(
      `select count(*)::int as n from notifications where user_id = $1 and template = 'tickets.assigned' and channel = 'email'`,
      [support2Id],
    );
    expect(told.rows[0]?.n).toBe(2);

    const mine = (await asSupport2({ method: 'GET', url: '/api/console/tickets?assignee=me' })).json();
    // Only this test's tickets: the concurrent-resolution test above assigns its ticket to whichever
    // support operator won the race.
    const ours = mine.items
      .map((x: { id: string }) => x.id)
      .filter((id: string) => id === one.id || id === two.id);
    expect(ours.sort()).toEqual([one.id, two.id].sort());
    const billing = (
      await asSupport({
        method: 'GET',
        url: `/api/console/tickets?category=billing&partnerId=${b.partner.id}`,
      })
    ).json();
    expect(billing.items).toHaveLength(2);
    expect(billing.items[0]).toMatchObject({ partnerName: b.partner.name, assignee: { id: support2Id } });
    const search = (await asSupport({ method: 'GET', url: '/api/console/tickets?q=question%20B2' })).json();
    expect(search.items.map((x: { id: string }) => x.id)).toEqual([two.id]);
    const closedOnly = (await asSupport({ method: 'GET', url: '/api/console/tickets?status=closed' })).json();
    expect(closedOnly.items.every((x: { status: string }) => x.status === 'closed')).toBe(true);
    const paged = (await asSupport({ method: 'GET', url: '/api/console/tickets?limit=1' })).json();
    expect(paged.items).toHaveLength(1);
    const next = (
      await asSupport({ method: 'GET', url: `/api/console/tickets?limit=1&cursor=${paged.nextCursor}` })
    ).json();
    expect(next.items[0].id).not.toBe(paged.items[0].id);
    expect((await asSupport({ method: 'GET', url: '/api/console/tickets?status=nonsense' })).statusCode).toBe(
      400,
    );
    const assignees = (await asSupport({ method: 'GET', url: '/api/console/tickets/assignees' })).json();
    expect(assignees.items.some((u: { id: string }) => u.id === support2Id)).toBe(true);
    expect(assignees.items.some((u: { id: string }) => u.id === reviewerId)).toBe(false);
  });
});
