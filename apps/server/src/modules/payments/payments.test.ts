import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import {
  type AsUser,
  asUser,
  createOperator,
  createPartnerWithAdmin,
  signIn,
} from '../../../test/factories.ts';
import { acceptedNotice, certifyBusiness, issueNotice } from '../invoices/invoices.test-helpers.ts';

describe('payments (R21, R4)', () => {
  let t: TestApp;
  let finance: AsUser;
  let support: AsUser;
  beforeAll(async () => {
    t = await createTestApp();
    const f = await createOperator(t, ['finance']);
    finance = asUser(t, await signIn(t, f.user.email, f.password));
    const s = await createOperator(t, ['support']);
    support = asUser(t, await signIn(t, s.user.email, s.password));
  });
  afterAll(() => t.close());

  async function certifiedPartner() {
    const p = await createPartnerWithAdmin(t);
    await certifyBusiness(t, p.partner.id);
    return { ...p, admin: asUser(t, await signIn(t, p.user.email, p.password)) };
  }
  const pay = (id: string, body: Record<string, unknown> = {}) =>
    finance({
      method: 'POST',
      url: `/api/console/invoicing-notices/${id}/payment`,
      payload: { paidOn: '2026-01-20', amountFen: 106_000, bankReference: 'CMB20260120001', ...body },
    });

  it('pays an accepted notice once, to the certified account, and the partner sees it paid', async () => {
    const p = await certifiedPartner();
    const id = await acceptedNotice(t, p.partner.id, p.admin, finance);
    const payee = await finance({ method: 'GET', url: `/api/console/invoicing-notices/${id}/payee` });
    expect(payee.json()).toMatchObject({
      payoutAllowed: true,
      totalFen: 106_000,
      account: { accountMasked: '**** **** **** 3445', bankName: '中国工商银行' },
    });
    expect(payee.body).not.toContain('6222020200112233445');
    const wrong = await pay(id, { amountFen: 105_999 });
    expect([wrong.statusCode, wrong.json().code]).toEqual([400, 'payments.amount_mismatch']);
    const paid = await pay(id);
    expect(paid.statusCode).toBe(200);
    expect(paid.json()).toMatchObject({
      amountFen: 106_000,
      accountMasked: '**** **** **** 3445',
      paidOn: '2026-01-20',
    });
    const twice = await pay(id);
    expect([twice.statusCode, twice.json().code]).toEqual([409, 'payments.not_payable']);
    const detail = await p.admin({ method: 'GET', url: `/api/invoicing-notices/${id}` });
    expect(detail.json().status).toBe('paid');
    expect(detail.json().timeline.at(-1)).toMatchObject({ state: 'paid', detail: { paidOn: '2026-01-20' } });
    const mine = await p.admin({ method: 'GET', url: '/api/payments' });
    expect(mine.json()).toMatchObject({ total: 1, items: [{ noticeId: id, amountFen: 106_000 }] });
    const csv = await p.admin({ method: 'GET', url: '/api/payments/export?format=csv' });
    expect(csv.body).toContain('CMB20260120001');
    const msg = await t.db.query(
      "select count(*)::int as c from notifications where partner_id = $1 and template = 'payments.paid'",
      [p.partner.id],
    );
    expect(msg.rows).toEqual([{ c: 2 }]);
  });

  it('refuses to pay before acceptance, and when the payout gate closed after the notice', async () => {
    const p = await certifiedPartner();
    const open = await issueNotice(t, p.partner.id, { preTaxFen: 100_000 });
    const early = await pay(open);
    expect([early.statusCode, early.json().code]).toEqual([409, 'payments.not_payable']);
    const id = await acceptedNotice(t, p.partner.id, p.admin, finance);
    // The partner changed its business information: certified no more until reviewed again (R4).
    await t.db.query(
      "update certification_submissions set status = 'submitted' where partner_id = $1 and stage = 'business'",
      [p.partner.id],
    );
    const gate = await finance({ method: 'GET', url: `/api/console/invoicing-notices/${id}/payee` });
    expect(gate.json()).toMatchObject({ payoutAllowed: false, account: null });
    const blocked = await pay(id);
    expect(blocked.json().code).toBe('certification.payout_blocked');
    const n = await t.db.query('select count(*)::int as c from payments where notice_id = $1', [id]);
    expect(n.rows).toEqual([{ c: 0 }]);
  });

  it('reveals the full account number to finance only, with the reason audited', async () => {
    const p = await certifiedPartner();
    const id = await acceptedNotice(t, p.partner.id, p.admin, finance);
    const url = `/api/console/invoicing-notices/${id}/payee/reveal`;
    expect((await support({ method: 'POST', url, payload: { reason: '核对' } })).statusCode).toBe(403);
    const res = await finance({ method: 'POST', url, payload: { reason: '银行退票，核对账号' } });
    expect(res.json()).toEqual({ accountNumber: '6222020200112233445' });
    const audit = await t.db.query<{ after: { reason: string } }>(
      "select after from audit_log where entity_id = $1 and action = 'payments.account_revealed'",
      [id],
    );
    expect(audit.rows.map((r) => r.after.reason)).toEqual(['银行退票，核对账号']);
  });
});
