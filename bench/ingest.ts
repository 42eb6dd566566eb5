// Spend ingestion with budget evaluation next to a raw COPY of the same rows, and the latency from
// a crossing record being accepted to its alert notifications being queued.
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Database } from '@pc/db';
import { from as copyFrom } from 'pg-copy-streams';
import { buildApp } from '../apps/server/src/app.ts';
import { testConfig } from '../apps/server/src/config.ts';
import { IMPORT_BATCH } from '../apps/server/src/modules/spend/spend.import.ts';
import { ingestSpendBatch, ingestSpendBatches } from '../apps/server/src/modules/spend/spend.service.ts';
import { billCycleOf } from '../apps/server/src/modules/spend/spend.validate.ts';
import type { AppContext } from '../apps/server/src/platform/context.ts';
import { newId } from '../apps/server/src/platform/ids/ids.ts';
import { freshDatabase } from './lib.ts';
import { seedPartnerWithCustomers } from './partner-api.ts';

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
/**
 * Spend rows already in the table (and in the COPY baseline's table) before the measurement, spread
 * over the ten months before this one (BENCH_SPEND_PRELOAD; a comma-separated list runs each size).
 */
export const PRELOAD_SCALES = (process.env.BENCH_SPEND_PRELOAD ?? '0').split(',').map(Number);
const PRELOAD_CHUNK = 500_000;
/** The alert-heavy budget, scaled with BENCH_ROWS so about 2 % of the records alert at any size. */
export const ALERT_BUDGET_FEN = Math.max(1_000, Math.round((60_000 * ROWS) / 100_000));
/** Records per `ingestSpendBatch` call: the import's batch (BENCH_INGEST_BATCH overrides it). */
const BATCH = Number(process.env.BENCH_INGEST_BATCH ?? IMPORT_BATCH);
const LATENCY_SAMPLES = 200;

export interface IngestFigures {
  database: string;
  scenario: string;
  rows: number;
  preloaded: number;
  copyRowsPerSecond: number;
  ingestRowsPerSecond: number;
  ratio: number;
  /** COPY into spend_records itself (its foreign key included), and the ratio to it. */
  sameTableCopyRowsPerSecond: number;
  sameTableRatio: number;
  alertsRaised: number;
  latencyP50: number;
  latencyP99: number;
  latencyMax: number;
}

/** Monthly budgets (and one recipient) for the given customers, written with plain SQL. */
export async function addBudgets(
  ctx: AppContext,
  partnerId: string,
  customerIds: string[],
  amountFen: number,
) {
  const now = ctx.clock.now();
  const period = billCycleOf(now);
  for (const id of customerIds) {
    await ctx.database.query(
      `insert into budgets (customer_id, partner_id, amount_fen, budget_type, frozen_operate_type, period_key,
         period_start, updated_at) values ($1, $2, $3, 'MONTHLY', 1, $4, $5, $5)`,
      [id, partnerId, amountFen, period, now],
    );
    await ctx.database.query(
      `insert into budget_recipients (id, customer_id, partner_id, name, phone, email, created_at)
       values ($1, $2, $3, 'Finance', '13800000000', 'finance@bench.test', $4)`,
      [newId('rcp'), id, partnerId, now],
    );
  }
}

export function records(domainIds: string[], n: number, amount: () => number) {
  const now = Date.now();
  return Array.from({ length: n }, (_, i) => ({
    record_id: `b-${randomBytes(8).toString('hex')}-${i}`,
    customer_id: domainIds[i % domainIds.length] as string,
    // Within the last minute, so the whole run stays in the current Asia/Shanghai month.
    spent_at: new Date(now - Math.floor(Math.random() * 60_000)).toISOString(),
    service_type: i % 3 === 0 ? 'obs' : 'ecs',
    amount_fen: amount(),
    payment_kind: i % 10 === 0 ? 'voucher' : 'cash',
  }));
}

/**
 * The raw baselines: the same rows COPYed as CSV into a table shaped like spend_records (`like …
 * including all`: its indexes, not its foreign key to customers), or (`sameTable`) into spend_records
 * itself — foreign key included — in a transaction rolled back, with other record ids (run after the
 * ingestion, so that table holds the ingested rows too).
 */
