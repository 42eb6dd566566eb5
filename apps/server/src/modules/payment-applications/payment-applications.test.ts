import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AsUser, asUser, createOperator, signIn } from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/index.ts';
import { type JobRuntime, startJobRuntime } from '../../platform/jobs/runtime.ts';
import {
  createSellingPartner,
  definePolicy,
  operatorActor,
  type SellingPartner,
} from '../incentives/incentives.test-helpers.ts';
import { startSettlement } from '../incentives/settlement.service.ts';
import { ingestSpendBatch } from '../spend/spend.service.ts';
import { spendRecord } from '../spend/spend.test-data.ts';
import { certifyPartner } from '../tax/tax.test-helpers.ts';

const sh = (local: string) => new Date(`${local}+08:00`);

describe('payment applications (R19, R4)', () => {
  let t: TestApp;
  let runtime: JobRuntime;
  let p: SellingPartner;
  let q: SellingPartner;
  let asP: AsUser;
  let asQ: AsUser;
  let asFinance: AsUser;
  let financeLogin: { email: string; password: string };

  const settle = async (periodKey: string) => {
    await startSettlement(t.ctx, operatorActor(), periodKey, 'operator');
    await runtime.drain();
  };
  const confirmAll = async (as: AsUser) => {
    for (const n of (await as({ method: 'GET', url: '/api/incentives/notices' })).json().items) {
      if (n.status === 'issued') await as({ method: 'POST', url: `/api/incentives/notices/${n.id}/confirm` });
    }
  };

  beforeAll(async () => {
    t = await createTestApp();
    runtime = await startJobRuntime(t.ctx, []);
    t.clock.set(sh('2026-01-05T10:00:00'));
    await definePolicy(t);
    p = await createSellingPartner(t, { certify: 'qualification_only' });
    q = await createSellingPartner(t, { certify: 'general' });
    const finance = await createOperator(t, ['finance']);
    financeLogin = { email: finance.user.email, password: finance.password };
    await ingestSpendBatch(t.ctx, [
      spendRecord(p.customer.domainId, 1_000_000, '2026-01-10T10:00:00+08:00'),
      spendRecord(p.customer.domainId, 500_000, '2026-03-10T10:00:00+08:00'),
      spendRecord(q.customer.domainId, 100_000, '2026-02-10T10:00:00+08:00'),
    ]);
    t.clock.set(sh('2026-02-01T09:00:00'));
    await settle('2026-01');
    asP = asUser(t, await signIn(t, p.user.email, p.password));
  });
  afterAll(async () => {
    await runtime.stop();
    await t.close();
  });

  it('refuses a quarter that has not ended, and a malformed one', async () => {
    await confirmAll(asP);
    const early = await asP({
      method: 'POST',
      url: '/api/payment-applications',
      payload: { quarter: '2026-Q1' },
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('payment_applications.quarter_not_ended');
    const bad = await asP({
      method: 'POST',
      url: '/api/payment-applications',
      payload: { quarter: '2026-Q5' },
    });
    expect(bad.statusCode).toBe(400);
  });

  it('until business information is certified the payout gate refuses, with the way to it (R4)', async () => {
    t.clock.set(sh('2026-04-01T09:00:00'));
    await settle('2026-02');
    await settle('2026-03');
    asP = asUser(t, await signIn(t, p.user.email, p.password));
    asQ = asUser(t, await signIn(t, q.user.email, q.password));
    asFinance = asUser(t, await signIn(t, financeLogin.email, financeLogin.password));
    const unconfirmed = await asP({
      method: 'POST',
      url: '/api/payment-applications',
      payload: { quarter: '2026-Q1' },
    });
    expect(unconfirmed.json().code).toBe('certification.payout_blocked');
    const page = (
      await asP({ method: 'GET', url: '/api/payment-applications', headers: { 'accept-language': 'en-US' } })
    ).json();
    expect(page.eligibility).toMatchObject({
      allowed: false,
      code: 'certification.payout_blocked',
      link: '/partner-info/business',
    });
    expect(page.eligibility.message).toContain('business information');
    await certifyPartner(t, p.partner.id, 'small_scale', ['business']);
    // The March notice is not confirmed yet
    const open = await asP({
      method: 'POST',
      url: '/api/payment-applications',
      payload: { quarter: '2026-Q1' },
    });
    expect(open.json()).toMatchObject({ code: 'payment_applications.unconfirmed_notices' });
    await confirmAll(asP);
  });

  it('1,000 concurrent duplicate submissions give exactly one application', async () => {
    const answers = await Promise.all(
      Array.from({ length: 1000 }, () =>
        asP({ method: 'POST', url: '/api/payment-applications', payload: { quarter: '2026-Q1' } }),
      ),
    );
    expect(answers.every((a) => a.statusCode === 200)).toBe(true);
    expect(new Set(answers.map((a) => a.json().id)).size).toBe(1);
    // Jan 10,000.00 × 6 % (tier) = 600.00; Mar 5,000.00 × 5 % = 250.00
    expect(answers[0]?.json()).toMatchObject({
      quarter: '2026-Q1',
      status: 'submitted',
      amountFen: 85_000,
      noticeCount: 2,
    });
    const rows = await t.db.query<{ n: number }>(
      'select count(*)::int as n from payment_applications where partner_id = $1',
      [p.partner.id],
    );
    expect(rows.rows[0]?.n).toBe(1);
  });

  it('finance approves: the invoicing notice is created with it, once', async () => {
    const queue = (
      await asFinance({ method: 'GET', url: '/api/console/payment-applications?status=submitted' })
    ).json();
    const app = queue.items.find((a: { partnerId: string }) => a.partnerId === p.partner.id);
    expect(queue.counts.submitted).toBeGreaterThanOrEqual(1);
    const ok = await asFinance({
      method: 'POST',
      url: `/api/console/payment-applications/${app.id}/approve`,
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().invoicingNoticeId).toBeTruthy();
    const notice = await t.db.query<{
      pre_tax_fen: number;
      total_fen: number;
      source_kind: string;
      source_id: string;
    }>('select pre_tax_fen, total_fen, source_kind, source_id from invoicing_notices where id = $1', [
      ok.json().invoicingNoticeId,
    ]);
    expect(notice.rows[0]).toMatchObject({
      source_kind: 'payment_application',
      source_id: app.id,
      pre_tax_fen: 85_000,
      total_fen: 87_550,
    });
    const twice = await asFinance({
      method: 'POST',
      url: `/api/console/payment-applications/${app.id}/approve`,
    });
    expect(twice.json().code).toBe('payment_applications.not_submitted');
    const audit = await t.db.query<{ action: string }>(
      'select action from audit_log where entity_id = $1 order by at',
      [app.id],
    );
    expect(audit.rows.map((r) => r.action)).toEqual([
      'payment_applications.submitted',
      'payment_applications.approved',
    ]);
    // the partner is told
    const mail = await t.db.query<{ n: number }>(
      `select count(*)::int as n from notifications where user_id = $1 and template = 'payment_applications.approved'`,
      [p.user.id],
    );
    expect(mail.rows[0]?.n).toBeGreaterThanOrEqual(1);
  });

  it('finance returns with a reason (bulk too); the partner submits again', async () => {
    await confirmAll(asQ);
    const sub = (
      await asQ({ method: 'POST', url: '/api/payment-applications', payload: { quarter: '2026-Q1' } })
    ).json();
    expect(sub.status).toBe('submitted');
    const bulk = await asFinance({
      method: 'POST',
      url: '/api/console/payment-applications/review',
      payload: { ids: [sub.id, 'pap_missing'], decision: 'return', reason: 'Bank account name differs' },
    });
    expect(bulk.json().done).toEqual([sub.id]);
    expect(bulk.json().failed).toMatchObject([{ id: 'pap_missing', code: 'payment_applications.not_found' }]);
    const mine = (await asQ({ method: 'GET', url: `/api/payment-applications/${sub.id}` })).json();
    expect(mine).toMatchObject({
      status: 'returned',
      returnReason: 'Bank account name differs',
      notices: [],
    });
    const again = (
      await asQ({ method: 'POST', url: '/api/payment-applications', payload: { quarter: '2026-Q1' } })
    ).json();
    expect(again).toMatchObject({ id: sub.id, status: 'submitted', returnReason: null });
    // another partner cannot read it
    expect((await asP({ method: 'GET', url: `/api/payment-applications/${sub.id}` })).statusCode).toBe(404);
  });
});
