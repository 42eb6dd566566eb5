// Shared pieces of the benchmarks: measurement, throwaway databases, the result table.
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import { migrate, openDatabase } from '@pc/db';
import autocannon from 'autocannon';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';

export const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
export const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
export const PG_URL =
  process.env.BENCH_DATABASE_URL ??
  process.env.TEST_DATABASE_URL ??
  'postgres://postgres@127.0.0.1:5432/test';

export interface Row {
  database: string;
  scenario: string;
  rps: number;
  p99: number;
  baseline: string;
  ratio: number | null;
  non2xx: number;
}

export interface Target {
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
}

export async function measure(
  target: Target,
  connections = CONNECTIONS,
): Promise<{ rps: number; p99: number; non2xx: number }> {
  const opts = { ...target, connections };
  await autocannon({ ...opts, duration: 1 }); // warm-up: JIT, connection pools, caches
  const r = await autocannon({ ...opts, duration: SECONDS });
  // Requests cut off at the end are still being served; let them finish before the next measurement.
  await new Promise((resolve) => setTimeout(resolve, 1500));
  return { rps: r.requests.average, p99: r.latency.p99, non2xx: r.non2xx + r.errors };
}

export async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  return `http://127.0.0.1:${address.port}`;
}

export function reachable(url: string): Promise<boolean> {
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

/** A fresh migrated database; on PostgreSQL a throwaway database that `drop` removes. */
export async function freshDatabase(kind: 'pglite' | 'postgres') {
  if (kind === 'pglite') {
    const database = await openDatabase({});
    await migrate(database);
    return { database, drop: async () => {} };
  }
  const name = `pc_bench_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString(), poolSize: Math.max(CONNECTIONS, 20) });
  await migrate(database);
  return {
    database,
    drop: async () => {
      // The app's pools (its own and the job queue's) close asynchronously; a forced drop would
      // kill an idle connection that is still closing, which its pool reports as a fatal error.
      for (let i = 0; i < 50; i++) {
        const { rows } = await admin.query('select 1 from pg_stat_activity where datname = $1', [name]);
        if (rows.length === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

/** Cookies from a response, as one Cookie header value. */
export function cookiesOf(res: Response, prior = ''): string {
  const jar = new Map(
    prior
      .split('; ')
      .filter(Boolean)
      .map((c) => c.split('=', 2) as [string, string]),
  );
  for (const c of res.headers.getSetCookie()) {
    const pair = c.split(';')[0] ?? '';
    const i = pair.indexOf('=');
    if (i > 0) jar.set(pair.slice(0, i), pair.slice(i + 1));
  }
  return [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
}

export function print(rows: Row[]) {
  const lines = [
    '| database | scenario | req/s | p99 ms | baseline | ratio | non-2xx |',
    '|---|---|---:|---:|---|---:|---:|',
    ...rows.map(
      (r) =>
        `| ${r.database} | ${r.scenario} | ${Math.round(r.rps).toLocaleString('en-US')} | ${r.p99} | ${r.baseline} | ${
          r.ratio === null ? '—' : r.ratio.toFixed(2)
        } | ${r.non2xx} |`,
    ),
  ];
  console.log(`\n${lines.join('\n')}\n`);
}
