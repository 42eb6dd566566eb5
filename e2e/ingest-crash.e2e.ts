// Kills the server (SIGKILL) while spend batches are being ingested, restarts it on the same
// database and lets the billing feed retry what was not acknowledged: every record is stored exactly
// once, and every budget threshold is alerted exactly once — none missed, none doubled.
// Runs on PGlite (a data directory) and on PostgreSQL when it is reachable.
import net from 'node:net';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { ApiClient, readOutbox } from './support/api.ts';
import { callPartnerApi, type PartnerKey } from './support/partner-api.ts';
import { type RunningServer, removeDataDir, startServer, tempDataDir } from './support/server.ts';

const INGEST_TOKEN = 'e2e-ingest-token-crash-0123456789';
// `npm test` clears TEST_DATABASE_URL for the e2e step (the server runs on PGlite); this test still
// wants the PostgreSQL server for its second run.
const PG_URL = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
const CUSTOMERS = 3;
const BATCHES = 24;
const PER_BATCH = 600; // records per batch, spread over the customers
const AMOUNT_FEN = 25; // per record: each customer spends 24 × 200 × 25 = 120,000 fen
const BUDGET_YUAN = 1_000; // 100,000 fen: 75 % after batch 15, 90 % after 18, 100 % after 20

function reachable(url: string): Promise<boolean> {
  const u = new URL(url);
  return new Promise((resolve) => {
    const s = net.connect({ host: u.hostname, port: Number(u.port || 5432) });
    const done = (ok: boolean) => {
      s.destroy();
      resolve(ok);
    };
    s.setTimeout(1500);
    s.on('connect', () => done(true));
    s.on('error', () => done(false));
    s.on('timeout', () => done(false));
  });
}

function batch(n: number, customerIds: string[]) {
  return Array.from({ length: PER_BATCH }, (_, i) => ({
    record_id: `crash-${n}-${i}`,
    customer_id: customerIds[i % customerIds.length],
    spent_at: new Date().toISOString(),
    service_type: 'ecs',
    amount_fen: AMOUNT_FEN,
    payment_kind: 'cash',
  }));
}

