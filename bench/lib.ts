// Shared pieces of the benchmarks: measurement, throwaway databases, the result table.

import { fork } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Database, migrate, openDatabase } from '@pc/db';
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
  /** CPU µs per request by process, when the measurement took it (see LoadResult). */
  cpu?: { server: number; loadgen: number; database: number | null };
}

export interface Target {
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
}

interface LoadResult {
  rps: number;
  p99: number;
  non2xx: number;
  /** CPU µs per request: this process (the server; with PGlite the database too), the load generator,
   * and PostgreSQL's backends of the measured database (`databaseCpu`), or null when not measured. */
  cpu: { server: number; loadgen: number; database: number | null };
}

/**
 * Cumulative CPU µs of the PostgreSQL backends connected to `database` (read from /proc, so only when
 * PostgreSQL runs on this machine): where a request's CPU goes besides the Node process.
 */
export function postgresCpu(database: Database): () => Promise<number> {
  return async () => {
    const { rows } = await database.query<{ pid: number }>(
      'select pid from pg_stat_activity where datname = current_database()',
    );
    let ticks = 0;
    for (const { pid } of rows) {
      try {
        const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
        ticks += Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15)
      } catch {
        // The backend ended between the two reads.
      }
    }
    return ticks * 10_000; // USER_HZ is 100 on Linux
  };
}

/**
 * One autocannon run in a child process (`bench/load.mjs`): the load generator has its own event loop
 * and process, so the figures are the server's, not autocannon's queueing behind the server in the
 * same loop (before 2026-12-07 both shared one process, which capped even a bare route at a few
 * hundred requests per second with p99 in the hundreds of ms on 2 cores).
 */
export async function load(
  opts: Target & { connections: number; duration: number; databaseCpu?: () => Promise<number> },
): Promise<LoadResult> {
  const { databaseCpu, ...options } = opts;
  const dbBefore = databaseCpu ? await databaseCpu() : 0;
  const before = process.cpuUsage();
  const m = await new Promise<
    { ok: boolean; error?: string } & LoadResult & { errors: number; total: number; loadgenCpu: number }
  >((resolve, reject) => {
    const child = fork(new URL('./load.mjs', import.meta.url), [], { stdio: 'inherit', execArgv: [] });
    child.once('message', resolve as never);
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code) reject(new Error(`load generator exited with ${code}`));
    });
    child.send(options);
  });
  if (!m.ok) throw new Error(m.error);
  const used = process.cpuUsage(before);
  const database = databaseCpu ? (await databaseCpu()) - dbBefore : null;
  const n = Math.max(1, m.total);
  return {
    rps: m.rps,
    p99: m.p99,
    non2xx: m.non2xx + m.errors,
    cpu: {
      server: (used.user + used.system) / n,
      loadgen: m.loadgenCpu / n,
      database: database === null ? null : database / n,
    },
  };
}

export async function measure(
  target: Target,
  connections = CONNECTIONS,
  databaseCpu?: () => Promise<number>,
): Promise<LoadResult> {
  const opts = { ...target, connections, databaseCpu };
  await load({ ...opts, duration: 1 }); // warm-up: JIT, connection pools, caches
  const r = await load({ ...opts, duration: SECONDS });
  // Requests cut off at the end are still being served; let them finish before the next measurement.
  await new Promise((resolve) => setTimeout(resolve, 1500));
  return r;
}

/** Rounds of `measureTogether` (BENCH_ROUNDS, default 3). */
export const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 3));

/**
 * Several targets measured in alternating rounds (A B C A B C …), each round SECONDS / ROUNDS long
 * (at least 1 s), after a 1 s warm-up of each: on a shared machine the load of other work drifts
 * within a minute, and alternating spreads that drift over every target alike, so the ratios
 * between them hold better than with one long window each. req/s is the mean of the rounds; p99 is
 * the worst round's.
 */
