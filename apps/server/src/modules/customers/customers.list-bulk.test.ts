import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AsUser,
  asUser,
  createPartnerUser,
  createPartnerWithAdmin,
  type PartnerWithAdmin,
  signIn,
} from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/index.ts';
import { systemActor } from '../../platform/context.ts';
import { portalTarget, setBudget } from '../budgets/budgets.service.ts';
import { ingestSpendBatch } from '../spend/spend.service.ts';
import { createAssociatedCustomer, spendRecord } from '../spend/spend.test-data.ts';
import { budgetUsage, listPortalCustomers } from './customers.views.ts';

type Item = {
  id: string;
  status: string;
  spendMonthFen: number;
  budget: { amountFen: number; usedFen: number; percent: number; state: string } | null;
};
type Bulk = {
  total: number;
  succeeded: string[];
  errorDetails: { id: string; errorCode: string; errorMsg: string }[];
  replayed: boolean;
};

/** Counts the statements the app's drizzle session sends (both drivers log through it). */
function countQueries(t: TestApp): { count: () => number; stop: () => void } {
  const session = (t.ctx.db as unknown as { session: { logger: { logQuery(q: string): void } } }).session;
  const before = session.logger;
  let n = 0;
  session.logger = { logQuery: () => void n++ };
  const stop = () => {
    session.logger = before;
  };
  return { count: () => n, stop };
}

