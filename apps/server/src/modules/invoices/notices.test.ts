import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { createPartnerUser, createPartnerWithAdmin } from '../../../test/factories.ts';
import { systemActor } from '../../platform/context.ts';
import { AppError } from '../../platform/errors/errors.ts';
import { verifyListToken } from './invoice-link.ts';
import { certifyBusiness, issueNotice } from './invoices.test-helpers.ts';
import { createInvoicingNotice } from './notices.service.ts';

describe('invoicing notices', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const notice = async (id: string) =>
    (await t.db.query<Record<string, unknown>>('select * from invoicing_notices where id = $1', [id]))
      .rows[0];

  it('issues a notice with the amounts of a general taxpayer (6 %, half-up) and the certified seller', async () => {
    const p = await createPartnerWithAdmin(t);
    await certifyBusiness(t, p.partner.id);
    const id = await issueNotice(t, p.partner.id, { preTaxFen: 123_457 });
    const row = await notice(id);
    expect(row).toMatchObject({
      partner_id: p.partner.id,
      status: 'open',
      taxpayer_status: 'general',
      rate_basis_points: 600,
      pre_tax_fen: 123_457,
      amount_ex_tax_fen: 123_457,
      tax_fen: 7_407, // 7407.42 → 7407
      total_fen: 130_864,
      tax_rule: 'standard',
      notice_date: '2026-01-15',
    });
    expect(row?.seller).toEqual({ name: '云启信息技术有限公司', taxpayerId: '91110108MA01ABCD2X' });
    expect(String(row?.document_no)).toMatch(/^KPQD-20260115-[0-9A-Z]{8}$/);
    const events = await t.db.query('select state from invoicing_notice_events where notice_id = $1', [id]);
    expect(events.rows).toEqual([{ state: 'notified' }]);
    const audit = await t.db.query('select action from audit_log where entity_id = $1', [id]);
    expect(audit.rows).toEqual([{ action: 'invoices.notice_issued' }]);
  });

  it('uses 3 % for a small-scale taxpayer and the legacy rule for periods before 2019', async () => {
    const p = await createPartnerWithAdmin(t);
    await certifyBusiness(t, p.partner.id, { taxpayerStatus: 'small_scale' });
    const small = await notice(await issueNotice(t, p.partner.id, { preTaxFen: 100_050 }));
    expect(small).toMatchObject({ rate_basis_points: 300, tax_fen: 3_002, total_fen: 103_052 });
    const legacy = await notice(
      await issueNotice(t, p.partner.id, {
        preTaxFen: 106_000,
        periodStart: new Date('2018-10-01T00:00:00+08:00'),
      }),
    );
    // Legacy: without tax = 1060.00 ÷ 1.06 (general rate) = 1000.00; the 3 % small-scale tax on that.
    expect(legacy).toMatchObject({
      tax_rule: 'legacy',
      amount_ex_tax_fen: 100_000,
      tax_fen: 3_000,
      total_fen: 103_000,
    });
  });

  it('sends email, SMS and in-app messages with the figures, the buyer and a signed list link', async () => {
    const p = await createPartnerWithAdmin(t);
    const second = await createPartnerUser(t, p.partner.id, ['admin'], { phone: '+8613900139000' });
    await certifyBusiness(t, p.partner.id);
    const id = await issueNotice(t, p.partner.id, { preTaxFen: 1_000_000 });
    const rows = await t.db.query<{
      channel: string;
      recipient: string;
      body: string;
      data: Record<string, string>;
    }>(
      "select channel, recipient, body, data from notifications where template = 'invoices.notice_issued' and partner_id = $1 order by channel, recipient",
      [p.partner.id],
    );
    expect(rows.rows.map((r) => `${r.channel}:${r.recipient}`).sort()).toEqual(
      [
        `email:${p.user.email}`,
        `email:${second.user.email}`,
        `in_app:${p.user.id}`,
        `in_app:${second.user.id}`,
        'sms:+8613900139000',
      ].sort(),
    );
    const email = rows.rows.find((r) => r.channel === 'email' && r.recipient === p.user.email);
    // Amounts grouped by thousands (the notice's own figures are exact: 10,000.00 + 600.00).
    expect(email?.body).toContain('价税合计：10,600.00 元');
    expect(email?.body).toContain('10,000.00 元');
    expect(email?.body).toContain('税额：600.00 元');
    expect(email?.body).toContain('91520900MA6J6CBN9Q');
    expect(email?.body).toContain('技术服务费');
    const url = String(email?.data.listUrl);
    expect(url).toMatch(/^http:\/\/localhost:3000\/invoice-list\//);
    const check = verifyListToken(t.ctx.config.secretKey, url.split('/').pop() ?? '', t.clock.now());
    expect(check).toEqual({ ok: true, noticeId: id });
    const sms = rows.rows.find((r) => r.channel === 'sms');
    expect(sms?.body).toContain('10,600.00');
  });

  it('is idempotent on the source, also for concurrent calls', async () => {
    const p = await createPartnerWithAdmin(t);
    await certifyBusiness(t, p.partner.id);
    const source = { kind: 'bill' as const, id: `bill_${Date.now()}` };
    const ids = await Promise.all(
      [1, 2, 3].map(() => issueNotice(t, p.partner.id, { source, preTaxFen: 5_000 })),
    );
    expect(new Set(ids).size).toBe(1);
    const n = await t.db.query('select count(*)::int as c from invoicing_notices where source_id = $1', [
      source.id,
    ]);
    expect(n.rows).toEqual([{ c: 1 }]);
    const msgs = await t.db.query(
      "select count(*)::int as c from notifications where template = 'invoices.notice_issued' and partner_id = $1",
      [p.partner.id],
    );
    expect(msgs.rows).toEqual([{ c: 2 }]); // the one admin: email and in-app, once
  });

  it('refuses a partner whose business information is not certified (taxpayer status unknown)', async () => {
    const p = await createPartnerWithAdmin(t);
    const err = await issueNotice(t, p.partner.id).catch((e: unknown) => e);
    expect((err as AppError).code).toBe('tax.taxpayer_status_unknown');
  });

  it('writes nothing when the caller rolls back, and refuses bad input with a coded error', async () => {
    const p = await createPartnerWithAdmin(t);
    await certifyBusiness(t, p.partner.id);
    const source = { kind: 'payment_application' as const, id: `pay_rollback_${Date.now()}` };
    await expect(
      t.ctx.db.transaction(async (tx) => {
        await createInvoicingNotice(t.ctx, tx, systemActor(), {
          partnerId: p.partner.id,
          source,
          lines: [{ text: { 'zh-CN': '服务费', 'en-US': 'Service fee' }, preTaxFen: 100 }],
        });
        throw new Error('caller fails later');
      }),
    ).rejects.toThrow('caller fails later');
    const n = await t.db.query('select count(*)::int as c from invoicing_notices where source_id = $1', [
      source.id,
    ]);
    expect(n.rows).toEqual([{ c: 0 }]);
    const m = await t.db.query(
      "select count(*)::int as c from notifications where partner_id = $1 and template like 'invoices.%'",
      [p.partner.id],
    );
    expect(m.rows).toEqual([{ c: 0 }]);
    for (const lines of [[], [{ text: { 'zh-CN': '服务费', 'en-US': 'Fee' }, preTaxFen: 10.5 }]]) {
      const err = await issueNotice(t, p.partner.id, { lines }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).code).toBe('invoices.invalid_notice');
      expect(t.app.ctx.errors.message(err as AppError, 'zh-CN')).toContain('开票通知内容无效');
    }
  });
});
