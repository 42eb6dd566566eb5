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
import { BUSINESS_FORM, QUALIFICATION_FORM } from './certification.test-data.ts';
import { assertPayoutAllowed } from './payout-gate.service.ts';

const en = { 'x-language': 'en-US' };
const url = (id: string, action = '') => `/api/console/certifications/${id}${action ? `/${action}` : ''}`;

async function submitted(as: AsUser, stage: 'qualification' | 'business'): Promise<string> {
  await as({
    method: 'PUT',
    url: `/api/certification/${stage}`,
    payload: stage === 'business' ? BUSINESS_FORM : QUALIFICATION_FORM,
  });
  const res = await as({ method: 'POST', url: `/api/certification/${stage}/submit` });
  if (res.statusCode !== 200) throw new Error(res.body);
  return res.json().id;
}

describe('certification review queues (R3, R10) in the console', () => {
  let t: TestApp;
  let a: PartnerWithAdmin;
  let asA: AsUser;
  let asB: AsUser;
  let asReviewer: AsUser;
  let asReviewer2: AsUser;
  let asFinance: AsUser;
  let asOpAdmin: AsUser;
  let asSupport: AsUser;
  let reviewerId: string;
  let qualId: string;

  beforeAll(async () => {
    t = await createTestApp();
    a = await createPartnerWithAdmin(t, { locale: 'en-US' });
    const b = await createPartnerWithAdmin(t);
    const reviewer = await createOperator(t, ['reviewer']);
    reviewerId = reviewer.user.id;
    const reviewer2 = await createOperator(t, ['reviewer']);
    const finance = await createOperator(t, ['finance']);
    const opAdmin = await createOperator(t, ['admin']);
    const support = await createOperator(t, ['support']);
    asA = asUser(t, await signIn(t, a.user.email, a.password));
    asB = asUser(t, await signIn(t, b.user.email, b.password));
    asReviewer = asUser(t, await signIn(t, reviewer.user.email, reviewer.password));
    asReviewer2 = asUser(t, await signIn(t, reviewer2.user.email, reviewer2.password));
    asFinance = asUser(t, await signIn(t, finance.user.email, finance.password));
    asOpAdmin = asUser(t, await signIn(t, opAdmin.user.email, opAdmin.password));
    asSupport = asUser(t, await signIn(t, support.user.email, support.password));
    qualId = await submitted(asA, 'qualification');
  });
  afterAll(() => t.close());

  it('lets operators see the queue; partners and anonymous callers cannot', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/console/certifications' })).statusCode).toBe(401);
    expect((await asA({ method: 'GET', url: '/api/console/certifications' })).statusCode).toBe(403);
    expect((await asA({ method: 'GET', url: url(qualId) })).statusCode).toBe(403);
    expect((await asA({ method: 'POST', url: url(qualId, 'claim') })).statusCode).toBe(403);
    const list = await asSupport({ method: 'GET', url: '/api/console/certifications?stage=qualification' });
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toEqual([
      expect.objectContaining({
        id: qualId,
        partnerId: a.partner.id,
        status: 'submitted',
        companyName: QUALIFICATION_FORM.companyName,
      }),
    ]);
    expect(list.json().total).toBe(1);
    expect(
      (await asSupport({ method: 'GET', url: '/api/console/certifications?stage=business' })).json().total,
    ).toBe(0);
    expect(
      (await asSupport({ method: 'GET', url: '/api/console/certifications?q=%E4%BA%91%E5%90%AF' })).json()
        .total,
    ).toBe(1);
    expect(
      (await asSupport({ method: 'GET', url: '/api/console/certifications?q=nothing' })).json().total,
    ).toBe(0);
    expect(
      (await asSupport({ method: 'GET', url: '/api/console/certifications?status=bogus' })).statusCode,
    ).toBe(400);
  });

  it('only reviewers (and the operator admin) decide', async () => {
    for (const as of [asSupport, asFinance]) {
      const res = await as({ method: 'POST', url: url(qualId, 'claim') });
      expect(res.statusCode).toBe(403);
    }
  });

  it('refuses to approve what is not under review, and changes nothing', async () => {
    const res = await asReviewer({ method: 'POST', url: url(qualId, 'approve'), headers: en });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({
      code: 'certification.not_under_review',
      message: expect.stringContaining('not under review'),
    });
    const zh = await asReviewer({
      method: 'POST',
      url: url(qualId, 'approve'),
      headers: { 'x-language': 'zh-CN' },
    });
    expect(zh.json().message).toContain('不在审核中');
    expect((await asReviewer({ method: 'GET', url: url(qualId) })).json().status).toBe('submitted');
    expect((await asReviewer({ method: 'POST', url: url('cer_missing', 'claim') })).statusCode).toBe(404);
  });

  it('claims: the item goes under review, the partner is told, a second claim is refused', async () => {
    const res = await asReviewer({ method: 'POST', url: url(qualId, 'claim') });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'under_review',
      claimedBy: reviewerId,
      partnerName: a.partner.name,
    });
    const again = await asReviewer2({ method: 'POST', url: url(qualId, 'claim') });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('certification.not_claimable');
    const mine = await asReviewer({ method: 'GET', url: '/api/console/certifications?mine=true' });
    expect(mine.json().items.map((i: { id: string }) => i.id)).toEqual([qualId]);
    expect(
      (await asReviewer2({ method: 'GET', url: '/api/console/certifications?mine=true' })).json().total,
    ).toBe(0);
    const portal = await asA({ method: 'GET', url: '/api/certification' });
    expect(portal.json().qualification.status).toBe('under_review');
    const n = await t.db.query(
      `select 1 from notifications where partner_id = $1 and template = 'certification.under_review'`,
      [a.partner.id],
    );
    expect(n.rows.length).toBe(2);
  });

  it('another reviewer cannot decide what one has claimed; a reject needs a reason', async () => {
    const other = await asReviewer2({ method: 'POST', url: url(qualId, 'approve') });
    expect(other.statusCode).toBe(409);
    expect(other.json().code).toBe('certification.claimed_by_other');
    const noReason = await asReviewer({ method: 'POST', url: url(qualId, 'reject'), payload: {} });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().code).toBe('common.validation');
  });

  it('rejects with a reason the partner sees under Business info; the partner corrects and resubmits', async () => {
    const reason = 'The business scope does not match the licence';
    const res = await asReviewer({ method: 'POST', url: url(qualId, 'reject'), payload: { reason } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'rejected', rejectionReason: reason });
    const portal = (await asA({ method: 'GET', url: '/api/certification' })).json().qualification;
    expect(portal).toMatchObject({
      status: 'rejected',
      rejectionReason: reason,
      history: [{ decision: 'rejected', reason }],
    });
    const mail = await t.db.query<{ body: string; locale: string }>(
      `select body, locale from notifications where recipient = $1 and template = 'certification.rejected'`,
      [a.user.email],
    );
    expect(mail.rows[0]?.locale).toBe('en-US');
    expect(mail.rows[0]?.body).toContain(reason);

    const edit = await asA({
      method: 'PUT',
      url: '/api/certification/qualification',
      payload: { businessScope: '云计算产品销售' },
    });
    expect(edit.json()).toMatchObject({ status: 'rejected', rejectionReason: reason });
    t.clock.advance(3600_000);
    const again = await asA({ method: 'POST', url: '/api/certification/qualification/submit' });
    expect(again.json()).toMatchObject({
      status: 'submitted',
      rejectionReason: null,
      history: [{ decision: 'rejected' }],
    });
    const audit = await asOpAdmin({ method: 'GET', url: `/api/console/audit?entityId=${qualId}` });
    // Several entries share one clock instant, so compare the set of actions.
    expect(
      audit
        .json()
        .items.map((i: { action: string }) => i.action)
        .sort(),
    ).toEqual([
      'certification.claimed',
      'certification.draft_created',
      'certification.draft_saved',
      'certification.rejected',
      'certification.resubmitted',
      'certification.submitted',
    ]);
  });

  it('concurrent approvals of one submission: exactly one wins and the certificate is issued once', async () => {
    await asReviewer({ method: 'POST', url: url(qualId, 'claim') });
    const [r1, r2] = await Promise.all([
      asReviewer({ method: 'POST', url: url(qualId, 'approve') }),
      asReviewer({ method: 'POST', url: url(qualId, 'approve') }),
    ]);
    expect([r1.statusCode, r2.statusCode].sort()).toEqual([200, 409]);
    const loser = r1.statusCode === 409 ? r1 : r2;
    expect(loser.json().code).toBe('certification.not_under_review');
    const reviews = await t.db.query(
      `select decision from certification_reviews where submission_id = $1 and decision = 'approved'`,
      [qualId],
    );
    expect(reviews.rows.length).toBe(1);
    const certs = await t.db.query<{ status: string; valid_until: string }>(
      'select status, valid_until::text from partner_certificates where partner_id = $1',
      [a.partner.id],
    );
    expect(certs.rows).toEqual([{ status: 'active', valid_until: '2027-01-31' }]);
    const approved = await t.db.query(
      `select 1 from notifications where partner_id = $1 and template = 'certification.approved'`,
      [a.partner.id],
    );
    expect(approved.rows.length).toBe(2);
    const twice = await asA({ method: 'POST', url: '/api/certification/qualification/submit' });
    expect(twice.json().code).toBe('certification.already_approved');
  });

  it('business information: masked to reviewers, revealed to finance only, with the reveal audited', async () => {
    const id = await submitted(asA, 'business');
    const detail = await asReviewer({ method: 'GET', url: url(id) });
    expect(detail.json().data.bankAccountNumber).toBe('**** **** **** 3445');
    expect(detail.body).not.toContain('6222020200112233445');
    const payload = { reason: 'Payment of Q1 incentive' };
    for (const as of [asReviewer, asOpAdmin, asSupport, asA]) {
      expect((await as({ method: 'POST', url: url(id, 'reveal-bank-account'), payload })).statusCode).toBe(
        403,
      );
    }
    expect(
      (await asFinance({ method: 'POST', url: url(id, 'reveal-bank-account'), payload: {} })).statusCode,
    ).toBe(400);
    const reveal = await asFinance({ method: 'POST', url: url(id, 'reveal-bank-account'), payload });
    expect(reveal.json()).toEqual({ bankAccountNumber: '6222020200112233445' });
    const audit = await asOpAdmin({
      method: 'GET',
      url: `/api/console/audit?action=certification.bank_account_revealed`,
    });
    expect(audit.json().items[0]).toMatchObject({
      entityId: id,
      partnerId: a.partner.id,
      after: { reason: payload.reason },
    });
  });

  it('bulk claim and approve report each item; approval opens the payout gate', async () => {
    const id = (await asA({ method: 'GET', url: '/api/certification' })).json().business.id;
    const claim = await asReviewer({
      method: 'POST',
      url: '/api/console/certifications/bulk',
      payload: { action: 'claim', ids: [id, qualId] },
      headers: en,
    });
    expect(claim.json().results).toEqual([
      { id, ok: true, code: null, message: null },
      {
        id: qualId,
        ok: false,
        code: 'certification.not_claimable',
        message: expect.stringContaining('not waiting'),
      },
    ]);
    const noReason = await asReviewer({
      method: 'POST',
      url: '/api/console/certifications/bulk',
      payload: { action: 'reject', ids: [id] },
    });
    expect(noReason.statusCode).toBe(400);
    await expect(assertPayoutAllowed(t.ctx.db, a.partner.id)).rejects.toMatchObject({
      code: 'certification.payout_blocked',
    });
    const approve = await asOpAdmin({
      method: 'POST',
      url: '/api/console/certifications/bulk',
      payload: { action: 'approve', ids: [id] },
    });
    expect(approve.json().results).toEqual([{ id, ok: true, code: null, message: null }]);
    await expect(assertPayoutAllowed(t.ctx.db, a.partner.id)).resolves.toBeUndefined();
    const gate = await asA({ method: 'GET', url: '/api/payout-eligibility' });
    expect(gate.json()).toEqual({
      allowed: true,
      businessStatus: 'approved',
      code: null,
      message: null,
      link: null,
    });
    const edit = await asA({
      method: 'PUT',
      url: '/api/certification/business',
      payload: { bankName: '招商银行' },
    });
    expect(edit.json().code).toBe('certification.not_editable');
  });

  it('shows one partner’s certifications for the partner detail page, not another partner’s', async () => {
    const res = await asSupport({
      method: 'GET',
      url: `/api/console/certifications?partnerId=${a.partner.id}&status=draft,submitted,under_review,approved,rejected`,
    });
    expect(
      res
        .json()
        .items.map((i: { stage: string; status: string }) => [i.stage, i.status])
        .sort(),
    ).toEqual([
      ['business', 'approved'],
      ['qualification', 'approved'],
    ]);
    const b = (await asB({ method: 'GET', url: '/api/certification' })).json();
    expect(b.qualification.status).toBe('none');
  });
});
