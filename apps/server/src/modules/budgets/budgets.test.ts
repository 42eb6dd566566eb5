import { schema } from '@pc/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPartnerWithAdmin, createTestApp, type TestApp } from '../../../test/index.ts';
import { systemActor } from '../../platform/context.ts';
import { ingestSpendBatch } from '../spend/spend.service.ts';
import { createAssociatedCustomer, spendRecord } from '../spend/spend.test-data.ts';
import { rollOverMonthlyBudgets } from './budgets.jobs.ts';
import {
  type BudgetTarget,
  deleteBudget,
  getBudget,
  portalTarget,
  type SetBudgetInput,
  setBudget,
} from './budgets.service.ts';
import { addRecipients } from './recipients.service.ts';

describe('budgets and alerts', () => {
  let t: TestApp;
  let partnerId: string;
  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set('2026-03-10T04:00:00Z');
    partnerId = (await createPartnerWithAdmin(t)).partner.id;
  });
  afterAll(() => t.close());

  async function customerWithBudget(input: Partial<SetBudgetInput> = {}, recipients = true) {
    const c = await createAssociatedCustomer(t, partnerId);
    const target = await portalTarget(t.ctx, partnerId, c.id);
    await setBudget(
      t.ctx,
      systemActor(),
      target,
      { amountFen: 10_000, budgetType: 'MONTHLY', frozenOperateType: 0, cancelRestriction: false, ...input },
      'test',
    );
    if (recipients)
      await addRecipients(t.ctx, systemActor(), target, [
        { name: 'Li', phone: '13800000001', email: `li-${c.domainId}@example.test`, locale: 'zh-CN' },
        { name: 'Ann', email: `ann-${c.domainId}@example.test`, locale: 'en-US' },
      ]);
    return { c, target };
  }
  const alerts = async (customerId: string) =>
    (
      await t.db.query<{ threshold: number; period_key: string }>(
        'select threshold, period_key from budget_alerts where customer_id = $1 order by created_at, threshold',
        [customerId],
      )
    ).rows;
  const restrictedAt = async (customerId: string) =>
    (await t.ctx.db.select().from(schema.customers).where(eq(schema.customers.id, customerId)))[0]
      ?.purchaseRestrictedAt ?? null;
  const refresh = (target: BudgetTarget) => portalTarget(t.ctx, partnerId, target.customerId);

  it('alerts each threshold once per period, by SMS and email to every recipient', async () => {
    const { c } = await customerWithBudget();
    await ingestSpendBatch(t.ctx, [spendRecord(c.domainId, 7_400, '2026-03-05T00:00:00Z')]);
    expect(await alerts(c.id)).toEqual([]);
    await ingestSpendBatch(t.ctx, [spendRecord(c.domainId, 100, '2026-03-05T01:00:00Z')]); // 75 %
    await ingestSpendBatch(t.ctx, [spendRecord(c.domainId, 100, '2026-03-05T02:00:00Z')]); // still 76 %
    await ingestSpendBatch(t.ctx, [spendRecord(c.domainId, 2_000, '2026-03-05T03:00:00Z')]); // 96 %
    expect((await alerts(c.id)).map((a) => a.threshold)).toEqual([75, 90]);
    const sent = await t.db.query<{ channel: string; recipient: string; template: string; locale: string }>(
      `select channel, recipient, template, locale from notifications where data->>'customerDomainId' = $1 order by recipient, channel`,
      [c.domainId],
    );
    // Li: SMS + email, Ann: email only (no phone); two thresholds.
    expect(sent.rows).toHaveLength(6);
    expect(sent.rows.filter((r) => r.channel === 'sms').map((r) => r.recipient)).toEqual([
      '+8613800000001',
      '+8613800000001',
    ]);
    expect(sent.rows.find((r) => r.recipient.startsWith('ann'))?.locale).toBe('en-US');
    const events = await t.db.query<{ type: string }>(
      `select type from events where subject_id = $1 and type = 'budget.threshold_crossed'`,
      [c.id],
    );
    expect(events.rows).toHaveLength(2);
  });

  it('a budget deleted and set again in the same month alerts again', async () => {
    const { c, target } = await customerWithBudget({}, false);
    await ingestSpendBatch(t.ctx, [spendRecord(c.domainId, 8_000, '2026-03-05T00:00:00Z')]);
    expect((await alerts(c.id)).map((a) => a.threshold)).toEqual([75]);
    await deleteBudget(t.ctx, systemActor(), await refresh(target), 'test');
    await setBudget(
      t.ctx,
      systemActor(),
      await refresh(target),
      { amountFen: 10_000, budgetType: 'MONTHLY', frozenOperateType: 0, cancelRestriction: false },
      'test',
    );
    await ingestSpendBatch(t.ctx, [spendRecord(c.domainId, 100, '2026-03-05T01:00:00Z')]);
    // The new budget starts at 81 % of the month's spend: its 75 % is announced again.
    expect((await alerts(c.id)).map((a) => a.threshold)).toEqual([75, 75]);
  });

  it('restricts the customer at 100 % when automatic restriction is on', async () => {
    const { c } = await customerWithBudget({ frozenOperateType: 1 });
    await ingestSpendBatch(t.ctx, [spendRecord(c.domainId, 10_000, '2026-03-05T00:00:00Z')]);
    expect((await alerts(c.id)).map((a) => a.threshold)).toEqual([75, 90, 100]);
    expect(await restrictedAt(c.id)).not.toBeNull();
    const sms = await t.db.query<{ template: string }>(
      `select template from notifications where recipient = '+8613800000001' and data->>'customerDomainId' = $1 and channel = 'sms'`,
      [c.domainId],
    );
    expect(sms.rows.map((r) => r.template).sort()).toEqual([
      'budgets.exhausted_restricted',
      'budgets.threshold_crossed',
      'budgets.threshold_crossed',
    ]);
  });

  it('does not restrict at 100 % with manual handling', async () => {
    const { c } = await customerWithBudget({ frozenOperateType: 0 });
    await ingestSpendBatch(t.ctx, [spendRecord(c.domainId, 12_000, '2026-03-05T00:00:00Z')]);
    expect((await alerts(c.id)).map((a) => a.threshold)).toEqual([75, 90, 100]);
    expect(await restrictedAt(c.id)).toBeNull();
  });

  it('counts out-of-order spend toward its own month, not the current period', async () => {
    const { c, target } = await customerWithBudget();
    await ingestSpendBatch(t.ctx, [spendRecord(c.domainId, 9_500, '2026-02-20T00:00:00Z')]);
    expect(await alerts(c.id)).toEqual([]);
    expect((await getBudget(t.ctx, target))?.usedFen).toBe(0);
    await ingestSpendBatch(t.ctx, [spendRecord(c.domainId, 8_000, '2026-03-01T00:00:00Z')]);
    expect((await getBudget(t.ctx, target))?.usedFen).toBe(8_000);
  });

  it('alerts exactly once when concurrent batches cross the same threshold', async () => {
    const { c } = await customerWithBudget({}, false);
    await ingestSpendBatch(t.ctx, [spendRecord(c.domainId, 7_000, '2026-03-05T00:00:00Z')]);
    const batches = Array.from({ length: 6 }, (_, i) => [
      spendRecord(c.domainId, 600, `2026-03-05T0${i}:10:00Z`),
    ]);
    await Promise.all(batches.map((b) => ingestSpendBatch(t.ctx, b)));
    const all = await alerts(c.id);
    expect(all.map((a) => a.threshold)).toEqual([75, 90, 100]);
  });

  it('raising the budget re-arms the thresholds above the usage; lowering crosses at once', async () => {
    const { c, target } = await customerWithBudget({ frozenOperateType: 1 });
    await ingestSpendBatch(t.ctx, [spendRecord(c.domainId, 9_200, '2026-03-05T00:00:00Z')]); // 75, 90
    const base = { budgetType: 'MONTHLY' as const, frozenOperateType: 1 as const, cancelRestriction: false };
    await setBudget(t.ctx, systemActor(), await refresh(target), { ...base, amountFen: 11_000 }, 't'); // 83.6 %
    expect((await getBudget(t.ctx, target))?.alerted).toEqual([75]);
    await ingestSpendBatch(t.ctx, [spendRecord(c.domainId, 800, '2026-03-05T01:00:00Z')]); // 90.9 %
    expect((await alerts(c.id)).map((a) => a.threshold)).toEqual([75, 90, 90]);
    await setBudget(t.ctx, systemActor(), await refresh(target), { ...base, amountFen: 10_000 }, 't'); // 100 %
    expect((await alerts(c.id)).map((a) => a.threshold)).toEqual([75, 90, 90, 100]);
    expect(await restrictedAt(c.id)).not.toBeNull();
    await setBudget(
      t.ctx,
      systemActor(),
      await refresh(target),
      { ...base, amountFen: 20_000, cancelRestriction: true },
      't',
    );
    expect(await restrictedAt(c.id)).toBeNull();
  });

  it('a one-time budget counts spend at or after its start only', async () => {
    t.clock.set('2026-03-10T04:00:00Z');
    const c = await createAssociatedCustomer(t, partnerId);
    await ingestSpendBatch(t.ctx, [spendRecord(c.domainId, 5_000, '2026-03-09T00:00:00Z')]);
    const target = await portalTarget(t.ctx, partnerId, c.id);
    await setBudget(
      t.ctx,
      systemActor(),
      target,
      { amountFen: 10_000, budgetType: 'PACKAGE', frozenOperateType: 1, cancelRestriction: false },
      't',
    );
    expect((await getBudget(t.ctx, target))?.usedFen).toBe(0);
    await ingestSpendBatch(t.ctx, [
      spendRecord(c.domainId, 4_000, '2026-03-09T12:00:00Z'), // before the start: not counted
      spendRecord(c.domainId, 8_000, '2026-03-10T05:00:00Z'),
    ]);
    expect((await getBudget(t.ctx, target))?.usedFen).toBe(8_000);
    t.clock.set('2026-04-02T04:00:00Z'); // no monthly reset for a one-time budget
    await ingestSpendBatch(t.ctx, [spendRecord(c.domainId, 2_000, '2026-04-02T00:00:00Z')]);
    expect((await getBudget(t.ctx, target))?.usedFen).toBe(10_000);
    expect((await alerts(c.id)).map((a) => a.threshold)).toEqual([75, 90, 100]);
    expect(await restrictedAt(c.id)).not.toBeNull();
    t.clock.set('2026-03-10T04:00:00Z');
  });

  it('a new month re-arms the thresholds and lifts the restriction (job, or lazily on spend)', async () => {
    t.clock.set('2026-03-10T04:00:00Z');
    const lazy = await customerWithBudget({ frozenOperateType: 1 }, false);
    const job = await customerWithBudget({ frozenOperateType: 1 }, false);
    for (const x of [lazy, job]) {
      await ingestSpendBatch(t.ctx, [spendRecord(x.c.domainId, 10_000, '2026-03-05T00:00:00Z')]);
      expect(await restrictedAt(x.c.id)).not.toBeNull();
    }
    t.clock.set('2026-03-31T16:00:00Z'); // 1 April 00:00 in Shanghai
    await rollOverMonthlyBudgets(t.ctx);
    expect(await restrictedAt(job.c.id)).toBeNull();
    const rolled = await getBudget(t.ctx, job.target);
    expect(rolled).toMatchObject({ periodKey: '2026-04', usedFen: 0, alerted: [] });
    // The other one: spend arrives first (as if the job had not run yet for it).
    await t.db.query(`update budgets set period_key = '2026-03' where customer_id = $1`, [lazy.c.id]);
    await ingestSpendBatch(t.ctx, [spendRecord(lazy.c.domainId, 7_500, '2026-03-31T17:00:00Z')]);
    expect(await restrictedAt(lazy.c.id)).toBeNull();
    expect((await alerts(lazy.c.id)).map((a) => `${a.period_key}:${a.threshold}`)).toEqual([
      '2026-03:75',
      '2026-03:90',
      '2026-03:100',
      '2026-04:75',
    ]);
    t.clock.set('2026-03-10T04:00:00Z');
  });
});
