// `tsx bench/ingest-split.ts`: where one alert-heavy ingestion (BENCH_ROWS, default 100,000) spends
// its time — every statement timed on the driver (pg's Client.query wrapped: PostgreSQL only) and
// the Node side sampled with the inspector while the batches run.
// SPLIT_DB=pglite | postgres (default), SPLIT_SCENARIO=wide (below), SPLIT_BUDGET_FEN (default: the alert-heavy budget), SPLIT_PROFILE=0
// (statements only: the sampling thread takes CPU from the database on a 2-core machine).
import { Session } from 'node:inspector/promises';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { buildApp } from '../apps/server/src/app.ts';
import { testConfig } from '../apps/server/src/config.ts';
import { IMPORT_BATCH } from '../apps/server/src/modules/spend/spend.import.ts';
import { ingestSpendBatches } from '../apps/server/src/modules/spend/spend.service.ts';
import { largest, type Profile, selfTimes } from './cpu-profile.ts';
import { ALERT_BUDGET_FEN, addBudgets, batchesOf, records } from './ingest.ts';
import { CUSTOMERS, PARTNERS, spendRows } from './ingest-performance.ts';
import { freshDatabase } from './lib.ts';
import { seedPartnerWithCustomers } from './partner-api.ts';
import { seedPartnersAndCustomers } from './settle.ts';

const kind = process.env.SPLIT_DB === 'pglite' ? 'pglite' : 'postgres';
const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const BATCH = Number(process.env.BENCH_INGEST_BATCH ?? IMPORT_BATCH);
const budgetFen = Number(process.env.SPLIT_BUDGET_FEN ?? ALERT_BUDGET_FEN);

let recording = false;
const byStatement = new Map<string, { n: number; ms: number }>();
const labelOf = (q: unknown): string => {
  const text =
    typeof q === 'string' ? q : ((q as { text?: string })?.text ?? (q as { _query?: string })?._query ?? '?');
  return text.replace(/\s+/g, ' ').trim().slice(0, 90);
};
function note(label: string, ms: number) {
  const e = byStatement.get(label) ?? { n: 0, ms: 0 };
  e.n++;
  e.ms += ms;
  byStatement.set(label, e);
}
// biome-ignore lint/suspicious/noExplicitAny: patching the driver for the measurement only
const proto = pg.Client.prototype as any;
const original = proto.query;
proto.query = function (this: unknown, ...args: unknown[]) {
  const t0 = performance.now();
  const out = original.apply(this, args);
  if (recording) {
    const label = labelOf(args[0]);
    if (out && typeof (out as Promise<unknown>).then === 'function')
      (out as Promise<unknown>).then(
        () => note(label, performance.now() - t0),
        () => note(label, performance.now() - t0),
      );
    else if (out && typeof (out as NodeJS.EventEmitter).on === 'function')
      (out as NodeJS.EventEmitter).on('finish', () => note(`COPY ${label}`, performance.now() - t0));
  }
  return out;
};

const { database, drop } = await freshDatabase(kind);
const config = testConfig({ env: 'production', webDist: '/nonexistent', logLevel: 'silent' });
const app = await buildApp({ config, database });
// SPLIT_SCENARIO=wide: the `perfcost` scenario (its partners, customers and rows: BENCH_PERF_*; each batch
// touching about as many customers as it holds records, no budgets) instead of the alert-heavy one.
const wide = process.env.SPLIT_SCENARIO === 'wide';
const rows = wide ? await wideRows() : await alertHeavyRows();

async function wideRows() {
  await seedPartnersAndCustomers((q) => database.exec(q), PARTNERS, CUSTOMERS);
  await database.exec('analyze');
  return spendRows('split');
}

async function alertHeavyRows() {
  const seeded = await seedPartnerWithCustomers(app.ctx);
  // As `benchIngest`: the first 200 customers are its latency samples, the rest carry the load.
  const customers = (
    await database.query<{ id: string; domain_id: string }>('select id, domain_id from customers order by id')
  ).rows.slice(200);
  await addBudgets(
    app.ctx,
    seeded.partner.id,
    customers.map((c) => c.id),
    budgetFen,
  );
  return records(
    customers.map((c) => c.domain_id),
    ROWS,
    () => 1 + Math.floor(Math.random() * 1_000),
  );
}
const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 200 });
const profiling = process.env.SPLIT_PROFILE !== '0';
if (profiling) await session.post('Profiler.start');
recording = true;
const started = performance.now();
// As an import feeds the ingestion: the next batch validated while one is stored.
await ingestSpendBatches(app.ctx, batchesOf(rows, BATCH));
const wall = performance.now() - started;
recording = false;
const empty: Profile = { nodes: [], startTime: 0, endTime: 0 };
const { profile } = profiling
  ? ((await session.post('Profiler.stop')) as { profile: Profile })
  : { profile: empty };
const alerts = await database.query<{ n: number }>('select count(*)::int as n from budget_alerts');
await app.close();
await database.close();
await drop();

const pct = (ms: number) => `${((100 * ms) / wall).toFixed(1)} %`;
const sql = [...byStatement].sort((a, b) => b[1].ms - a[1].ms);
const sqlMs = sql.reduce((s, [, v]) => s + v.ms, 0);
console.log(
  `\n${kind}: ${rows.length} rows in ${Math.round(wall)} ms, ${alerts.rows[0]?.n} alerts; statements ${pct(sqlMs)}`,
);
console.log('\n| statement | calls | ms | share |\n|---|---:|---:|---:|');
for (const [label, v] of sql.slice(0, 30))
  console.log(`| ${label.replace(/\|/g, '\\|')} | ${v.n} | ${Math.round(v.ms)} | ${pct(v.ms)} |`);
if (!profiling) process.exit(0);
const { total, byArea, byFn } = selfTimes(profile);
const hp = (h: number) => `${((100 * h) / total).toFixed(1)} %`;
console.log('\n| Node area (self time) | share of samples |\n|---|---:|');
for (const [k, v] of largest(byArea, byArea.size)) console.log(`| ${k} | ${hp(v)} |`);
console.log('\n| function (self time) | share of samples |\n|---|---:|');
for (const [k, v] of largest(byFn, 25)) console.log(`| ${k.replace(/\|/g, '\\|')} | ${hp(v)} |`);

// Inclusive CPU of the app's own functions (samples with the function anywhere on the stack, counted once).
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const inclusive = new Map<string, number>();
for (const n of profile.nodes) {
  const hits = n.hitCount ?? 0;
  if (!hits) continue;
  const seen = new Set<string>();
  for (let id: number | undefined = n.id; id !== undefined; id = parent.get(id)) {
    const f = byId.get(id)?.callFrame;
    if (!f?.url.includes('/apps/server/src/') || !f.functionName) continue;
    const k = `${f.functionName} ${f.url.replace(/^.*\/src\//, '')}`;
    if (seen.has(k)) continue;
    seen.add(k);
    inclusive.set(k, (inclusive.get(k) ?? 0) + hits);
  }
}
console.log('\n| app function (inclusive CPU) | share of samples |\n|---|---:|');
for (const [k, v] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, 30))
  console.log(`| ${k} | ${hp(v)} |`);
