// CPU per signed ListSubCustomers call, measured in process (no HTTP, no load generator): the app is
// built as bench/partner-api.ts builds it, the same partner with 1,000 customers is seeded, and N
// sequential calls go through `app.inject` after a warm-up; `process.cpuUsage()` (user + system) is
// divided by N. A bare Fastify route doing the baseline's one indexed select is measured the same way
// in the same run, alternating, so the ratio holds on a loaded machine even when the µs do not.
//
//   npx tsx bench/cpu-per-call.ts                  # both databases
//   CPU_DB=postgres CPU_CALLS=2000 CPU_ROUNDS=5 npx tsx bench/cpu-per-call.ts
//
// On PostgreSQL it also counts the statements the app sends per call (the pool's `query` wrapped):
// a call should be the page query plus the (batched) flow-control upsert, nothing else.

import { execSync } from 'node:child_process';
import { Session } from 'node:inspector/promises';
import type { Database } from '@pc/db';
import type { FastifyInstance } from 'fastify';
import { largest, type Profile, selfTimes } from './cpu-profile.ts';
import { freshDatabase } from './lib.ts';
import { buildBenchApp, oneSelectRoute, seedSettled, signedQuery } from './partner-api.ts';

const CALLS = Number(process.env.CPU_CALLS ?? 1500);
const WARMUP = Number(process.env.CPU_WARMUP ?? 300);
const ROUNDS = Number(process.env.CPU_ROUNDS ?? 5);
const KINDS = (process.env.CPU_DB ?? 'pglite,postgres').split(',') as ('pglite' | 'postgres')[];

type Inject = { method: 'POST'; url: string; headers: Record<string, string>; payload: string };

/** Calls in flight at once (CPU_CONCURRENCY, default 1: sequential). With 50, concurrent calls share
 * one flow-control upsert as they do under the HTTP load of bench/partner-api.ts. */
const CONCURRENCY = Number(process.env.CPU_CONCURRENCY ?? 1);
/** System CPU of the last measurement, µs per call (user = total − this). */
let lastSystem = 0;

async function cpuPerCall(app: FastifyInstance, req: Inject, n: number): Promise<number> {
  const start = process.cpuUsage();
  let next = 0;
  const worker = async () => {
    while (next < n) {
      next++;
      const res = await app.inject(req);
      if (res.statusCode !== 200) throw new Error(`${res.statusCode} ${res.body}`);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, n) }, worker));
  const used = process.cpuUsage(start);
  lastSystem = used.system / n;
  return (used.user + used.system) / n;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

/** Counts the statements sent through the pool (every pg query of the app goes through `pool.query`
 * or a checked-out client's `query`). */
function countStatements(database: Database) {
  const seen: string[] = [];
  const pool = database.pool;
  if (!pool) return { seen, reset: () => {} };
  const wrapClient = (client: { query: (...a: unknown[]) => unknown; __counted?: boolean }) => {
    if (client.__counted) return;
    client.__counted = true;
    const q = client.query.bind(client);
    client.query = (...args: unknown[]) => {
      const first = args[0] as string | { text?: string; name?: string };
      seen.push(typeof first === 'string' ? first : (first?.name ?? first?.text ?? '?'));
      return q(...args);
    };
  };
  pool.on('connect', (client) => wrapClient(client as never));
  // Clients already connected.
  for (const client of (pool as unknown as { _clients: never[] })._clients) wrapClient(client);
  return {
    seen,
    reset: () => {
      seen.length = 0;
    },
  };
}

async function run(kind: 'pglite' | 'postgres') {
  const { database, drop } = await freshDatabase(kind);
  try {
    const app = await buildBenchApp(database);
    const seeded = await seedSettled(app.ctx, database);
    const bare = oneSelectRoute(database);
    await bare.ready();
    await app.ready();
    const q = signedQuery('http://localhost', seeded);
    const signed: Inject = {
      method: 'POST',
      url: new URL(q.url).pathname,
      headers: { ...q.headers, host: 'localhost' },
      payload: q.body,
    };
    const plain: Inject = {
      method: 'POST',
      url: '/',
      headers: { 'content-type': 'application/json' },
      payload: '{}',
    };
    const first = await app.inject(signed);
    if (first.statusCode !== 200) throw new Error(`${first.statusCode} ${first.body}`);
    if (process.env.CPU_SHOW) console.log(first.headers, first.body.slice(0, 400));
    await cpuPerCall(app, signed, WARMUP);
    await cpuPerCall(bare, plain, WARMUP);

    let statements = '';
    if (kind === 'postgres') {
      const counter = countStatements(database);
      // Let idle background work (job queue polls) settle, then count 100 sequential calls.
      await new Promise((r) => setTimeout(r, 200));
      counter.reset();
      await cpuPerCall(app, signed, 100);
      const per = new Map<string, number>();
      for (const s of counter.seen) {
        const k = s.replace(/\s+/g, ' ').slice(0, 70);
        per.set(k, (per.get(k) ?? 0) + 1);
      }
      statements = ` statements per call ${(counter.seen.length / 100).toFixed(2)}: ${[...per]
        .map(([k, n]) => `${(n / 100).toFixed(2)}× ${k}`)
        .join(' | ')}`;
    }

    if (process.env.CPU_PROFILE) await profile(app, signed, kind);
    const app_: number[] = [];
    const bare_: number[] = [];
    const appSys: number[] = [];
    const bareSys: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      app_.push(await cpuPerCall(app, signed, CALLS));
      appSys.push(lastSystem);
      bare_.push(await cpuPerCall(bare, plain, CALLS));
      bareSys.push(lastSystem);
    }
    const a = median(app_);
    const b = median(bare_);
    console.log(
      `${kind}: signed ${Math.round(a)} µs/call (system ${Math.round(median(appSys))}) [${app_.map(Math.round).join(', ')}], bare one select ${Math.round(b)} µs/call (system ${Math.round(median(bareSys))}) [${bare_.map(Math.round).join(', ')}], bare/signed ${(b / a).toFixed(2)}${statements}`,
    );
    await bare.close();
    await app.close();
  } finally {
    await database.close();
    await drop();
  }
}

/** CPU_PROFILE=1: self time of the signed calls alone, top functions (a guide, not a figure). */
async function profile(app: FastifyInstance, req: Inject, kind: string) {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 100 });
  await session.post('Profiler.start');
  await cpuPerCall(app, req, CALLS);
  const { profile: p } = (await session.post('Profiler.stop')) as { profile: Profile };
  session.disconnect();
  const { total, byFn } = selfTimes(p);
  const top = largest(byFn, Number(process.env.CPU_PROFILE_TOP ?? 40));
  console.log(`profile ${kind} (signed calls only):`);
  for (const [k, n] of top) console.log(`  ${((100 * n) / total).toFixed(1).padStart(5)} %  ${k}`);
}

console.log(`${new Date().toISOString()} ${execSync('uptime').toString().trim()}`);
console.log(
  `${CALLS} calls (${CONCURRENCY} in flight) × ${ROUNDS} rounds after ${WARMUP} warm-up; median shown, rounds in brackets`,
);
for (const kind of KINDS) await run(kind);
console.log(`${execSync('uptime').toString().trim()}`);
process.exit(0);
