import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asUser, createPartnerWithAdmin, type PartnerWithAdmin, signIn } from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/index.ts';
import { systemActor } from '../../platform/context.ts';
import { linkReseller } from '../customers/customers.test-helpers.ts';
import { applyToProgram } from '../memberships/applications.service.ts';
import { ingestSpendBatch } from '../spend/spend.service.ts';
import { createAssociatedCustomer, spendRecord } from '../spend/spend.test-data.ts';

describe('performance from spend (R5)', () => {
  let t: TestApp;
  let d: PartnerWithAdmin;
  let r: PartnerWithAdmin;
  let customer: { domainId: string };

  const annual = async (partnerId: string, year: number) =>
    (
      await t.db.query<{ amount_fen: string }>(
        'select amount_fen from annual_performance where partner_id = $1 and year = $2',
        [partnerId, year],
      )
    ).rows[0]?.amount_fen;

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set('2026-01-20T02:00:00Z');
    d = await createPartnerWithAdmin(t);
    r = await createPartnerWithAdmin(t, { locale: 'en-US' });
    await linkReseller(
      t,
      { partnerId: d.partner.id, userId: d.user.id },
      { partnerId: r.partner.id, userId: r.user.id, email: r.user.email },
    );
    customer = await createAssociatedCustomer(t, r.partner.id);
    t.clock.set('2026-03-01T02:00:00Z');
  });
  afterAll(() => t.close());

  it('adds eligible cash once to the reseller and its distributor, by the Asia/Shanghai year', async () => {
    const first = spendRecord(customer.domainId, 79_999_999, '2026-02-10T10:00:00+08:00');
    const voucher = spendRecord(customer.domainId, 50_000, '2026-02-10T10:00:00+08:00', {
      payment_kind: 'voucher',
    });
    // 2025-12-31 23:30 Shanghai is still 2025, though it is 15:30 UTC the same day
    const newYearsEve = spendRecord(customer.domainId, 1_000, '2025-12-31T15:30:00Z');
    const res = await ingestSpendBatch(t.ctx, [first, voucher, newYearsEve, first]);
    expect(res).toMatchObject({ accepted: 3, duplicates: 1 });
    // a retried batch and a re-import count nothing again
    expect(await ingestSpendBatch(t.ctx, [first, voucher, newYearsEve])).toMatchObject({
      accepted: 0,
      duplicates: 3,
    });

    expect(Number(await annual(r.partner.id, 2026))).toBe(79_999_999);
    expect(Number(await annual(r.partner.id, 2025))).toBe(1_000);
    // the distributor counts its reseller's spend from the day they were linked (not the 2025 record)
    expect(Number(await annual(d.partner.id, 2026))).toBe(79_999_999);
    expect(await annual(d.partner.id, 2025)).toBeUndefined();
    const asR = asUser(t, await signIn(t, r.user.email, r.password));
    const perf = (await asR({ method: 'GET', url: '/api/incentives/performance' })).json();
    expect(perf).toMatchObject({
      year: 2026,
      amountFen: 79_999_999,
      ownFen: 79_999_999,
      resellersFen: 0,
      reached: false,
      remainingFen: 1,
    });
    const asD = asUser(t, await signIn(t, d.user.email, d.password));
    expect((await asD({ method: 'GET', url: '/api/incentives/performance' })).json()).toMatchObject({
      ownFen: 0,
      resellersFen: 79_999_999,
    });
  });

  it('the threshold is inclusive at exactly 800,000.00: the reseller may then apply to the ASSC program', async () => {
    const actor = {
      ...systemActor(),
      type: 'user' as const,
      id: r.user.id,
      partnerId: r.partner.id,
      roles: ['admin'],
    };
    await expect(
      applyToProgram(t.ctx, actor, { program: 'authorized_sales_support_center' }),
    ).rejects.toMatchObject({
      code: 'memberships.below_threshold',
    });
    await ingestSpendBatch(t.ctx, [spendRecord(customer.domainId, 1, '2026-02-28T23:59:59+08:00')]);
    expect(Number(await annual(r.partner.id, 2026))).toBe(80_000_000);
    const app = await applyToProgram(t.ctx, actor, { program: 'authorized_sales_support_center' });
    expect(app).toMatchObject({ status: 'submitted', performanceFen: 80_000_000, performanceYear: 2026 });
  });

  it('concurrent batches of distinct records for one partner lose no addition', async () => {
    const before = Number(await annual(r.partner.id, 2026));
    await Promise.all(
      Array.from({ length: 8 }, () =>
        ingestSpendBatch(t.ctx, [spendRecord(customer.domainId, 100, '2026-02-20T12:00:00+08:00')]),
      ),
    );
    expect(Number(await annual(r.partner.id, 2026))).toBe(before + 800);
  });

  it('a reseller linked within the month of a batch: its distributor counts only the spend after the link', async () => {
    const ownBefore = Number(await annual(r.partner.id, 2026));
    const theirsBefore = Number(await annual(d.partner.id, 2026));
    // linked 2026-01-20 02:00 UTC; both records are January 2026 (one group of the batch)
    const res = await ingestSpendBatch(t.ctx, [
      spendRecord(customer.domainId, 1_000, '2026-01-15T10:00:00+08:00'),
      spendRecord(customer.domainId, 2_000, '2026-01-25T10:00:00+08:00'),
      spendRecord(customer.domainId, 400, '2026-01-26T10:00:00+08:00', { payment_kind: 'voucher' }),
    ]);
    expect(res).toMatchObject({ accepted: 3, duplicates: 0 });
    expect(Number(await annual(r.partner.id, 2026))).toBe(ownBefore + 3_000);
    expect(Number(await annual(d.partner.id, 2026))).toBe(theirsBefore + 2_000);
  });
});
