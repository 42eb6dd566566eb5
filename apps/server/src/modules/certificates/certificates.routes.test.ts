import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AsUser,
  asUser,
  createOperator,
  createPartnerUser,
  createPartnerWithAdmin,
  lastMessageTo,
  type PartnerWithAdmin,
  signIn,
} from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/index.ts';
import { systemActor } from '../../platform/context.ts';
import { issueCertificate } from './certificates.service.ts';
import { openAnnualReviews } from './lifecycle.service.ts';

const materials = {
  summary: 'Served 42 customers this year, delivered 12 migration projects.',
  certifiedStaff: 8,
  customerCases: 12,
  contactName: 'Li Lei',
  contactPhone: '+86 138 0000 0000',
  documentUrls: ['https://drive.example.com/annual-2026.pdf'],
};

describe('certificate routes', () => {
  let t: TestApp;
  let a: PartnerWithAdmin;
  let b: PartnerWithAdmin;
  let asA: AsUser;
  let asB: AsUser;
  let asMemberA: AsUser;
  let asReviewer: AsUser;
  let asSupport: AsUser;
  let asFinance: AsUser;
  let reviewA: string;
  let reviewB: string;

  const issue = (partnerId: string) =>
    t.ctx.db.transaction((tx) => issueCertificate(t.ctx, tx, partnerId, systemActor()));

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set('2026-03-10T02:00:00Z');
    a = await createPartnerWithAdmin(t, { locale: 'en-US' });
    b = await createPartnerWithAdmin(t);
    await issue(a.partner.id);
    await issue(b.partner.id);
    t.clock.set('2026-11-30T16:00:00Z');
    expect(await openAnnualReviews(t.ctx, t.clock.now())).toBe(2);
    t.clock.set('2026-12-05T02:00:00Z');
    asA = asUser(t, await signIn(t, a.user.email, a.password));
    asB = asUser(t, await signIn(t, b.user.email, b.password));
    const member = await createPartnerUser(t, a.partner.id, ['member']);
    asMemberA = asUser(t, await signIn(t, member.user.email, member.password));
    const reviewer = await createOperator(t, ['reviewer']);
    asReviewer = asUser(t, await signIn(t, reviewer.user.email, reviewer.password));
    const support = await createOperator(t, ['support']);
    asSupport = asUser(t, await signIn(t, support.user.email, support.password));
    const finance = await createOperator(t, ['finance']);
    asFinance = asUser(t, await signIn(t, finance.user.email, finance.password));
    reviewA = (await asA({ method: 'GET', url: '/api/certificate' })).json().currentReview.id;
    reviewB = (await asB({ method: 'GET', url: '/api/certificate' })).json().currentReview.id;
  });
  afterAll(() => t.close());

  it('issuing notifies the partner in its language and is idempotent', async () => {
    const data = await lastMessageTo(t, a.user.email, 'certificates.issued');
    expect(data).toMatchObject({ validUntil: '2027-01-31' });
    const again = await issue(a.partner.id);
    expect(again.validUntil).toBe('2027-01-31');
    const n = await t.db.query<{ n: number }>(
      `select count(*)::int as n from partner_certificates where partner_id = $1`,
      [a.partner.id],
    );
    expect(n.rows[0]?.n).toBe(1);
    const sent = await t.db.query<{ subject: string }>(
      `select subject from notifications where recipient = $1 and template = 'certificates.issued'`,
      [a.user.email],
    );
    expect(sent.rows).toHaveLength(1);
    expect(sent.rows[0]?.subject).toContain('Your partner certificate');
  });

  it('the partner sees its certificate and the open review with the deadline', async () => {
    const res = await asMemberA({ method: 'GET', url: '/api/certificate' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.certificate).toMatchObject({ status: 'active', validUntil: '2027-01-31' });
    expect(body.certificate.number).toMatch(/^PC-2026-[0-9A-Z]{8}$/);
    expect(body.currentReview).toMatchObject({
      cycleYear: 2026,
      status: 'open',
      deadline: '2026-12-31T15:59:59.999Z',
      extendedValidUntil: '2028-01-31',
      canSubmit: true,
    });
    const notice = await lastMessageTo(t, b.user.email, 'certificates.review_opened');
    expect(notice).toMatchObject({ deadline: '2026-12-31 23:59', cycleYear: 2026 });
  });

  it('a partner without a certificate gets an empty answer', async () => {
    const c = await createPartnerWithAdmin(t);
    const asC = asUser(t, await signIn(t, c.user.email, c.password));
    const res = await asC({ method: 'GET', url: '/api/certificate' });
    expect(res.json()).toEqual({ certificate: null, currentReview: null, reviews: [] });
  });

  it('needs a session, a partner user and, to submit, an administrator', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/certificate' })).statusCode).toBe(401);
    expect((await asReviewer({ method: 'GET', url: '/api/certificate' })).statusCode).toBe(403);
    const res = await asMemberA({
      method: 'POST',
      url: `/api/certificate/reviews/${reviewA}/submit`,
      payload: materials,
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('common.forbidden');
  });

  it('refuses unknown fields and bad materials, changing nothing', async () => {
    const extra = await asA({
      method: 'POST',
      url: `/api/certificate/reviews/${reviewA}/submit`,
      payload: { ...materials, status: 'approved' },
    });
    expect(extra.statusCode).toBe(400);
    const short = await asA({
      method: 'POST',
      url: `/api/certificate/reviews/${reviewA}/submit`,
      payload: { ...materials, summary: 'short' },
    });
    expect(short.statusCode).toBe(400);
    const r = await asA({ method: 'GET', url: '/api/certificate' });
    expect(r.json().currentReview.status).toBe('open');
  });

  it('partner B can neither read nor submit partner A’s review', async () => {
    const res = await asB({
      method: 'POST',
      url: `/api/certificate/reviews/${reviewA}/submit`,
      payload: materials,
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('certificates.review_not_found');
    const mine = await asB({ method: 'GET', url: '/api/certificate' });
    expect(mine.json().reviews.map((r: { id: string }) => r.id)).toEqual([reviewB]);
    const fromA = await asA({ method: 'GET', url: '/api/certificate' });
    expect(fromA.json().currentReview.status).toBe('open');
  });

  it('an open review cannot be approved: only submitted ones', async () => {
    const res = await asReviewer({
      method: 'POST',
      url: `/api/console/certificate-reviews/${reviewA}/approve`,
      headers: { 'x-language': 'en-US' },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('certificates.review_not_submitted');
    expect(res.json().message).toContain('Only a review');
  });

  it('submit, refuse a second submit, reject with reason, resubmit, approve', async () => {
    const url = `/api/certificate/reviews/${reviewA}/submit`;
    const first = await asA({ method: 'POST', url, payload: materials });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ status: 'submitted', submissions: 1, canSubmit: false });

    t.clock.advance(1000);
    const twice = await asA({ method: 'POST', url, payload: materials, headers: { 'x-language': 'zh-CN' } });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('certificates.review_already_submitted');
    expect(twice.json().message).toContain('不能重复提交');

    t.clock.advance(1000);
    const rej = await asReviewer({
      method: 'POST',
      url: `/api/console/certificate-reviews/${reviewA}/reject`,
      payload: { reason: 'Customer cases lack contract evidence' },
    });
    expect(rej.statusCode).toBe(200);
    expect(rej.json()).toMatchObject({
      status: 'rejected',
      rejectReason: 'Customer cases lack contract evidence',
    });
    expect(await lastMessageTo(t, a.user.email, 'certificates.review_rejected')).toMatchObject({
      reason: 'Customer cases lack contract evidence',
    });
    const seen = await asA({ method: 'GET', url: '/api/certificate' });
    expect(seen.json().currentReview).toMatchObject({ status: 'rejected', canSubmit: true });

    t.clock.advance(1000);
    const again = await asA({ method: 'POST', url, payload: { ...materials, customerCases: 13 } });
    expect(again.json()).toMatchObject({ status: 'submitted', submissions: 2, rejectReason: null });

    t.clock.advance(1000);
    const ok = await asReviewer({
      method: 'POST',
      url: `/api/console/certificate-reviews/${reviewA}/approve`,
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().status).toBe('approved');
    const after = await asA({ method: 'GET', url: '/api/certificate' });
    expect(after.json().certificate.validUntil).toBe('2028-01-31');
    expect(await lastMessageTo(t, a.user.email, 'certificates.review_approved')).toMatchObject({
      validUntil: '2028-01-31',
    });
    const closed = await asA({ method: 'POST', url, payload: materials });
    expect(closed.json().code).toBe('certificates.review_closed');
    const audit = await t.db.query<{ action: string }>(
      `select action from audit_log where entity_id = $1 order by at, id`,
      [reviewA],
    );
    expect(audit.rows.map((r) => r.action)).toEqual([
      'certificate.review_opened',
      'certificate.review_submitted',
      'certificate.review_rejected',
      'certificate.review_resubmitted',
      'certificate.review_approved',
    ]);
  });

  it('two concurrent approvals: exactly one wins and validity moves once', async () => {
    await asB({ method: 'POST', url: `/api/certificate/reviews/${reviewB}/submit`, payload: materials });
    const url = `/api/console/certificate-reviews/${reviewB}/approve`;
    const [r1, r2] = await Promise.all([
      asReviewer({ method: 'POST', url }),
      asReviewer({ method: 'POST', url }),
    ]);
    expect([r1.statusCode, r2.statusCode].sort()).toEqual([200, 409]);
    const cert = await asB({ method: 'GET', url: '/api/certificate' });
    expect(cert.json().certificate.validUntil).toBe('2028-01-31');
    const renewed = await t.db.query<{ n: number }>(
      `select count(*)::int as n from audit_log where action = 'certificate.renewed' and partner_id = $1`,
      [b.partner.id],
    );
    expect(renewed.rows[0]?.n).toBe(1);
  });

  it('console roles: support and ecosystem managers view, only reviewers decide, finance sees nothing', async () => {
    expect((await asSupport({ method: 'GET', url: '/api/console/certificate-reviews' })).statusCode).toBe(
      200,
    );
    expect(
      (await asSupport({ method: 'POST', url: `/api/console/certificate-reviews/${reviewA}/approve` }))
        .statusCode,
    ).toBe(403);
    expect((await asFinance({ method: 'GET', url: '/api/console/certificate-reviews' })).statusCode).toBe(
      403,
    );
    expect(
      (await asFinance({ method: 'GET', url: `/api/console/partners/${a.partner.id}/certificate` }))
        .statusCode,
    ).toBe(403);
    expect((await asA({ method: 'GET', url: '/api/console/certificate-reviews' })).statusCode).toBe(403);
    expect(
      (
        await asA({
          method: 'POST',
          url: `/api/console/certificate-reviews/${reviewB}/reject`,
          payload: { reason: 'no' },
        })
      ).statusCode,
    ).toBe(403);
  });

  it('the queue filters by status, cycle and partner name, pages, and counts', async () => {
    const c = await createPartnerWithAdmin(t, { name: 'Queue Filter Co' });
    t.clock.set('2026-03-10T02:00:00Z');
    await issue(c.partner.id);
    t.clock.set('2026-11-30T16:00:00Z');
    await openAnnualReviews(t.ctx, t.clock.now());
    t.clock.set('2026-12-06T02:00:00Z');
    const all = await asReviewer({ method: 'GET', url: '/api/console/certificate-reviews?cycleYear=2026' });
    expect(all.json().items).toHaveLength(3);
    expect(all.json().counts).toEqual({ approved: 2, open: 1 });
    const open = await asReviewer({ method: 'GET', url: '/api/console/certificate-reviews?status=open' });
    expect(open.json().items.map((i: { partnerName: string }) => i.partnerName)).toEqual(['Queue Filter Co']);
    const byName = await asReviewer({ method: 'GET', url: '/api/console/certificate-reviews?q=filter%20co' });
    expect(byName.json().items).toHaveLength(1);
    expect(byName.json().items[0].certificateNumber).toMatch(/^PC-2026-/);
    const page1 = await asReviewer({ method: 'GET', url: '/api/console/certificate-reviews?limit=2' });
    expect(page1.json().items).toHaveLength(2);
    const page2 = await asReviewer({
      method: 'GET',
      url: `/api/console/certificate-reviews?limit=2&before=${page1.json().nextBefore}`,
    });
    expect(page2.json().items).toHaveLength(1);
    expect(page2.json().nextBefore).toBeNull();
    const bad = await asReviewer({ method: 'GET', url: '/api/console/certificate-reviews?status=nope' });
    expect(bad.statusCode).toBe(400);
    const overdueNone = await asReviewer({
      method: 'GET',
      url: '/api/console/certificate-reviews?overdue=true',
    });
    expect(overdueNone.json().items).toHaveLength(0);
  });

  it('bulk approve decides each review on its own', async () => {
    const d = await createPartnerWithAdmin(t);
    t.clock.set('2026-03-11T02:00:00Z');
    await issue(d.partner.id);
    t.clock.set('2026-11-30T16:00:00Z');
    await openAnnualReviews(t.ctx, t.clock.now());
    t.clock.set('2026-12-07T02:00:00Z');
    const asD = asUser(t, await signIn(t, d.user.email, d.password));
    const reviewD = (await asD({ method: 'GET', url: '/api/certificate' })).json().currentReview.id;
    await asD({ method: 'POST', url: `/api/certificate/reviews/${reviewD}/submit`, payload: materials });
    const res = await asReviewer({
      method: 'POST',
      url: '/api/console/certificate-reviews/bulk-approve',
      payload: { ids: [reviewD, reviewA, 'crv_missing'] },
      headers: { 'x-language': 'en-US' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().results).toEqual([
      { id: reviewD, ok: true, code: null, message: null },
      {
        id: reviewA,
        ok: false,
        code: 'certificates.review_not_submitted',
        message: expect.stringContaining('Only a review'),
      },
      { id: 'crv_missing', ok: false, code: 'certificates.review_not_found', message: expect.any(String) },
    ]);
    const detail = await asReviewer({ method: 'GET', url: `/api/console/certificate-reviews/${reviewD}` });
    expect(detail.json().review.materials).toMatchObject({ certifiedStaff: 8 });
    expect(detail.json().certificate.validUntil).toBe('2028-01-31');
    const tab = await asSupport({ method: 'GET', url: `/api/console/partners/${d.partner.id}/certificate` });
    expect(tab.json().reviews[0].status).toBe('approved');
  });

  it('an ecosystem manager sees the queue and a partner’s certificate but cannot decide', async () => {
    const em = await createOperator(t, ['ecosystem_manager']);
    const asEm = asUser(t, await signIn(t, em.user.email, em.password));
    expect((await asEm({ method: 'GET', url: '/api/console/certificate-reviews' })).statusCode).toBe(200);
    const tab = await asEm({ method: 'GET', url: `/api/console/partners/${a.partner.id}/certificate` });
    expect(tab.json().certificate.validUntil).toBe('2028-01-31');
    const res = await asEm({
      method: 'POST',
      url: `/api/console/certificate-reviews/${reviewA}/reject`,
      payload: { reason: 'not mine to decide' },
    });
    expect(res.statusCode).toBe(403);
  });

  it('a certificate issued in December gets that December’s review at once, with two weeks for materials', async () => {
    const late = await createPartnerWithAdmin(t);
    t.clock.set('2026-12-24T02:00:00Z');
    const cert = await issue(late.partner.id);
    expect(cert.validUntil).toBe('2027-01-31');
    const asLate = asUser(t, await signIn(t, late.user.email, late.password));
    const body = (await asLate({ method: 'GET', url: '/api/certificate' })).json();
    expect(body.currentReview).toMatchObject({ cycleYear: 2026, status: 'open', canSubmit: true });
    // 14 days after 24 December, end of day in Shanghai: later than the configured 31 December.
    expect(body.currentReview.deadline).toBe('2027-01-07T15:59:59.999Z');
    expect(await lastMessageTo(t, late.user.email, 'certificates.review_opened')).toMatchObject({
      deadline: '2027-01-07 23:59',
    });
  });

  it('after the deadline materials are refused with the deadline in the message', async () => {
    const e = await createPartnerWithAdmin(t, { locale: 'en-US' });
    t.clock.set('2026-03-12T02:00:00Z');
    await issue(e.partner.id);
    t.clock.set('2026-11-30T16:00:00Z');
    await openAnnualReviews(t.ctx, t.clock.now());
    t.clock.set('2027-01-02T02:00:00Z');
    const asE = asUser(t, await signIn(t, e.user.email, e.password));
    const body = (await asE({ method: 'GET', url: '/api/certificate' })).json();
    expect(body.currentReview).toMatchObject({ status: 'open', overdue: true, canSubmit: false });
    const res = await asE({
      method: 'POST',
      url: `/api/certificate/reviews/${body.currentReview.id}/submit`,
      payload: materials,
      headers: { 'x-language': 'en-US' },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'certificates.deadline_passed' });
    expect(res.json().message).toContain('2026-12-31 23:59');
    const reviewer = await createOperator(t, ['reviewer']);
    const asLateReviewer = asUser(t, await signIn(t, reviewer.user.email, reviewer.password));
    const overdue = await asLateReviewer({
      method: 'GET',
      url: '/api/console/certificate-reviews?overdue=true',
    });
    expect(overdue.json().items.map((i: { partnerId: string }) => i.partnerId)).toContain(e.partner.id);
  });
});
