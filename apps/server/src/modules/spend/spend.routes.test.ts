import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AsUser,
  asUser,
  createOperator,
  createPartnerWithAdmin,
  createTestApp,
  signIn,
  type TestApp,
  testDbKind,
} from '../../../test/index.ts';
import { interruptStaleImports } from './spend.import.ts';
import { insertImport } from './spend.repository.ts';
import { createAssociatedCustomer, spendRecord } from './spend.test-data.ts';

const TOKEN = 'ingest-token-for-tests-0123456789';

describe('spend ingestion over HTTP', () => {
  let t: TestApp;
  let finance: AsUser;
  let support: AsUser;
  let partner: AsUser;
  let customer: { id: string; domainId: string };

  beforeAll(async () => {
    t = await createTestApp({ config: { ingestToken: TOKEN } });
    t.clock.set('2026-03-10T04:00:00Z');
    const p = await createPartnerWithAdmin(t);
    partner = asUser(t, await signIn(t, p.user.email, p.password));
    const f = await createOperator(t, ['finance']);
    finance = asUser(t, await signIn(t, f.user.email, f.password));
    const s = await createOperator(t, ['support']);
    support = asUser(t, await signIn(t, s.user.email, s.password));
    customer = await createAssociatedCustomer(t, p.partner.id);
  });
  afterAll(() => t.close());

  const count = async () =>
    Number(
      (
        await t.db.query<{ n: number }>(
          'select count(*)::int as n from spend_records where customer_id = $1',
          [customer.id],
        )
      ).rows[0]?.n,
    );

  it('accepts a batch with the bearer token, lists bad items, and is idempotent on retry', async () => {
    const records = [
      spendRecord(customer.domainId, 100, '2026-03-01T00:00:00Z'),
      spendRecord(customer.domainId, 1.5, '2026-03-01T00:00:00Z'),
      spendRecord(customer.domainId, 200, '2026-03-01T00:00:00Z'),
    ];
    const send = () =>
      t.app.inject({
        method: 'POST',
        url: '/api/ingest/spend',
        headers: { authorization: `Bearer ${TOKEN}` },
        payload: { records },
      });
    const r = await send();
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ accepted: 2, duplicates: 0, rejected: 1, errors: [{ index: 1 }] });
    expect((await send()).json()).toMatchObject({ accepted: 0, duplicates: 2, rejected: 1 });
  });

  it('refuses a wrong token, anonymous callers, partners and operators without finance', async () => {
    const payload = { records: [spendRecord(customer.domainId, 1, '2026-03-01T00:00:00Z')] };
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/ingest/spend',
      headers: { authorization: 'Bearer nope' },
      payload,
    });
    expect(wrong.statusCode).toBe(401);
    expect((await partner({ method: 'POST', url: '/api/ingest/spend', payload })).statusCode).toBe(403);
    expect((await support({ method: 'POST', url: '/api/ingest/spend', payload })).statusCode).toBe(403);
    expect((await finance({ method: 'POST', url: '/api/ingest/spend', payload })).json()).toMatchObject({
      accepted: 1,
    });
    const tooMany = await finance({
      method: 'POST',
      url: '/api/ingest/spend',
      payload: { records: new Array(5001).fill({}) },
    });
    expect(tooMany.statusCode).toBe(400);
  });

  async function upload(body: string, query: string, type = 'application/x-ndjson') {
    return finance({
      method: 'POST',
      url: `/api/console/spend/imports?${query}`,
      headers: { 'content-type': type },
      payload: body,
    });
  }
  async function settle(id: string) {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const r = (await finance({ method: 'GET', url: `/api/console/spend/imports/${id}` })).json();
      if (r.status !== 'importing' || Date.now() > deadline) return r;
      await new Promise((res) => setTimeout(res, 50));
    }
  }

  it('rejects a malformed file with line numbers and stores nothing', async () => {
    const before = await count();
    const lines = [
      JSON.stringify(spendRecord(customer.domainId, 10, '2026-03-02T00:00:00Z')),
      '{not json',
      JSON.stringify(spendRecord(customer.domainId, -1, '2026-03-02T00:00:00Z')),
      JSON.stringify(spendRecord('unknown-customer', 10, '2026-03-02T00:00:00Z')),
    ];
    const r = await upload(lines.join('\n'), 'fileName=bad.ndjson');
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({
      status: 'failed',
      totalLines: 4,
      errorCount: 3,
      errors: [
        { line: 2, reason: 'not valid JSON' },
        { line: 3, reason: expect.stringContaining('amount_fen') },
        { line: 4, reason: expect.stringContaining('unknown customer') },
      ],
    });
    expect(await count()).toBe(before);
  });

  it('imports CSV with "skip bad lines", reports progress, and a second upload adds no duplicates', async () => {
    const before = await count();
    const rows = Array.from({ length: 4500 }, (_, i) =>
      spendRecord(customer.domainId, 1, '2026-03-03T00:00:00Z', {
        record_id: `csv-${customer.domainId}-${i}`,
      }),
    );
    const csv = [
      'record_id,customer_id,spent_at,service_type,amount_fen,payment_kind',
      ...rows.map(
        (x) => `${x.record_id},${x.customer_id},${x.spent_at},"ecs, large",${x.amount_fen},${x.payment_kind}`,
      ),
      'bad,line',
    ].join('\r\n');
    const first = await upload(csv, 'skipBadLines=true&fileName=spend.csv', 'text/csv');
    expect(first.json()).toMatchObject({ status: 'importing', totalLines: 4501, errorCount: 1 });
    const done = await settle(first.json().id);
    expect(done).toMatchObject({
      status: 'completed',
      processedLines: 4500,
      insertedCount: 4500,
      duplicateCount: 0,
    });
    expect(await count()).toBe(before + 4500);
    const again = await settle((await upload(csv, 'skipBadLines=true&format=csv', 'text/csv')).json().id);
    expect(again).toMatchObject({ status: 'completed', insertedCount: 0, duplicateCount: 4500 });
    expect(await count()).toBe(before + 4500);
    const list = (await finance({ method: 'GET', url: '/api/console/spend/imports' })).json();
    expect(list.items.length).toBeGreaterThanOrEqual(2);
    expect((await support({ method: 'GET', url: '/api/console/spend/imports' })).statusCode).toBe(403);
  });

  it('at start marks imports left running as interrupted on PGlite (the only process), not on PostgreSQL', async () => {
    await insertImport(t.ctx.db, {
      id: 'spi_test_interrupted',
      format: 'ndjson',
      status: 'importing',
      createdAt: t.clock.now(),
    });
    const pglite = testDbKind() === 'pglite';
    expect(await interruptStaleImports(t.ctx, { atStart: true })).toBe(pglite ? 1 : 0);
    const r = (
      await finance({ method: 'GET', url: '/api/console/spend/imports/spi_test_interrupted' })
    ).json();
    // On PostgreSQL its heartbeat is fresh: another node may be running it.
    expect(r.status).toBe(pglite ? 'interrupted' : 'importing');
  });

  it('leaves an import another process is running alone, and marks one whose heartbeat stopped', async () => {
    // Heartbeats are database time; this machine's clock is the database's.
    await insertImport(t.ctx.db, {
      id: 'spi_test_alive',
      format: 'ndjson',
      status: 'importing',
      createdAt: t.clock.now(),
      heartbeatAt: new Date(Date.now() - 5_000),
    });
    await insertImport(t.ctx.db, {
      id: 'spi_test_dead',
      format: 'ndjson',
      status: 'validating',
      createdAt: t.clock.now(),
      heartbeatAt: new Date(Date.now() - 5 * 60_000),
    });
    expect(await interruptStaleImports(t.ctx, { atStart: false })).toBe(1);
    const status = async (id: string) =>
      (await finance({ method: 'GET', url: `/api/console/spend/imports/${id}` })).json().status;
    expect(await status('spi_test_alive')).toBe('importing');
    expect(await status('spi_test_dead')).toBe('interrupted');
  });
});