async function copyRows(
  database: Database,
  rows: ReturnType<typeof records>,
  ids: Map<string, { id: string; partnerId: string }>,
  sameTable = false,
): Promise<number> {
  const table = sameTable ? 'spend_records' : 'bench_copy';
  if (!sameTable) {
    await database.exec('create table bench_copy (like spend_records including all)');
    await database.exec('insert into bench_copy select * from spend_records; analyze bench_copy');
  }
  const now = new Date().toISOString();
  const csv = rows
    .map((r) => {
      const c = ids.get(r.customer_id);
      const eligible = r.payment_kind === 'cash' ? r.amount_fen : 0;
      return `${sameTable ? 'c' : ''}${r.record_id},${c?.id},${c?.partnerId},resale,${r.spent_at},${billCycleOf(new Date(r.spent_at))},${r.service_type},${r.amount_fen},${r.payment_kind},${eligible},,${now}`;
    })
    .join('\n');
  const columns =
    'record_id, customer_id, partner_id, association_type, spent_at, bill_cycle, service_type, amount_fen, payment_kind, eligible_fen, import_id, accepted_at';
  let ms = 0;
  if (database.pglite) {
    const pglite = database.pglite;
    await pglite.transaction(async (tx) => {
      const started = performance.now();
      await tx.query(`copy ${table} (${columns}) from '/dev/blob' with (format csv)`, [], {
        blob: new Blob([csv]),
      });
      ms = performance.now() - started;
      if (sameTable) await tx.rollback();
    });
  } else if (database.pool) {
    const client = await database.pool.connect();
    try {
      await client.query('begin');
      const started = performance.now();
      await pipeline(
        Readable.from([csv]),
        client.query(copyFrom(`copy ${table} (${columns}) from stdin with (format csv)`)),
      );
      ms = performance.now() - started;
      await client.query(sameTable ? 'rollback' : 'commit');
    } finally {
      client.release();
    }
  }
  return ms;
}

