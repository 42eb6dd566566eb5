import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AsUser,
  asUser,
  createOperator,
  createPartnerWithAdmin,
  signIn,
} from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/index.ts';
import { invoiceAmounts, taxpayerStatusOf } from './index.ts';
import { shanghaiDayStart } from './tax.rules.ts';
import { certifyPartner } from './tax.test-helpers.ts';

describe('tax: VAT rates and invoice amounts', () => {
  let t: TestApp;
  let asFinance: AsUser;
  let asReviewer: AsUser;
  let asSupport: AsUser;

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set('2026-06-10T02:00:00Z');
    const finance = await createOperator(t, ['finance']);
    asFinance = asUser(t, await signIn(t, finance.user.email, finance.password));
    const reviewer = await createOperator(t, ['reviewer']);
    asReviewer = asUser(t, await signIn(t, reviewer.user.email, reviewer.password));
    const support = await createOperator(t, ['support']);
    asSupport = asUser(t, await signIn(t, support.user.email, support.password));
  });
  afterAll(() => t.close());

  it('reads the taxpayer status from approved business information only', async () => {
    const small = await createPartnerWithAdmin(t);
    expect(await taxpayerStatusOf(t.ctx, t.ctx.db, small.partner.id)).toBeNull();
    await certifyPartner(t, small.partner.id, 'small_scale', ['qualification']);
    expect(await taxpayerStatusOf(t.ctx, t.ctx.db, small.partner.id)).toBeNull();
    await certifyPartner(t, small.partner.id, 'small_scale', ['business']);
    expect(await taxpayerStatusOf(t.ctx, t.ctx.db, small.partner.id)).toBe('small_scale');
  });

  it('lists the default rates, and finance adds an effective-dated rate (audited)', async () => {
    const list = await asReviewer({ method: 'GET', url: '/api/console/tax/vat-rates' });
    expect(list.statusCode).toBe(200);
    expect(list.json().current).toEqual({ general: 600, small_scale: 300 });
    expect(list.json().legacyCutoff).toBe('2019-01-01');

    const add = await asFinance({
      method: 'POST',
      url: '/api/console/tax/vat-rates',
      payload: {
        taxpayerStatus: 'small_scale',
        rateBasisPoints: 100,
        effectiveFrom: '2026-07-01',
        note: 'relief',
      },
    });
    expect(add.statusCode).toBe(200);
    expect(add.json()).toMatchObject({ rate: '1%', effectiveFrom: '2026-07-01', source: 'operator' });

    const again = await asFinance({
      method: 'POST',
      url: '/api/console/tax/vat-rates',
      headers: { 'accept-language': 'en-US' },
      payload: { taxpayerStatus: 'small_scale', rateBasisPoints: 200, effectiveFrom: '2026-07-01' },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('tax.rate_exists');

    const past = await asFinance({
      method: 'POST',
      url: '/api/console/tax/vat-rates',
      payload: { taxpayerStatus: 'general', rateBasisPoints: 500, effectiveFrom: '2026-06-09' },
    });
    expect(past.statusCode).toBe(400);
    expect(past.json().code).toBe('tax.rate_in_past');

    const audit = await t.db.query<{ n: number }>(
      `select count(*)::int as n from audit_log where action = 'tax.rate_added' and entity_id = $1`,
      [add.json().id],
    );
    expect(audit.rows[0]?.n).toBe(1);

    // the rate applies from 00:00 Asia/Shanghai on its day, not before
    const before = await invoiceAmounts(t.ctx, t.ctx.db, {
      status: 'small_scale',
      preTaxFen: 10_000,
      on: new Date('2026-06-30T15:59:59Z'),
    });
    const from = await invoiceAmounts(t.ctx, t.ctx.db, {
      status: 'small_scale',
      preTaxFen: 10_000,
      on: shanghaiDayStart('2026-07-01'),
    });
    expect([before.rateBasisPoints, before.totalFen]).toEqual([300, 10_300]);
    expect([from.rateBasisPoints, from.totalFen]).toEqual([100, 10_100]);
  });

  it('refuses support and bad input with a field name', async () => {
    expect((await asSupport({ method: 'GET', url: '/api/console/tax/vat-rates' })).statusCode).toBe(403);
    const bad = await asFinance({
      method: 'POST',
      url: '/api/console/tax/vat-rates',
      payload: { taxpayerStatus: 'exempt', rateBasisPoints: 600, effectiveFrom: '2026-08-01' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('common.validation');
  });

  it('previews the legacy rule for a period before 2019', async () => {
    const r = await asReviewer({
      method: 'GET',
      url: '/api/console/tax/invoice-preview?taxpayerStatus=small_scale&preTaxFen=106000&periodStart=2018-12-01&on=2018-12-31',
    });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ rule: 'legacy', amountExTaxFen: 100_000, totalFen: 103_000 });
  });
});
