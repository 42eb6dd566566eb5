// Partner API replays: a signed write sent again with the same signature returns the first answer
// without running again, on any server process of the same database; reads stay repeatable; an
// unknown access key reads like a wrong signature.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPartnerWithAdmin, createTestApp, type TestApp } from '../../../test/index.ts';
import { createApiKey, type TestApiKey } from '../../../test/v2.ts';
import { buildApp } from '../../app.ts';
import { testConfig } from '../../config.ts';
import { createAssociatedCustomer } from '../../modules/spend/spend.test-data.ts';
import { claimSignature, pruneReplays } from './replay-cache.ts';
import { signRequest } from './signing.ts';

const BUDGET = '/v2/partners/sub-customers/budget';

describe('partner API replay cache', () => {
  let t: TestApp;
  let key: TestApiKey;
  let customer: { id: string; domainId: string };
  let secondNode: Awaited<ReturnType<typeof buildApp>>;

  beforeAll(async () => {
    t = await createTestApp();
    const a = await createPartnerWithAdmin(t);
    key = await createApiKey(t, a.partner.id);
    customer = await createAssociatedCustomer(t, a.partner.id);
    // Another server process on the same database (its own flow control and memory).
    secondNode = await buildApp({ config: testConfig(), database: t.db, clock: t.clock });
    await secondNode.ready();
  });
  afterAll(async () => {
    await secondNode.close();
    await t.close();
  });

  /** One signed request, sent as often as wanted, to either node. */
  function signed(method: 'GET' | 'POST', url: string, body?: unknown, k: TestApiKey = key) {
    const q = url.indexOf('?');
    const payload = body === undefined ? '' : JSON.stringify(body);
    const { headers } = signRequest({
      method,
      path: q < 0 ? url : url.slice(0, q),
      query: q < 0 ? '' : url.slice(q + 1),
      headers: { host: 'localhost', 'content-type': 'application/json' },
      body: payload,
      accessKey: k.accessKey,
      secretKey: k.secretKey,
      date: t.clock.now(),
    });
    return (app = t.app) => app.inject({ method, url, headers, ...(payload === '' ? {} : { payload }) });
  }

  const budgetSets = async () =>
    (
      await t.db.query<{ n: number }>(
        "select count(*)::int as n from audit_log where action = 'budget.set' and entity_id = $1",
        [customer.id],
      )
    ).rows[0]!.n;

  it('runs a repeated signed write once and returns the first answer, on either node', async () => {
    const send = signed('POST', BUDGET, { customer_id: customer.domainId, budget_amount: 321 });
    const first = await send();
    expect(first.statusCode).toBe(200);
    expect(first.headers['x-replayed']).toBeUndefined();
    for (const app of [secondNode, t.app, secondNode]) {
      const again = await send(app);
      expect(again.statusCode).toBe(200);
      expect(again.body).toBe(first.body);
      expect(again.headers['x-replayed']).toBe('true');
    }
    expect(await budgetSets()).toBe(1);
    // A new signature (a new request) runs.
    t.clock.advance(1000);
    expect(
      (await signed('POST', BUDGET, { customer_id: customer.domainId, budget_amount: 321 })()).statusCode,
    ).toBe(200);
    expect(await budgetSets()).toBe(2);
  });

  it('lets only one of concurrent copies run', async () => {
    t.clock.advance(1000);
    const send = signed('POST', BUDGET, { customer_id: customer.domainId, budget_amount: 500 });
    const answers = await Promise.all([send(), send(secondNode), send(), send(secondNode)]);
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200, 200]);
    expect(answers.filter((a) => a.headers['x-replayed'] !== 'true')).toHaveLength(1);
    expect(await budgetSets()).toBe(3);
  });

  it('keeps refused writes refused, and reads repeatable', async () => {
    t.clock.advance(1000);
    const bad = signed('POST', BUDGET, { customer_id: 'no-such-customer', budget_amount: 1 });
    const a = await bad();
    const b = await bad();
    expect(a.statusCode).toBeGreaterThanOrEqual(400);
    expect(b.statusCode).toBe(a.statusCode);
    expect(b.body).toBe(a.body);

    const read = signed('GET', `${BUDGET}?customer_id=${customer.domainId}`);
    const r1 = await read();
    const r2 = await read();
    expect(r1.statusCode).toBe(200);
    expect(r2.statusCode).toBe(200);
    expect(r2.headers['x-replayed']).toBeUndefined();
    const query = signed('POST', '/v2/partners/sub-customers/query', { offset: 0, limit: 10 });
    const q1 = await query();
    expect((await query()).headers['x-replayed']).toBeUndefined();
    expect(q1.statusCode).toBe(200);
  });

  it('answers an unknown access key like a wrong signature', async () => {
    const wrongSecret = signed('GET', `${BUDGET}?customer_id=${customer.domainId}`, undefined, {
      ...key,
      secretKey: 'x'.repeat(40),
    });
    const unknownKey = signed('GET', `${BUDGET}?customer_id=${customer.domainId}`, undefined, {
      ...key,
      accessKey: 'NOSUCHKEY00000000000',
    });
    const a = await wrongSecret();
    const b = await unknownKey();
    expect(a.statusCode).toBe(401);
    expect(b.statusCode).toBe(401);
    expect(b.json().error_msg).toBe(a.json().error_msg);
    expect(b.json().error_code).toBe(a.json().error_code);
    expect(a.json().error_msg).not.toContain('unknown_key');
  });
});

describe('replay cache housekeeping', () => {
  it('drops entries once no signature could be accepted any more', async () => {
    const t = await createTestApp();
    try {
      const now = t.clock.now();
      await claimSignature(t.db.db, 'a'.repeat(64), 'AK', now);
      expect(await pruneReplays(t.db.db, new Date(now.getTime() + 29 * 60_000))).toBe(0);
      expect(await pruneReplays(t.db.db, new Date(now.getTime() + 31 * 60_000))).toBe(1);
    } finally {
      await t.close();
    }
  });
});