export async function* batchesOf(rows: readonly unknown[], size: number) {
  for (let i = 0; i < rows.length; i += size) yield { records: rows.slice(i, i + size) };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

/**
 * `budgetFen` per customer: 60,000 makes most budgets cross 75 % and 90 % and many 100 % during the
 * run (about 2 % of the records raise an alert — far more than a real month, where a customer crosses
 * at most three thresholds); 100,000,000 means no alert at all (the steady state).
 */
/** `preload` spend rows of the customers in the ten months before this one, generated in the database. */
async function preloadSpend(database: Database, partnerId: string, preload: number): Promise<void> {
  for (let start = 0; start < preload; start += PRELOAD_CHUNK) {
    await database.query(
      `with c as (select array_agg(id order by id) as ids, count(*)::int as n from customers),
       g as (select i, date_trunc('month', now() at time zone 'Asia/Shanghai') at time zone 'Asia/Shanghai'
                       - make_interval(months => 1 + i % 10, secs => 1 + (i * 7919) % 2000000) as at
             from generate_series($1::int, $2::int) i)
       insert into spend_records (record_id, customer_id, partner_id, association_type, spent_at, bill_cycle,
         service_type, amount_fen, payment_kind, eligible_fen, accepted_at)
       select 'pre-' || g.i, c.ids[1 + g.i % c.n], $3, 'resale', g.at,
         to_char(g.at at time zone 'Asia/Shanghai', 'YYYY-MM'), case when g.i % 3 = 0 then 'obs' else 'ecs' end,
         1 + g.i % 1000, 'cash', 1 + g.i % 1000, now()
       from g, c`,
      [start, Math.min(preload, start + PRELOAD_CHUNK) - 1, partnerId],
    );
  }
  await database.exec('analyze spend_records');
}

export async function benchIngest(
  kind: 'pglite' | 'postgres',
  budgetFen = 60_000,
  preload = 0,
  batch = BATCH,
): Promise<IngestFigures> {
  const { database, drop } = await freshDatabase(kind);
  try {
    const config = testConfig({ env: 'production', webDist: '/nonexistent', logLevel: 'silent' });
    const app = await buildApp({ config, database });
    const ctx = app.ctx;
    const seeded = await seedPartnerWithCustomers(ctx);
    const customers = (
      await database.query<{ id: string; domain_id: string }>(
        'select id, domain_id from customers order by id',
      )
    ).rows;
    const latencyCustomers = customers.slice(0, LATENCY_SAMPLES);
    const loadCustomers = customers.slice(LATENCY_SAMPLES);
    const ids = new Map(customers.map((c) => [c.domain_id, { id: c.id, partnerId: seeded.partner.id }]));
    // ~125 records of ~500 fen per customer: most budgets of 60,000 fen cross 75 % and 90 % on the way.
    await addBudgets(
      ctx,
      seeded.partner.id,
      loadCustomers.map((c) => c.id),
      budgetFen,
    );
    const rows = records(
      loadCustomers.map((c) => c.domain_id),
      ROWS,
      () => 1 + Math.floor(Math.random() * 1_000),
    );

    if (preload > 0) await preloadSpend(database, seeded.partner.id, preload);
    const copyMs = await copyRows(database, rows, ids);

    // As an import feeds the ingestion: batches in order, the next validated while one is stored.
    const started = performance.now();
    const results = await ingestSpendBatches(ctx, batchesOf(rows, batch));
    const accepted = results.reduce((n, r) => n + r.accepted, 0);
    const ingestMs = performance.now() - started;
    if (accepted !== rows.length) throw new Error(`ingested ${accepted} of ${rows.length}`);
    const sameTableCopyMs = await copyRows(database, rows, ids, true);
    const alerts = await database.query<{ n: string }>('select count(*) as n from budget_alerts');

    // Latency: one record per customer that crosses 75 % of a 10,000 fen budget; the call returns
    // after the transaction that holds the alert and its queued notifications has committed.
    await addBudgets(
      ctx,
      seeded.partner.id,
      latencyCustomers.map((c) => c.id),
      10_000,
    );
    const samples: number[] = [];
    for (const c of latencyCustomers) {
      const [record] = records([c.domain_id], 1, () => 8_000);
      const t0 = performance.now();
      await ingestSpendBatch(ctx, [record]);
      samples.push(performance.now() - t0);
      const queued = await database.query<{ n: string }>(
        `select count(*) as n from budget_alerts where customer_id = $1 and threshold = 75`,
        [c.id],
      );
      if (Number(queued.rows[0]?.n) !== 1) throw new Error(`no alert for ${c.id}`);
    }
    samples.sort((a, b) => a - b);
    await app.close();
    const copyRate = rows.length / (copyMs / 1000);
    const ingestRate = rows.length / (ingestMs / 1000);
    return {
      database: kind === 'pglite' ? 'PGlite' : 'PostgreSQL',
      scenario:
        budgetFen >= 1_000_000 ? 'budgets far from thresholds' : 'alert-heavy (~2 % of records alert)',
      rows: rows.length,
      preloaded: preload,
      copyRowsPerSecond: copyRate,
      ingestRowsPerSecond: ingestRate,
      ratio: ingestRate / copyRate,
      sameTableCopyRowsPerSecond: rows.length / (sameTableCopyMs / 1000),
      sameTableRatio: ingestRate / (rows.length / (sameTableCopyMs / 1000)),
      alertsRaised: Number(alerts.rows[0]?.n ?? 0),
      latencyP50: percentile(samples, 50),
      latencyP99: percentile(samples, 99),
      latencyMax: samples.at(-1) ?? 0,
    };
  } finally {
    await database.close();
    await drop();
  }
}

export function printIngest(figures: IngestFigures[]): void {
  const n = (v: number) => Math.round(v).toLocaleString('en-US');
  const lines = [
    '| database | scenario | rows | spend rows before | raw COPY rows/s | ingestion + budgets rows/s | ratio | COPY into spend_records rows/s | ratio to it | alerts raised | alert latency p50 / p99 / max ms |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|',
    ...figures.map(
      (f) =>
        `| ${f.database} | ${f.scenario} | ${n(f.rows)} | ${n(f.preloaded)} | ${n(f.copyRowsPerSecond)} | ${n(f.ingestRowsPerSecond)} | ${f.ratio.toFixed(2)} | ${n(f.sameTableCopyRowsPerSecond)} | ${f.sameTableRatio.toFixed(2)} | ${n(f.alertsRaised)} | ${f.latencyP50.toFixed(1)} / ${f.latencyP99.toFixed(1)} / ${f.latencyMax.toFixed(1)} |`,
    ),
  ];
  console.log(`\n${lines.join('\n')}\n`);
}