async function postBatch(url: string, records: unknown[]): Promise<{ accepted: number; duplicates: number }> {
  const res = await fetch(`${url}/api/ingest/spend`, {
    method: 'POST',
    headers: { authorization: `Bearer ${INGEST_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ records }),
  });
  if (res.status !== 200) throw new Error(`ingest: ${res.status} ${await res.text()}`);
  return (await res.json()) as { accepted: number; duplicates: number };
}

const kinds: ('pglite' | 'postgres')[] = ['pglite'];
if (await reachable(PG_URL)) kinds.push('postgres');

describe.each(kinds)('ingestion survives a SIGKILL (%s)', (kind) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c();
  });

  it('stores every record once and alerts every threshold once after restart', async () => {
    const env: Record<string, string> = { INGEST_TOKEN, JOB_POLL_MS: '200' };
    const dataDir = tempDataDir();
    cleanups.push(async () => removeDataDir(dataDir));
    if (kind === 'postgres') {
      const name = `pc_crash_${Date.now().toString(36)}`;
      const admin = new pg.Client({ connectionString: PG_URL });
      await admin.connect();
      await admin.query(`create database ${name}`);
      const url = new URL(PG_URL);
      url.pathname = `/${name}`;
      env.DATABASE_URL = url.toString();
      cleanups.push(async () => {
        await admin.query(`drop database if exists ${name} with (force)`);
        await admin.end();
      });
    }
    let server: RunningServer = await startServer({ dataDir, env });
    cleanups.push(() => server.stop());

    // A partner administrator's key, three customers with 1,000-yuan budgets and one recipient each.
    let partner = new ApiClient(server.url);
    await partner.signIn('admin@solution.demo', 'Demo@2026');
    const created = await partner.request<{ accessKey: string; secretKey: string; partnerDomainId: string }>(
      'POST',
      '/api/developer/keys',
      { name: 'billing crash test' },
    );
    expect(created.status).toBe(200);
    const key: PartnerKey = {
      accessKey: created.body.accessKey,
      secretKey: created.body.secretKey,
      domainId: created.body.partnerDomainId,
    };
    const customers: { domainId: string; id: string; email: string }[] = [];
    for (let i = 0; i < CUSTOMERS; i++) {
      const stamp = `${Date.now().toString(36)}${i}`;
      const c = await callPartnerApi<{ domain_id: string }>(
        server.url,
        key,
        'POST',
        '/v2/partners/sub-customers',
        {
          domain_name: `crash_${stamp}`,
          xaccount_id: `crash-${stamp}`,
          xaccount_type: 'crash_test',
        },
      );
      expect(c.status, JSON.stringify(c.body)).toBe(200);
      const b = await callPartnerApi(server.url, key, 'POST', '/v2/partners/sub-customers/budget', {
        customer_id: c.body.domain_id,
        budget_amount: BUDGET_YUAN,
        frozen_operate_type: 1,
      });
      expect(b.status, JSON.stringify(b.body)).toBe(200);
      const list = await partner.request<{ items: { id: string; domainId: string }[] }>(
        'GET',
        `/api/customers?keyword=crash_${stamp}`,
      );
      const id = list.body.items.find((x) => x.domainId === c.body.domain_id)?.id ?? '';
      const email = `finance-${stamp}@crash.test`;
      const r = await partner.request('POST', `/api/budgets/${id}/recipients`, {
        recipients: [{ name: 'Finance', email }],
      });
      expect(r.status, JSON.stringify(r.body)).toBeLessThan(300);
      customers.push({ domainId: c.body.domain_id, id, email });
    }
    const ids = customers.map((c) => c.domainId);

    // The feed: batches in order; the server dies while batch 16 (the one crossing 75 %) is in flight.
    let acknowledged = 0;
    for (let n = 1; n <= 15; n++) {
      await postBatch(server.url, batch(n, ids));
      acknowledged = n;
    }
    const inFlight = postBatch(server.url, batch(16, ids)).catch((e: unknown) => e);
    await new Promise((r) => setTimeout(r, 30));
    await server.kill();
    const lost = await inFlight;
    if (!(lost instanceof Error)) acknowledged = 16; // the batch won the race: it committed first

    server = await startServer({ dataDir, env });
    // The feed retries from the last acknowledged batch (resending one it had, as a careful feed does).
    let duplicates = 0;
    for (let n = acknowledged; n <= BATCHES; n++)
      duplicates += (await postBatch(server.url, batch(n, ids))).duplicates;
    expect(duplicates).toBeGreaterThanOrEqual(PER_BATCH);

    // The restarted server listens on another port: sign in again there.
    partner = new ApiClient(server.url);
    await partner.signIn('admin@solution.demo', 'Demo@2026');
    const operator = new ApiClient(server.url);
    await operator.signIn('admin@operator.demo', 'Demo@2026');
    for (const c of customers) {
      const shown = await callPartnerApi<{ used_amount: number }>(
        server.url,
        key,
        'GET',
        `/v2/partners/sub-customers/budget?customer_id=${c.domainId}`,
      );
      // Stored exactly once: 24 batches × 200 records × 0.25 yuan.
      expect(shown.body.used_amount).toBe((BATCHES * (PER_BATCH / CUSTOMERS) * AMOUNT_FEN) / 100);
      const page = await partner.request<{
        alerts: { threshold: number }[];
        customer: { restrictedAt: string | null };
      }>('GET', `/api/budgets/${c.id}`);
      expect(page.body.alerts.map((a) => a.threshold).sort((a, b) => a - b)).toEqual([75, 90, 100]);
      expect(page.body.customer.restrictedAt).not.toBeNull();
      const mails = await readOutbox(operator, { channel: 'email', recipient: c.email });
      expect(mails).toHaveLength(3);
    }
  });
});
