// What the performance update (R5: the incentives module's `spend.accepted` listener) costs spend
// ingestion: the same rows ingested with `ingestSpendBatches` with and without that listener, each on a
// fresh database next to a raw COPY of the same rows measured in the same run. The budgets listener
// stays in both (no budgets are set, so it only looks), so the difference is the performance update.
// BENCH_PERF_ROWS (default 100,000), BENCH_PERF_PARTNERS (1,000), BENCH_PERF_CUSTOMERS (20,000).
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Database } from '@pc/db';
import { from as copyFrom } from 'pg-copy-streams';
import { buildApp } from '../apps/server/src/app.ts';
import { testConfig } from '../apps/server/src/config.ts';
import { MODULES } from '../apps/server/src/modules/index.ts';
import { IMPORT_BATCH } from '../apps/server/src/modules/spend/spend.import.ts';
import { ingestSpendBatches } from '../apps/server/src/modules/spend/spend.service.ts';
import { createDomainEvents } from '../apps/server/src/platform/events/domain-events.ts';
import { batchesOf } from './ingest.ts';
import { freshDatabase } from './lib.ts';
import { seedPartnersAndCustomers } from './settle.ts';

const ROWS = Number(process.env.BENCH_PERF_ROWS ?? 100_000);
export const PARTNERS = Number(process.env.BENCH_PERF_PARTNERS ?? 1_000);
export const CUSTOMERS = Number(process.env.BENCH_PERF_CUSTOMERS ?? 20_000);
/** The import's batch, as in `bench/ingest.ts`. */
const BATCH = IMPORT_BATCH;

export interface PerformanceCostFigures {
  database: string;
  listener: boolean;
  rows: number;
  copyRowsPerSecond: number;
  ingestRowsPerSecond: number;
  ratio: number;
}

/** Spend of the current month (Asia/Shanghai) over every customer; a tenth vouchers. */
export function spendRows(tag: string) {
  const now = Date.now();
  return Array.from({ length: ROWS }, (_, i) => ({
    record_id: `${tag}-${i}`,
    customer_id: `bcd${1 + (i % CUSTOMERS)}`,
    spent_at: new Date(now - (i % 60_000)).toISOString(),
    service_type: ['ecs', 'obs', 'rds', 'evs'][i % 4] as string,
    amount_fen: 1 + (i % 997),
    payment_kind: i % 10 === 0 ? 'voucher' : 'cash',
  }));
}

/** Raw COPY of the rows (as spend_records would hold them) into a table of the same shape: ms. */
async function rawCopy(database: Database, rows: ReturnType<typeof spendRows>): Promise<number> {
  await database.exec('create table bench_perf_copy (like spend_records including all)');
  const accepted = new Date().toISOString();
  const lines = rows.map((r) => {
    const k = 1 + (Number(r.customer_id.slice(3)) % PARTNERS);
    const eligible = r.payment_kind === 'cash' ? r.amount_fen : 0;
    const cycle = r.spent_at.slice(0, 7);
    return `${r.record_id},bcu${r.customer_id.slice(3)},bp${k},resale,${r.spent_at},${cycle},${r.service_type},${r.amount_fen},${r.payment_kind},${eligible},${accepted}`;
  });
  const sql = `copy bench_perf_copy (record_id, customer_id, partner_id, association_type, spent_at, bill_cycle,
    service_type, amount_fen, payment_kind, eligible_fen, accepted_at) from %s with (format csv)`;
  const t0 = performance.now();
  if (database.pglite) {
    await database.pglite.query(sql.replace('%s', `'/dev/blob'`), [], { blob: new Blob([lines.join('\n')]) });
  } else if (database.pool) {
    const client = await database.pool.connect();
    try {
      await pipeline(
        Readable.from(lines.map((l) => `${l}\n`)),
        client.query(copyFrom(sql.replace('%s', 'stdin'))),
      );
    } finally {
      client.release();
    }
  }
  return performance.now() - t0;
}

export async function benchPerformanceCost(
  kind: 'pglite' | 'postgres',
  listener: boolean,
): Promise<PerformanceCostFigures> {
  const { database, drop } = await freshDatabase(kind);
  try {
    const config = testConfig({ env: 'production', webDist: '/nonexistent', logLevel: 'silent' });
    const app = await buildApp({ config, database });
    const ctx = app.ctx;
    if (!listener) {
      const others = MODULES.flatMap((m) => (m.name === 'incentives' ? [] : (m.listeners ?? [])));
      ctx.events = createDomainEvents(others, () => ctx);
    }
    await seedPartnersAndCustomers((sql) => database.exec(sql), PARTNERS, CUSTOMERS);
    await database.exec('analyze');
    const rows = spendRows(`bp-${randomBytes(4).toString('hex')}`);
    const copyMs = await rawCopy(database, rows);
    const t0 = performance.now();
    // As an import feeds the ingestion (`bench/ingest.ts`): the next batch validated while one is stored.
    const results = await ingestSpendBatches(ctx, batchesOf(rows, BATCH));
    const accepted = results.reduce((n, r) => n + r.accepted, 0);
    const ingestMs = performance.now() - t0;
    if (accepted !== rows.length) throw new Error(`ingested ${accepted} of ${rows.length}`);
    const perf = await database.query<{ n: string }>('select count(*) as n from spend_performance');
    if (listener !== Number(perf.rows[0]?.n) > 0) throw new Error('the listener did not run as intended');
    await app.close();
    const copyRate = rows.length / (copyMs / 1000);
    const ingestRate = rows.length / (ingestMs / 1000);
    return {
      database: kind === 'pglite' ? 'PGlite' : 'PostgreSQL',
      listener,
      rows: rows.length,
      copyRowsPerSecond: copyRate,
      ingestRowsPerSecond: ingestRate,
      ratio: ingestRate / copyRate,
    };
  } finally {
    await database.close();
    await drop();
  }
}

export function printPerformanceCost(figures: PerformanceCostFigures[]): void {
  const n = (v: number) => Math.round(v).toLocaleString('en-US');
  const lines = [
    '| database | performance listener | rows | raw COPY rows/s | ingestion rows/s | ratio to COPY | µs per row |',
    '|---|---|---:|---:|---:|---:|---:|',
    ...figures.map(
      (f) =>
        `| ${f.database} | ${f.listener ? 'on' : 'off'} | ${n(f.rows)} | ${n(f.copyRowsPerSecond)} | ${n(f.ingestRowsPerSecond)} | ${f.ratio.toFixed(2)} | ${(1e6 / f.ingestRowsPerSecond).toFixed(1)} |`,
    ),
  ];
  for (const db of new Set(figures.map((f) => f.database))) {
    const on = figures.find((f) => f.database === db && f.listener);
    const off = figures.find((f) => f.database === db && !f.listener);
    if (on && off) {
      const cost = 1e6 / on.ingestRowsPerSecond - 1e6 / off.ingestRowsPerSecond;
      lines.push(`\n${db}: the performance update costs ${cost.toFixed(1)} µs per ingested row.`);
    }
  }
  console.log(`\n${lines.join('\n')}\n`);
}