describe('customers list: spend this month, budget usage, sorting; bulk freeze (issue 14)', () => {
  let t: TestApp;
  let a: PartnerWithAdmin;
  let b: PartnerWithAdmin;
  let asA: AsUser;
  let asAMember: AsUser;
  let asB: AsUser;
  const ids: string[] = [];
  let other: { id: string };

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set('2026-12-06T04:00:00Z');
    a = await createPartnerWithAdmin(t);
    b = await createPartnerWithAdmin(t, { locale: 'en-US' });
    asA = asUser(t, await signIn(t, a.user.email, a.password));
    asB = asUser(t, await signIn(t, b.user.email, b.password));
    const m = await createPartnerUser(t, a.partner.id);
    asAMember = asUser(t, await signIn(t, m.user.email, m.password));
    const made: { id: string; domainId: string }[] = [];
    for (let i = 0; i < 55; i++) {
      const c = await createAssociatedCustomer(t, a.partner.id, {
        since: new Date(Date.UTC(2025, 0, 1 + i)),
      });
      made.push(c);
      ids.push(c.id);
    }
    other = await createAssociatedCustomer(t, b.partner.id);
    // This month (Asia/Shanghai, December 2026) and the one before, which must not count.
    const [c0, c1, c2, c3] = made as [(typeof made)[0], (typeof made)[0], (typeof made)[0], (typeof made)[0]];
    await ingestSpendBatch(t.ctx, [
      spendRecord(c0.domainId, 1_234_567, '2026-12-02T00:00:00Z'),
      spendRecord(c1.domainId, 50_000, '2026-12-03T00:00:00Z'),
      spendRecord(c1.domainId, 40_000, '2026-12-04T00:00:00Z'),
      spendRecord(c2.domainId, 7_500, '2026-12-01T00:00:00Z'),
      // 30 Nov 23:30 in Shanghai is 15:30 UTC: last month.
      spendRecord(c3.domainId, 999_999, '2026-11-30T15:30:00Z'),
      // 1 Dec 00:10 in Shanghai is 30 Nov 16:10 UTC: this month.
      spendRecord(c3.domainId, 100, '2026-11-30T16:10:00Z'),
    ]);
    const budget = async (customerId: string, amountFen: number) =>
      setBudget(
        t.ctx,
        systemActor(),
        await portalTarget(t.ctx, a.partner.id, customerId),
        { amountFen, budgetType: 'MONTHLY', frozenOperateType: 0, cancelRestriction: false },
        'test',
      );
    await budget(c1.id, 100_000); // 90 %
    await budget(c2.id, 10_000); // 75 %
    await budget(c0.id, 1_000_000); // over 100 %
    await budget(c3.id, 1_000_000); // 0.0 %
  }, 120_000);
  afterAll(() => t.close());

  const list = async (as: AsUser, query: string) => {
    const res = await as({ method: 'GET', url: `/api/customers?${query}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ items: Item[]; total: number }>();
  };

  it('shows this month’s spend (Asia/Shanghai cycle) and budget usage with its 75/90/100 % state', async () => {
    const page = await list(asA, 'limit=100');
    expect(page.total).toBe(55);
    const by = new Map(page.items.map((i) => [i.id, i]));
    expect(by.get(ids[0] ?? '')).toMatchObject({
      spendMonthFen: 1_234_567,
      budget: { amountFen: 1_000_000, usedFen: 1_234_567, percent: 123.4, state: 'exceeded' },
    });
    expect(by.get(ids[1] ?? '')).toMatchObject({
      spendMonthFen: 90_000,
      budget: { percent: 90, state: 'warn90' },
    });
    expect(by.get(ids[2] ?? '')?.budget).toMatchObject({ percent: 75, state: 'warn75' });
    expect(by.get(ids[3] ?? '')).toMatchObject({ spendMonthFen: 100, budget: { percent: 0, state: 'ok' } });
    expect(by.get(ids[4] ?? '')).toMatchObject({ spendMonthFen: 0, budget: null });
  });

  it('sorts by spend and by budget usage on the server, both ways, across pages', async () => {
    const desc = await list(asA, 'sort=spendMonth&order=desc&limit=3');
    expect(desc.items.map((i) => i.id)).toEqual([ids[0], ids[1], ids[2]]);
    expect(desc.total).toBe(55);
    const asc = await list(asA, 'sort=spendMonth&order=asc&limit=55');
    expect(asc.items.at(-1)?.id).toBe(ids[0]);
    const usage = await list(asA, 'sort=budgetUsage&order=desc&limit=5');
    expect(usage.items.slice(0, 4).map((i) => i.id)).toEqual([ids[0], ids[1], ids[2], ids[3]]);
    // Customers without a budget come last either way.
    const usageAsc = await list(asA, 'sort=budgetUsage&order=asc&limit=4');
    expect(usageAsc.items.map((i) => i.id)).toEqual([ids[3], ids[2], ids[1], ids[0]]);
    const second = await list(asA, 'sort=spendMonth&order=desc&limit=3&offset=3');
    expect(second.items.map((i) => i.id)).not.toContain(ids[0]);
    const past = await list(asA, 'sort=spendMonth&offset=100');
    expect(past).toMatchObject({ items: [], total: 55 });
    expect((await asA({ method: 'GET', url: '/api/customers?sort=name' })).statusCode).toBe(400);
  });

  it('reads a page of 50 in as many queries as a page of 1 (no query per row)', async () => {
    const run = async (limit: number) => {
      const q = countQueries(t);
      try {
        const page = await listPortalCustomers(t.ctx, a.partner.id, {
          offset: 0,
          limit,
          sort: 'budgetUsage',
          order: 'desc',
        });
        expect(page.items).toHaveLength(limit);
        return q.count();
      } finally {
        q.stop();
      }
    };
    const one = await run(1);
    const fifty = await run(50);
    expect(fifty).toBe(one);
    expect(fifty).toBeLessThanOrEqual(3);
  });

  it('reckons the usage percent and state in exact integers', () => {
    expect(budgetUsage(10_000, 7_499)).toEqual({ percent: 74.9, state: 'ok' });
    expect(budgetUsage(10_000, 7_500)).toEqual({ percent: 75, state: 'warn75' });
    expect(budgetUsage(3, 1)).toEqual({ percent: 33.3, state: 'ok' });
    expect(budgetUsage(0, 0)).toEqual({ percent: 0, state: 'ok' });
  });

  const bulk = async (as: AsUser, payload: Record<string, unknown>, locale = 'zh-CN') =>
    as({ method: 'POST', url: '/api/customers/bulk', payload, headers: { 'x-language': locale } });

  it('freezes selected customers in bulk with results per customer, refusing another partner’s unseen', async () => {
    const chosen = [ids[10], ids[11], ids[12], other.id, 'cus_nonexistent'] as string[];
    const res = await bulk(
      asA,
      {
        requestKey: 'bulk-freeze-0001',
        action: 'freeze',
        reason: 'Overdue payment',
        freezeType: 'ACCOUNT_AND_RESOURCE',
        customerIds: chosen,
      },
      'en-US',
    );
    expect(res.statusCode, res.body).toBe(200);
    const out = res.json<Bulk>();
    expect(out).toMatchObject({ total: 5, succeeded: [ids[10], ids[11], ids[12]], replayed: false });
    // Another partner's customer reads exactly like one that does not exist.
    expect(out.errorDetails).toEqual([
      { id: other.id, errorCode: 'common.not_found', errorMsg: expect.any(String) },
      { id: 'cus_nonexistent', errorCode: 'common.not_found', errorMsg: expect.any(String) },
    ]);
    expect(out.errorDetails[0]?.errorMsg).toBe(out.errorDetails[1]?.errorMsg);
    const states = await t.db.query<{ id: string; status: string; freeze_type: string | null }>(
      'select id, status, freeze_type from customers where id = any($1) order by id',
      [[ids[10], ids[11], other.id]],
    );
    expect(states.rows.find((r) => r.id === other.id)?.status).toBe('active');
    expect(states.rows.filter((r) => r.id !== other.id).map((r) => r.freeze_type)).toEqual([
      'ACCOUNT_AND_RESOURCE',
      'ACCOUNT_AND_RESOURCE',
    ]);
    // Each change is audited and emits its event as a single freeze does.
    const audit = await t.db.query<{ n: number }>(
      `select count(*)::int as n from audit_log where action = 'customer.frozen' and entity_id = any($1)`,
      [chosen],
    );
    expect(audit.rows[0]?.n).toBe(3);
    const events = await t.db.query<{ n: number }>(
      `select count(*)::int as n from events where type = 'customer.frozen' and subject_id = any($1)`,
      [chosen],
    );
    expect(events.rows[0]?.n).toBe(3);
  });

  it('is idempotent on the request key: a double click makes one batch', async () => {
    const payload = {
      requestKey: 'bulk-freeze-0002',
      action: 'freeze',
      reason: 'Double click',
      customerIds: [ids[20], ids[21]],
    };
    const [first, second] = await Promise.all([bulk(asA, payload), bulk(asA, payload)]);
    const outs = [first.json<Bulk>(), second.json<Bulk>()];
    expect(outs.map((o) => o.succeeded)).toEqual([
      [ids[20], ids[21]],
      [ids[20], ids[21]],
    ]);
    expect(outs.filter((o) => o.replayed)).toHaveLength(1);
    const audit = await t.db.query<{ n: number }>(
      `select count(*)::int as n from audit_log where action = 'customer.frozen' and entity_id = any($1)`,
      [[ids[20], ids[21]]],
    );
    expect(audit.rows[0]?.n).toBe(2);
    const batches = await t.db.query<{ n: number }>(
      `select count(*)::int as n from customer_bulk_actions where request_key = 'bulk-freeze-0002'`,
    );
    expect(batches.rows[0]?.n).toBe(1);
    // The same key for another action is refused; another partner's same key is its own batch.
    expect((await bulk(asA, { ...payload, action: 'unfreeze' })).statusCode).toBe(409);
    const theirs = await bulk(asB, payload, 'en-US');
    expect(theirs.json<Bulk>()).toMatchObject({ succeeded: [], replayed: false });
  });

  it('reports already-frozen customers per item, and unfreezes in bulk', async () => {
    const again = await bulk(asA, {
      requestKey: 'bulk-freeze-0003',
      action: 'freeze',
      reason: 'Again',
      customerIds: [ids[10], ids[13]],
    });
    expect(again.json<Bulk>()).toMatchObject({
      succeeded: [ids[13]],
      errorDetails: [{ id: ids[10], errorCode: 'customers.already_frozen' }],
    });
    const un = await bulk(asA, {
      requestKey: 'bulk-unfreeze-0001',
      action: 'unfreeze',
      reason: 'Paid',
      customerIds: [ids[10], ids[11], ids[12], ids[13], ids[14]],
    });
    expect(un.json<Bulk>()).toMatchObject({
      succeeded: [ids[10], ids[11], ids[12], ids[13]],
      errorDetails: [{ id: ids[14], errorCode: 'customers.not_frozen' }],
    });
    const audit = await t.db.query<{ n: number }>(
      `select count(*)::int as n from audit_log where action = 'customer.unfrozen' and entity_id = any($1)`,
      [[ids[10], ids[11], ids[12], ids[13]]],
    );
    expect(audit.rows[0]?.n).toBe(4);
  });

  it('acts on all customers matching a filter up to the declared maximum', async () => {
    const c = await createAssociatedCustomer(t, a.partner.id, { type: 'referral' });
    await t.db.query(`update customers set name = 'Bulk Target Zeta' where id = $1`, [c.id]);
    const res = await bulk(asA, {
      requestKey: 'bulk-filter-0001',
      action: 'freeze',
      reason: 'Filter',
      filter: { keyword: 'Bulk Target Zeta' },
    });
    expect(res.json<Bulk>()).toMatchObject({ total: 1, succeeded: [c.id] });
    for (let i = 0; i < 200; i++) await createAssociatedCustomer(t, a.partner.id);
    const tooMany = await bulk(asA, {
      requestKey: 'bulk-filter-0002',
      action: 'freeze',
      reason: 'All',
      filter: {},
    });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json()).toMatchObject({ code: 'customers.bulk_too_many', details: { max: 200 } });
  }, 60_000);

  it('is the administrator’s and validates its body', async () => {
    const payload = { requestKey: 'bulk-member-0001', action: 'freeze', reason: 'x', customerIds: [ids[30]] };
    expect((await bulk(asAMember, payload)).statusCode).toBe(403);
    expect((await bulk(asA, { ...payload, customerIds: undefined })).statusCode).toBe(400);
    expect((await bulk(asA, { ...payload, filter: {} })).statusCode).toBe(400);
    expect((await bulk(asA, { ...payload, requestKey: 'short' })).statusCode).toBe(400);
    expect(
      (await bulk(asA, { ...payload, customerIds: Array.from({ length: 201 }, (_, i) => `c${i}`) }))
        .statusCode,
    ).toBe(400);
  });
});
