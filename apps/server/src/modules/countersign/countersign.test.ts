import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import {
  type AsUser,
  asUser,
  createOperator,
  createPartnerUser,
  createPartnerWithAdmin,
  signIn,
} from '../../../test/factories.ts';
import { certifyBusiness } from '../invoices/invoices.test-helpers.ts';
import { escalateOverdueSteps } from './countersign.escalation.ts';

const TOKEN = 'countersign-ingest-token-0123456789';

describe('countersigned bills (R21)', () => {
  let t: TestApp;
  let eco: AsUser;
  let finance: AsUser;
  let admin: AsUser;
  let adminEmail: string;

  beforeAll(async () => {
    t = await createTestApp({ config: { ingestToken: TOKEN } });
    const e = await createOperator(t, ['ecosystem_manager']);
    eco = asUser(t, await signIn(t, e.user.email, e.password));
    const f = await createOperator(t, ['finance']);
    finance = asUser(t, await signIn(t, f.user.email, f.password));
    const a = await createOperator(t, ['admin']);
    adminEmail = a.user.email;
    admin = asUser(t, await signIn(t, a.user.email, a.password));
  });
  afterAll(() => t.close());

  let n = 0;
  function bill(partner: string, extra: Record<string, unknown> = {}) {
    n += 1;
    return {
      external_id: `KOO-${Date.now()}-${n}`,
      kind: 'marketplace',
      partner,
      title: '云商店商品结算 2026-01',
      period: '2026-01',
      lines: [
        { description: 'SaaS 订阅分成', quantity: 1, amount_fen: 80_000 },
        { description: '实施服务', quantity: 2, amount_fen: 20_000 },
      ],
      ...extra,
    };
  }
  const ingest = (bills: unknown[], auth = `Bearer ${TOKEN}`) =>
    t.app.inject({
      method: 'POST',
      url: '/api/ingest/countersign-bills',
      headers: { authorization: auth },
      payload: { bills },
    });

  async function certifiedPartner() {
    const p = await createPartnerWithAdmin(t);
    n += 1;
    await createPartnerUser(t, p.partner.id, ['admin'], {
      phone: `+86137001${String(37_000 + n).padStart(5, '0')}`,
    });
    await certifyBusiness(t, p.partner.id);
    return { ...p, admin: asUser(t, await signIn(t, p.user.email, p.password)) };
  }

  it('stores bills once, reports bad items, and refuses a wrong token', async () => {
    const p = await certifiedPartner();
    const b = bill(p.partner.domainId);
    const first = await ingest([b, bill('no-such-partner')]);
    expect(
      first.json().results.map((r: { outcome: string; code: string | null }) => [r.outcome, r.code]),
    ).toEqual([
      ['created', null],
      ['error', 'countersign.unknown_partner'],
    ]);
    const again = await ingest([b]);
    expect(again.json().results[0].outcome).toBe('duplicate');
    expect((await ingest([b], 'Bearer wrong-token-wrong-token-wrong')).statusCode).toBe(401);
    const mine = await p.admin({ method: 'GET', url: '/api/countersign-bills' });
    expect(mine.json()).toMatchObject({ total: 1, counts: { countersigning: 1 } });
    expect(mine.json().items[0]).toMatchObject({
      totalFen: 100_000,
      currentStep: { approver: 'partner', seq: 1 },
    });
  });

  it('runs the chain partner → business owner → finance and then issues the invoicing notice', async () => {
    const p = await certifiedPartner();
    const id = (await ingest([bill(p.partner.id)])).json().results[0].billId as string;
    const early = await finance({ method: 'POST', url: `/api/console/countersign-bills/${id}/approve` });
    expect([early.statusCode, early.json().code]).toEqual([403, 'countersign.not_your_step']);
    expect((await p.admin({ method: 'POST', url: `/api/countersign-bills/${id}/approve` })).statusCode).toBe(
      200,
    );
    const queue = await eco({ method: 'GET', url: '/api/console/countersign-bills?mine=true' });
    expect(queue.json().items.map((b: { id: string }) => b.id)).toContain(id);
    const bulk = await eco({
      method: 'POST',
      url: '/api/console/countersign-bills/bulk-approve',
      payload: { ids: [id] },
    });
    expect(bulk.json().results[0]).toMatchObject({ ok: true });
    const done = await finance({ method: 'POST', url: `/api/console/countersign-bills/${id}/approve` });
    expect(done.json()).toMatchObject({ status: 'completed', currentStep: null });
    const noticeId = done.json().noticeId as string;
    expect(done.json().steps.map((s: { status: string }) => s.status)).toEqual([
      'approved',
      'approved',
      'approved',
    ]);
    const notice = await p.admin({ method: 'GET', url: `/api/invoicing-notices/${noticeId}` });
    expect(notice.json()).toMatchObject({
      sourceKind: 'bill',
      sourceId: id,
      amountExTaxFen: 100_000,
      taxFen: 6_000,
      totalFen: 106_000,
    });
    expect(notice.json().invoiceList.lines[0].text['zh-CN']).toContain(
      '云商店商品账单 2026-01 SaaS 订阅分成',
    );
    // The formula names what is invoiced: the bill, not an incentive.
    expect(notice.json().invoiceList.formula['zh-CN']).toContain('账单金额（不含税）1000.00');
    expect(notice.json().invoiceList.formula['en-US']).toMatch(
      /^Invoice amount = pre-tax bill amount 1000\.00 \+ VAT/,
    );
    const sent = await t.db.query<{ channel: string }>(
      "select channel from notifications where partner_id = $1 and template = 'invoices.notice_issued' order by channel",
      [p.partner.id],
    );
    expect(sent.rows.map((r) => r.channel)).toEqual(['email', 'email', 'in_app', 'in_app', 'sms']);
  });

  it('lets any approver return the bill with a reason; the corrected bill starts a new round', async () => {
    const p = await certifiedPartner();
    const b = bill(p.partner.id);
    const id = (await ingest([b])).json().results[0].billId as string;
    await p.admin({ method: 'POST', url: `/api/countersign-bills/${id}/approve` });
    const ret = await eco({
      method: 'POST',
      url: `/api/console/countersign-bills/${id}/return`,
      payload: { reason: '实施服务数量有误' },
    });
    expect(ret.json()).toMatchObject({ status: 'returned', returnReason: '实施服务数量有误' });
    const msg = await t.db.query<{ body: string }>(
      "select body from notifications where partner_id = $1 and template = 'countersign.returned' and channel = 'email'",
      [p.partner.id],
    );
    expect(msg.rows[0]?.body).toContain('实施服务数量有误');
    const resent = await ingest([
      { ...b, lines: [{ description: 'SaaS 订阅分成', quantity: 1, amount_fen: 80_000 }] },
    ]);
    expect(resent.json().results[0]).toMatchObject({ outcome: 'resent', billId: id });
    const detail = await p.admin({ method: 'GET', url: `/api/countersign-bills/${id}` });
    expect(detail.json()).toMatchObject({
      status: 'countersigning',
      round: 2,
      totalFen: 80_000,
      currentStep: { seq: 1, round: 2 },
    });
  });

  it('escalates an overdue step to the manager once', async () => {
    const p = await certifiedPartner();
    const id = (await ingest([bill(p.partner.id)])).json().results[0].billId as string;
    await p.admin({ method: 'POST', url: `/api/countersign-bills/${id}/approve` });
    const later = new Date(t.clock.now().getTime() + 49 * 3600_000);
    expect(await escalateOverdueSteps(t.ctx, later)).toBeGreaterThanOrEqual(1);
    expect(await escalateOverdueSteps(t.ctx, later)).toBe(0);
    const sent = await t.db.query(
      "select count(*)::int as c from notifications where template = 'countersign.escalated' and recipient = $1 and data->>'billId' = $2",
      [adminEmail, id],
    );
    expect(sent.rows).toEqual([{ c: 1 }]);
    const detail = await admin({ method: 'GET', url: `/api/console/countersign-bills/${id}` });
    expect(detail.json().steps[1].escalatedAt).not.toBeNull();
  });

  it('uses the chain an operator admin set for new bills of that kind', async () => {
    const chain = {
      steps: [
        { approver: 'finance', label: { 'zh-CN': '财务审批', 'en-US': 'Finance approval' } },
        { approver: 'partner', label: { 'zh-CN': '伙伴确认', 'en-US': 'Partner confirmation' } },
      ],
    };
    expect(
      (await finance({ method: 'PUT', url: '/api/console/countersign-chains/procurement', payload: chain }))
        .statusCode,
    ).toBe(403);
    const set = await admin({
      method: 'PUT',
      url: '/api/console/countersign-chains/procurement',
      payload: chain,
    });
    expect(set.statusCode).toBe(200);
    const p = await certifiedPartner();
    const id = (await ingest([bill(p.partner.id, { kind: 'procurement' })])).json().results[0]
      .billId as string;
    const d = await admin({ method: 'GET', url: `/api/console/countersign-bills/${id}` });
    expect(d.json().steps.map((s: { approver: string }) => s.approver)).toEqual(['finance', 'partner']);
    const csv = await p.admin({ method: 'GET', url: '/api/countersign-bills/export?format=csv' });
    expect(csv.body).toContain('采购介入类账单');
  });
});
