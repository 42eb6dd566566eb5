// Several nodes: two server processes on one PostgreSQL database behind a round-robin proxy, as a
// deployment runs them. Sessions work on either node, partner-API flow control and key revocation
// hold across nodes, a node that starts leaves another node's running import alone, and every
// scheduled slot runs once.
import { request } from 'node:http';
import { openDatabase } from '@pc/db';
import { afterAll, describe, expect, it } from 'vitest';
import { createPgDatabaseUrl, testDbKind } from '../test/index.ts';
import {
  Browser,
  type RoundRobinProxy,
  roundRobinProxy,
  type ServerProcess,
  startServerProcess,
  stubWebDist,
} from '../test/processes.ts';
import { signRequest } from './platform/partner-api/signing.ts';

const PASSWORD = 'Demo@2026';
const nodes: ServerProcess[] = [];
let proxy: RoundRobinProxy | undefined;

afterAll(async () => {
  await proxy?.close();
  for (const n of nodes) await n.stop();
});

/** An upload whose body stays open until `finish` is called: the import runs (validating) meanwhile. */
function openUpload(base: string, path: string, headers: Record<string, string>) {
  const u = new URL(base);
  let answer: Promise<{ status: number; body: string }> = Promise.resolve({ status: 0, body: '' });
  const req = request({ host: u.hostname, port: u.port, path, method: 'POST', headers });
  answer = new Promise((ok, fail) => {
    req.on('response', (res) => {
      let body = '';
      res.on('data', (d) => {
        body += d;
      });
      res.on('end', () => ok({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', fail);
  });
  return {
    write: (text: string) => req.write(text),
    finish: (text: string) => {
      req.end(text);
      return answer;
    },
  };
}

interface Key {
  id: string;
  accessKey: string;
  secretKey: string;
}

/** One signed ListSubCustomers call (a read) to `base`, signed for the host it is sent to. */
async function listSubCustomers(
  base: string,
  key: Key,
  n: number,
): Promise<{ status: number; code?: string }> {
  const body = JSON.stringify({ offset: 0, limit: 10 });
  const path = '/v2/partners/sub-customers/query';
  const signed = signRequest({
    method: 'POST',
    path,
    query: '',
    headers: { host: new URL(base).host, 'content-type': 'application/json', 'x-call': String(n) },
    body,
    accessKey: key.accessKey,
    secretKey: key.secretKey,
    date: new Date(),
  });
  const { host: _, ...headers } = signed.headers;
  const res = await fetch(`${base}${path}`, { method: 'POST', headers, body });
  const json = (await res.json().catch(() => ({}))) as { error_code?: string };
  return { status: res.status, code: json.error_code };
}

describe.skipIf(testDbKind() !== 'postgres')(
  'two nodes on one PostgreSQL behind a proxy',
  { timeout: 600_000 },
  () => {
    it('shares sessions, flow control, key revocation, imports and the schedule', async () => {
      const url = await createPgDatabaseUrl();
      if (!url) throw new Error('no PostgreSQL');
      const env = { DATABASE_URL: url, WEB_DIST: stubWebDist(), CLOCK_CONTROL: '1' };
      const a = await startServerProcess(env, { args: ['--demo'] });
      nodes.push(a);

      // A finance operator streams a spend file into node A; the upload stays open (validating).
      const finance = new Browser(a.url);
      await finance.signIn('finance@operator.demo', PASSWORD);
      const upload = openUpload(a.url, '/api/console/spend/imports?format=ndjson&skipBadLines=true', {
        ...finance.headers(),
        'content-type': 'application/x-ndjson',
        'transfer-encoding': 'chunked',
      });
      upload.write('{"record_id":"r1"}\n');
      let importId = '';
      for (let i = 0; i < 100 && !importId; i++) {
        const list = (await (await finance.fetch('/api/console/spend/imports')).json()) as {
          items: { id: string; status: string }[];
        };
        importId = list.items.find((x) => x.status === 'validating')?.id ?? '';
        if (!importId) await new Promise((r) => setTimeout(r, 200));
      }
      expect(importId).not.toBe('');

      // Node B starts meanwhile: it must not take node A's running import for a leftover.
      const b = await startServerProcess(env);
      nodes.push(b);
      const statusOf = async (base: string) =>
        (
          (await (await finance.at(base).fetch(`/api/console/spend/imports/${importId}`)).json()) as {
            status: string;
          }
        ).status;
      expect(await statusOf(b.url)).toBe('validating');
      const answered = await upload.finish('{"record_id":"r2"}\n');
      expect(answered.status).toBe(200);
      let final = '';
      for (let i = 0; i < 100 && !['completed', 'failed', 'interrupted'].includes(final); i++) {
        final = await statusOf(b.url);
        if (final === 'importing' || final === 'validating') await new Promise((r) => setTimeout(r, 200));
      }
      expect(final).toBe('completed');

      proxy = await roundRobinProxy([a.url, b.url]);

      // Sessions: signed in through the proxy, every request lands on the other node than the last.
      const admin = new Browser(proxy.url);
      await admin.signIn('admin@reseller.demo', PASSWORD);
      const before = [...proxy.hits];
      for (let i = 0; i < 6; i++) {
        const me = await admin.fetch('/api/me');
        expect(me.status).toBe(200);
        expect(((await me.json()) as { email: string }).email).toBe('admin@reseller.demo');
      }
      expect(proxy.hits.map((h, i) => h - (before[i] ?? 0))).toEqual([3, 3]);

      // A key made through the proxy (a CSRF-protected write on a node that did not issue the token).
      const made = await admin.fetch('/api/developer/keys', { method: 'POST', json: { name: 'nodes' } });
      expect(made.status).toBe(200);
      const key = (await made.json()) as Key;

      // Flow control: a burst through the proxy reaches both nodes; at most 10 per second pass in all.
      const burst = 40;
      while (Date.now() % 1000 > 100) await new Promise((r) => setTimeout(r, 5));
      const first = Date.now();
      const results = await Promise.all(
        Array.from({ length: burst }, (_, i) => listSubCustomers(proxy!.url, key, i)),
      );
      const seconds = Math.floor(Date.now() / 1000) - Math.floor(first / 1000) + 1;
      const passed = results.filter((r) => r.status !== 429).length;
      expect(passed).toBeGreaterThan(0);
      expect(passed).toBeLessThanOrEqual(10 * seconds);
      expect(results.filter((r) => r.status === 429).every((r) => r.code === 'CBC.0250')).toBe(true);
      expect(results.filter((r) => r.status !== 429).every((r) => r.status === 200)).toBe(true);

      // Revocation: both nodes have the key in use; disabled on one, refused by both within 1 s.
      await new Promise((r) => setTimeout(r, 1100));
      for (const n of [a, b]) expect((await listSubCustomers(n.url, key, 100)).status).toBe(200);
      const disabled = await admin
        .at(a.url)
        .fetch(`/api/developer/keys/${key.id}/disable`, { method: 'POST' });
      expect(disabled.status).toBe(200);
      await new Promise((r) => setTimeout(r, 1000));
      for (const n of [a, b])
        expect(await listSubCustomers(n.url, key, 101)).toEqual({ status: 401, code: 'APIGW.0301' });

      // The schedule: both nodes tick the same instants at once; each slot is enqueued by one and its
      // job runs once.
      const instants = [
        '2027-01-01T02:00:30+08:00',
        '2027-01-01T03:40:30+08:00',
        '2027-01-01T09:17:30+08:00',
      ];
      const control = [new Browser(a.url), new Browser(b.url)];
      for (const c of control) await c.fetch('/api/auth/csrf');
      const enqueued: string[][] = [[], []];
      for (const at of instants) {
        for (const c of control)
          expect((await c.fetch('/api/test/clock', { method: 'POST', json: { at } })).status).toBe(200);
        const ticks = await Promise.all(
          control.map(
            async (c) =>
              (await (await c.fetch('/api/test/scheduler/tick', { method: 'POST' })).json()) as {
                enqueued: string[];
              },
          ),
        );
        for (const [i, t] of ticks.entries()) enqueued[i]?.push(...t.enqueued);
      }
      const all = [...enqueued[0]!, ...enqueued[1]!];
      expect(all.length).toBeGreaterThan(3);
      expect(new Set(all).size).toBe(all.length);

      const db = await openDatabase({ url, poolSize: 1 });
      try {
        const slots = await db.query<{ key: string; job_id: string | null }>(
          `select key, job_id from job_slots where slot_at >= '2026-12-31T00:00:00Z'`,
        );
        // The nodes' own minute timers (on the moved clocks) may have claimed some slots first.
        const keys = new Set(slots.rows.map((r) => r.key));
        expect(all.filter((k) => !keys.has(k))).toEqual([]);
        const ids = slots.rows.map((r) => r.job_id).filter((x): x is string => x !== null);
        expect(ids).toHaveLength(slots.rows.length);
        // Every slot's job finishes, once (one job row per slot, completed, tried once).
        let jobs: { id: string; state: string; retry_count: number }[] = [];
        for (let i = 0; i < 120; i++) {
          jobs = (
            await db.query<{ id: string; state: string; retry_count: number }>(
              'select id::text, state::text, retry_count from pgboss.job where id::text = any($1)',
              [ids],
            )
          ).rows;
          if (jobs.length === ids.length && jobs.every((j) => j.state === 'completed')) break;
          await new Promise((r) => setTimeout(r, 500));
        }
        expect(jobs.map((j) => j.state).sort()).toEqual(ids.map(() => 'completed'));
        expect(jobs.every((j) => j.retry_count === 0)).toBe(true);
      } finally {
        await db.close();
      }
      // Both nodes served, neither logged an error.
      for (const n of [a, b]) expect(n.output()).not.toMatch(/"level":(50|60)/);
    });
  },
);
