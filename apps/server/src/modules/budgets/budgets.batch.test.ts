import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPartnerWithAdmin, createTestApp, type TestApp } from '../../../test/index.ts';
import { systemActor } from '../../platform/context.ts';
import { ingestSpendBatch } from '../spend/spend.service.ts';
import { createAssociatedCustomer, spendRecord } from '../spend/spend.test-data.ts';
import { portalTarget, setBudget } from './budgets.service.ts';
import { addRecipients } from './recipients.service.ts';

// One batch that takes many customers over all three thresholds at once: every alert, notice, event,
// audit row and restriction exists exactly once. 60 customers × 3 alerts × 20 recipients give 5,400
// notification rows in one statement (more than 65,535 bind parameters as a multi-row VALUES).
const CUSTOMERS = 60;
const ZH = 10; // recipients with phone and email, zh-CN
const EN = 10; // recipients with email only, en-US

describe('budgets: one batch crossing thresholds for many customers', () => {
  let t: TestApp;
  let partnerId: string;
  const customers: { id: string; domainId: string; restricts: boolean }[] = [];
  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set('2026-03-10T04:00:00Z');
    partnerId = (await createPartnerWithAdmin(t)).partner.id;
    for (let i = 0; i < CUSTOMERS; i++) {
      const c = await createAssociatedCustomer(t, partnerId);
      const restricts = i % 2 === 0;
      const target = await portalTarget(t.ctx, partnerId, c.id);
      const budget = { amountFen: 10_000, budgetType: 'MONTHLY' as const, cancelRestriction: false };
      await setBudget(t.ctx, systemActor(), target, { ...budget, frozenOperateType: restricts ? 1 : 0 }, 't');
      await addRecipients(t.ctx, systemActor(), target, [
        ...Array.from({ length: ZH }, (_, k) => ({
          name: `李${k}`,
          phone: `1380${String(i * 100 + k).padStart(7, '0')}`,
          email: `zh${k}-${c.domainId}@example.test`,
          locale: 'zh-CN' as const,
        })),
        ...Array.from({ length: EN }, (_, k) => ({
          name: `Ann ${k}`,
          email: `en${k}-${c.domainId}@example.test`,
          locale: 'en-US' as const,
        })),
      ]);
      customers.push({ ...c, restricts });
    }
  }, 120_000);
  afterAll(() => t.close());

  const count = async (text: string, params: unknown[] = []) =>
    Number((await t.db.query<{ n: number }>(text, params)).rows[0]?.n);

  it('announces every threshold once, to every recipient in their language, and restricts once', async () => {
    // Per customer 3,000 + 5,000 + 1,500 + 600 = 10,100 of 10,000 (75, 90 and 100 % in one batch);
    // the latest record (by time) is the crossing one. Plus a customer without a budget.
    const latest = new Map<string, string>();
    const batch = customers.flatMap((c) => {
      const rs = [
        spendRecord(c.domainId, 5_000, '2026-03-05T02:00:00Z'),
        spendRecord(c.domainId, 600, '2026-03-05T04:00:00Z'),
        spendRecord(c.domainId, 3_000, '2026-03-05T01:00:00Z'),
        spendRecord(c.domainId, 1_500, '2026-03-05T03:00:00Z'),
      ];
      latest.set(c.id, rs[1]?.record_id as string);
      return rs;
    });
    const plain = await createAssociatedCustomer(t, partnerId);
    batch.push(spendRecord(plain.domainId, 50_000, '2026-03-05T00:00:00Z'));
    const result = await ingestSpendBatch(t.ctx, batch);
    expect(result).toMatchObject({ accepted: CUSTOMERS * 4 + 1, rejected: 0 });

    const ids = customers.map((c) => c.id);
    const alerts = (
      await t.db.query<{
        id: string;
        customer_id: string;
        threshold: number;
        record_id: string;
        restricted: number;
      }>(
        'select id, customer_id, threshold, record_id, restricted from budget_alerts where customer_id = any($1)',
        [ids],
      )
    ).rows;
    expect(alerts).toHaveLength(CUSTOMERS * 3);
    for (const c of customers) {
      const mine = alerts.filter((a) => a.customer_id === c.id);
      expect(mine.map((a) => a.threshold).sort((x, y) => x - y)).toEqual([75, 90, 100]);
      expect(mine.every((a) => a.record_id === latest.get(c.id))).toBe(true);
      expect(mine.find((a) => a.threshold === 100)?.restricted).toBe(c.restricts ? 1 : 0);
    }

    // Notices: zh-CN recipients SMS + email, en-US email only, one per (alert, recipient, channel).
    const perAlert = ZH * 2 + EN;
    const notices = (
      await t.db.query<{
        idempotency_key: string;
        channel: string;
        locale: string;
        template: string;
        subject: string | null;
        threshold: string;
        customer_id: string;
      }>(
        `select idempotency_key, channel, locale, template, subject, data->>'threshold' as threshold,
           data->>'customerId' as customer_id
         from notifications where data->>'customerId' = any($1)`,
        [ids],
      )
    ).rows;
    expect(notices).toHaveLength(CUSTOMERS * 3 * perAlert);
    expect(new Set(notices.map((n) => n.idempotency_key)).size).toBe(notices.length);
    const alertIds = new Set(alerts.map((a) => a.id));
    expect(notices.every((n) => alertIds.has(n.idempotency_key.split(':')[1] as string))).toBe(true);
    for (const c of customers) {
      for (const threshold of [75, 90, 100]) {
        const mine = notices.filter((n) => n.customer_id === c.id && Number(n.threshold) === threshold);
        expect(mine.filter((n) => n.channel === 'sms' && n.locale === 'zh-CN')).toHaveLength(ZH);
        expect(mine.filter((n) => n.channel === 'email' && n.locale === 'zh-CN')).toHaveLength(ZH);
        expect(mine.filter((n) => n.channel === 'email' && n.locale === 'en-US')).toHaveLength(EN);
        const template =
          threshold === 100 && c.restricts ? 'budgets.exhausted_restricted' : 'budgets.threshold_crossed';
        expect(mine.every((n) => n.template === template)).toBe(true);
      }
    }
    expect(notices.filter((n) => n.channel === 'email' && n.locale === 'en-US')[0]?.subject).toMatch(
      /^\[Partner Center\]/,
    );
    expect(notices.filter((n) => n.channel === 'email' && n.locale === 'zh-CN')[0]?.subject).toMatch(
      /^【合作伙伴中心】/,
    );
    // One delivery job per notice.
    expect(
      await count(
        `select count(*)::int as n from pgboss.job j join notifications n on n.id = j.data->>'notificationId'
         where j.name = 'notifications.deliver' and n.data->>'customerId' = any($1)`,
        [ids],
      ),
    ).toBe(notices.length);

    const restricting = customers.filter((c) => c.restricts).map((c) => c.id);
    const eventCount = (type: string) =>
      count(
        `select count(*)::int as n from (select distinct subject_id, data->>'threshold' from events
           where subject_id = any($1) and type = $2) d`,
        [ids, type],
      );
    const alertEvents = `select count(*)::int as n from events where subject_id = any($1)
      and type in ('budget.threshold_crossed', 'budget.restricted')`;
    expect(await count(alertEvents, [ids])).toBe(CUSTOMERS * 3 + restricting.length);
    expect(await eventCount('budget.threshold_crossed')).toBe(CUSTOMERS * 3);
    expect(await eventCount('budget.restricted')).toBe(restricting.length);
    expect(
      await count(
        `select count(*)::int as n from audit_log where action = 'budget.restricted' and entity_id = any($1)`,
        [ids],
      ),
    ).toBe(restricting.length);
    expect(
      (
        await t.db.query<{ id: string }>(
          'select id from customers where id = any($1) and purchase_restricted_at is not null order by id',
          [ids],
        )
      ).rows.map((r) => r.id),
    ).toEqual([...restricting].sort());
    const budgets = (
      await t.db.query<{
        used_fen: number;
        alerted: number[];
        restricted_at: Date | null;
        customer_id: string;
      }>('select customer_id, used_fen, alerted, restricted_at from budgets where customer_id = any($1)', [
        ids,
      ])
    ).rows;
    expect(budgets.every((b) => Number(b.used_fen) === 10_100 && b.alerted.join() === '75,90,100')).toBe(
      true,
    );
    expect(
      budgets
        .filter((b) => b.restricted_at)
        .map((b) => b.customer_id)
        .sort(),
    ).toEqual([...restricting].sort());

    // The same batch again and more spend: nothing new anywhere.
    const totals = async () => [
      await count('select count(*)::int as n from budget_alerts'),
      await count('select count(*)::int as n from notifications'),
      await count(`select count(*)::int as n from pgboss.job where name = 'notifications.deliver'`),
      await count('select count(*)::int as n from events'),
      await count('select count(*)::int as n from audit_log'),
    ];
    const before = await totals();
    expect((await ingestSpendBatch(t.ctx, batch)).accepted).toBe(0);
    await ingestSpendBatch(
      t.ctx,
      customers.map((c) => spendRecord(c.domainId, 100, '2026-03-06T00:00:00Z')),
    );
    expect(await totals()).toEqual(before);
    // That last batch crossed nothing new: only the usage moved.
    expect(
      await count('select count(*)::int as n from budgets where customer_id = any($1) and used_fen = 10200', [
        ids,
      ]),
    ).toBe(CUSTOMERS);
  }, 120_000);
});