export async function measureTogether(
  targets: Target[],
  connections = CONNECTIONS,
  databaseCpu?: () => Promise<number>,
): Promise<LoadResult[]> {
  const duration = Math.max(1, Math.round(SECONDS / ROUNDS));
  for (const t of targets) await load({ ...t, connections, duration: 1 });
  const rounds: LoadResult[][] = targets.map(() => []);
  for (let r = 0; r < ROUNDS; r++) {
    for (const [i, t] of targets.entries()) {
      rounds[i]?.push(await load({ ...t, connections, duration, databaseCpu }));
      // Requests cut off at the end of a round are still being served; let them finish.
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  const mean = (xs: number[]) => xs.reduce((sum, x) => sum + x, 0) / xs.length;
  return rounds.map((rs) => ({
    rps: mean(rs.map((x) => x.rps)),
    p99: Math.max(...rs.map((x) => x.p99)),
    non2xx: rs.reduce((sum, x) => sum + x.non2xx, 0),
    cpu: {
      server: mean(rs.map((x) => x.cpu.server)),
      loadgen: mean(rs.map((x) => x.cpu.loadgen)),
      database: rs[0]?.cpu.database === null ? null : mean(rs.map((x) => x.cpu.database ?? 0)),
    },
  }));
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

/**
 * Large generated data kept between runs (PostgreSQL): `key` names the data, `seed` writes it into a
 * freshly migrated database. The first run builds a template database `pc_bench_tpl_<key>_<schema>`
 * (the schema part changes with the migrations, so a stale template is never used); later runs copy it
 * (`create database … template …`, a file copy) instead of generating again. BENCH_CACHE=0 skips the
 * cache; drop the `pc_bench_tpl_*` databases to free the space.
 */
export interface CachedData {
  key: string;
  seed: (database: Database) => Promise<void>;
}

function schemaTag(): string {
  const journal = readFileSync(new URL('../packages/db/migrations/meta/_journal.json', import.meta.url));
  return createHash('sha256').update(journal).digest('hex').slice(0, 8);
}

/** Makes the template database of `cached` unless it exists; returns its name. */
async function templateFor(admin: pg.Client, cached: CachedData): Promise<string> {
  const name = `pc_bench_tpl_${cached.key}_${schemaTag()}`;
  const { rows } = await admin.query('select 1 from pg_database where datname = $1', [name]);
  if (rows.length > 0) return name;
  // Built under another name and renamed when complete, so an interrupted build is never used.
  const building = `${name}_building`;
  await admin.query(`drop database if exists ${building} with (force)`);
  await admin.query(`create database ${building}`);
  const url = new URL(PG_URL);
  url.pathname = `/${building}`;
  const database = await openDatabase({ url: url.toString() });
  try {
    await migrate(database);
    await cached.seed(database);
  } finally {
    await database.close();
  }
  await admin.query(`alter database ${building} rename to ${name}`);
  return name;
}

/**
 * A fresh migrated database; on PostgreSQL a throwaway database that `drop` removes. With `cached`, the
 * data `seed` writes is in it too (on PostgreSQL copied from a template database kept between runs).
 */
export async function freshDatabase(kind: 'pglite' | 'postgres', cached?: CachedData) {
  if (kind === 'pglite') {
    // BENCH_PGLITE_DIR=1: a data directory on disk, as `npm start` runs (the in-memory default keeps
    // every page in the WebAssembly heap, which cannot pass 4 GB: 10 M spend rows need the disk).
    const dataDir =
      process.env.BENCH_PGLITE_DIR === '1' ? mkdtempSync(join(tmpdir(), 'pc-bench-')) : undefined;
    const database = await openDatabase(dataDir ? { dataDir } : {});
    await migrate(database);
    if (cached) await cached.seed(database);
    return {
      database,
      drop: async () => {
        if (!dataDir) return;
        await database.close().catch(() => {}); // the app may have closed it already
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const name = `pc_bench_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  const useCache = cached && process.env.BENCH_CACHE !== '0';
  const template = useCache ? await templateFor(admin, cached) : undefined;
  await admin.query(template ? `create database ${name} template ${template}` : `create database ${name}`);
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString(), poolSize: Math.max(CONNECTIONS, 20) });
  await migrate(database);
  if (cached && !useCache) await cached.seed(database);
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

function cpuText(cpu: Row['cpu']): string {
  if (!cpu) return '—';
  const parts = [cpu.server, cpu.loadgen, ...(cpu.database === null ? [] : [cpu.database])];
  const sum = parts.reduce((a, b) => a + b, 0);
  return `${parts.map((x) => Math.round(x)).join(' + ')} = ${Math.round(sum)}`;
}

export function print(rows: Row[]) {
  const lines = [
    '| database | scenario | req/s | p99 ms | baseline | ratio | non-2xx | CPU µs/req: server + load gen. + PostgreSQL |',
    '|---|---|---:|---:|---|---:|---:|---|',
    ...rows.map(
      (r) =>
        `| ${r.database} | ${r.scenario} | ${Math.round(r.rps).toLocaleString('en-US')} | ${r.p99} | ${r.baseline} | ${
          r.ratio === null ? '—' : r.ratio.toFixed(2)
        } | ${r.non2xx} | ${cpuText(r.cpu)} |`,
    ),
  ];
  console.log(`\n${lines.join('\n')}\n`);
}
