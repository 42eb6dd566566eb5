// Bills: the signed monthly bill summary (ListSubcustomerMonthlyBills) next to the bare SQL that sums
// the same customer-month straight from spend_records, over BENCH_SPEND_ROWS spend rows (default
// 200,000; 10,000,000 with BENCH_SCALE=full) in the same run; and the reconciliation export of one month (a tenth of the rows:
// 1,000,000 by default) streamed as CSV and XLSX, timed, with the peak heap it needed.
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import v8 from 'node:v8';
import vm from 'node:vm';
import Fastify from 'fastify';
import { exportMonth } from '../apps/server/src/modules/bills/bills.export.ts';
import type { AppContext } from '../apps/server/src/platform/context.ts';
import { signRequest } from '../apps/server/src/platform/partner-api/signing.ts';
import { freshDatabase, listen, measure, type Row } from './lib.ts';
import { API_CONNECTIONS, buildBenchApp, seedPartnerWithCustomers } from './partner-api.ts';

/** BENCH_SCALE=full: the 10 million rows; the quick default is 200,000 (a loaded machine). */
export const SPEND_ROWS = Number(
  process.env.BENCH_SPEND_ROWS ?? (process.env.BENCH_SCALE === 'full' ? 10_000_000 : 200_000),
);
/**
 * Months the rows spread over (2026-01 …): 10 by default. BENCH_MONTHS=1 puts them all in 2026-01,
 * so 1,000,000 rows give the full scale's density (1,000 records per customer-month) and a
 * 1,000,000-row export without writing 10,000,000 rows first (a loaded machine).
 */
const MONTHS = Number(process.env.BENCH_MONTHS ?? 10);
/** The customer-month both the bare sum and the signed call read: March, or January with fewer months. */
const QUERY_CYCLE = MONTHS >= 3 ? '2026-03' : '2026-01';
const QUERY_RANGE =
  MONTHS >= 3
    ? ['2026-02-28T16:00:00Z', '2026-03-31T16:00:00Z']
    : ['2025-12-31T16:00:00Z', '2026-01-31T16:00:00Z'];
const CHUNK = 500_000;

/**
 * SPEND_ROWS spend records over the partner's customers and ten months (2026-01 … 2026-10), written
 * server-side in chunks; then the monthly summaries built from them with one aggregate — the state
 * the incremental maintenance reaches (bills.service.test proves the two agree).
 */
async function seedSpend(ctx: AppContext, partnerId: string): Promise<void> {
  const db = ctx.database;
  for (let start = 0; start < SPEND_ROWS; start += CHUNK) {
    const end = Math.min(SPEND_ROWS, start + CHUNK);
    await db.query(
      `with c as (select array_agg(id order by id) as ids, count(*)::int as n from customers),
       g as (select i, timestamptz '2026-01-01 00:00:00+08' + make_interval(months => i % ${MONTHS})
               + make_interval(secs => (i::bigint * 7919) % 2419200) as at from generate_series($1::int, $2::int) i)
       insert into spend_records (record_id, customer_id, partner_id, association_type, spent_at, bill_cycle,
         service_type, amount_fen, payment_kind, eligible_fen, resource_id, region_code, accepted_at)
       select 'b' || lpad(g.i::text, 9, '0'), c.ids[1 + (g.i / ${MONTHS}) % c.n], $3, 'resale', g.at,
         to_char(g.at at time zone 'Asia/Shanghai', 'YYYY-MM'),
         (array['ecs','obs','evs','rds'])[1 + g.i % 4], 1 + g.i % 5000,
         case when g.i % 10 = 0 then 'voucher' else 'cash' end,
         case when g.i % 10 = 0 then 0 else 1 + g.i % 5000 end, 'res-' || (g.i % 997), 'cn-north-4', now()
       from g, c`,
      [start, end - 1, partnerId],
    );
  }
  await db.query(`insert into bill_monthly_sums (partner_id, customer_id, bill_cycle, association_type,
      service_type, resource_type, charging_mode, bill_type, amount_fen, cash_fen, voucher_fen, record_count,
      updated_at)
    select partner_id, customer_id, bill_cycle, association_type, service_type, coalesce(resource_type, ''), 3, 0,
      sum(amount_fen), coalesce(sum(amount_fen) filter (where payment_kind = 'cash'), 0),
      coalesce(sum(amount_fen) filter (where payment_kind = 'voucher'), 0), count(*), now()
    from spend_records group by partner_id, customer_id, bill_cycle, association_type, service_type,
      coalesce(resource_type, '')`);
  await db.query('analyze spend_records');
  await db.query('analyze bill_monthly_sums');
}

v8.setFlagsFromString('--expose-gc');
/** A full garbage collection (exposed at run time, so `npm run bench` needs no node flag). */
const collect = vm.runInNewContext('gc') as () => void;

/** Streams a month's export into a sink that only counts, sampling the heap as it goes. */
async function timeExport(ctx: AppContext, partnerId: string, format: 'csv' | 'xlsx') {
  const before = process.memoryUsage().heapUsed;
  const rssBefore = process.memoryUsage().rss;
  let peak = before;
  let peakRss = rssBefore;
  let bytes = 0;
  const sample = setInterval(() => {
    const m = process.memoryUsage();
    peak = Math.max(peak, m.heapUsed);
    peakRss = Math.max(peakRss, m.rss);
  }, 50);
  const started = performance.now();
  let rows = 0;
  // Live heap: every 100,000 rows a full collection, then the heap in use (what the export holds,
  // not the garbage V8 has not collected yet). Flat means it does not grow with the rows.
  let liveBefore = 0;
  let livePeak = 0;
  const live = () => {
    collect();
    return process.memoryUsage().heapUsed;
  };
  liveBefore = live();
  livePeak = liveBefore;
  const file = exportMonth(ctx, [partnerId], '2026-01', format, 'zh-CN', {
    onBatch: (n) => {
      if (Math.floor(n / 100_000) > Math.floor(rows / 100_000)) livePeak = Math.max(livePeak, live());
      rows = n;
    },
  });
  await pipeline(
    file.stream,
    new Writable({
      write(chunk: Buffer, _enc, done) {
        bytes += chunk.length;
        done();
      },
    }),
  );
  clearInterval(sample);
  return {
    rows,
    seconds: (performance.now() - started) / 1000,
    bytes,
    peakHeapMb: (peak - before) / 2 ** 20,
    liveHeapGrowthMb: (livePeak - liveBefore) / 2 ** 20,
    rssBeforeMb: rssBefore / 2 ** 20,
    peakRssMb: peakRss / 2 ** 20,
  };
}

export interface ExportFigure {
  database: string;
  format: string;
  rows: number;
  seconds: number;
  bytes: number;
  peakHeapMb: number;
  liveHeapGrowthMb: number;
  rssBeforeMb: number;
  peakRssMb: number;
}

export async function benchBills(
  kind: 'pglite' | 'postgres',
): Promise<{ rows: Row[]; exports: ExportFigure[] }> {
  const label = kind === 'pglite' ? 'PGlite' : 'PostgreSQL';
  const { database, drop } = await freshDatabase(kind);
  const rows: Row[] = [];
  const exports: ExportFigure[] = [];
  try {
    const app = await buildBenchApp(database);
    const seeded = await seedPartnerWithCustomers(app.ctx);
    const seedStart = performance.now();
    await seedSpend(app.ctx, seeded.partner.id);
    console.log(
      `${label}: ${SPEND_ROWS.toLocaleString('en-US')} spend rows and summaries in ${((performance.now() - seedStart) / 1000).toFixed(0)} s`,
    );
    const target = (
      await database.query<{ id: string; domain_id: string }>(
        'select id, domain_id from customers order by id limit 1 offset 7',
      )
    ).rows[0];
    if (!target) throw new Error('no customer');

    // Bare SQL: the customer's month summed straight from the spend records (indexed by customer, time).
    const bare = Fastify({ logger: false });
    bare.get('/', async () => {
      const r = await database.query(
        `select service_type, sum(amount_fen) as amount,
           sum(amount_fen) filter (where payment_kind = 'cash') as cash,
           sum(amount_fen) filter (where payment_kind = 'voucher') as voucher
         from spend_records where customer_id = $1 and spent_at >= $2 and spent_at < $3
         group by service_type order by service_type`,
        [target.id, ...QUERY_RANGE],
      );
      return r.rows;
    });
    const sql = await measure({ url: await listen(bare) }, API_CONNECTIONS);
    await bare.close();
    rows.push({
      database: label,
      scenario: 'bare Fastify, sum of a customer-month over spend_records (50 conn.)',
      baseline: '—',
      ratio: null,
      ...sql,
    });

    const base = await listen(app);
    const url = new URL(
      `/v2/bills/partner-bills/subcustomer-bills/monthly-sum?cycle=${QUERY_CYCLE}&charge_mode=3&customer_id=${target.domain_id}&limit=100`,
      base,
    );
    const signed = signRequest({
      method: 'GET',
      path: url.pathname,
      query: url.search.slice(1),
      headers: { host: url.host, 'content-type': 'application/json', 'x-domain-id': seeded.partner.domainId },
      body: '',
      accessKey: seeded.accessKey,
      secretKey: seeded.secretKey,
      date: new Date(),
    });
    const { host: _host, ...headers } = signed.headers;
    const api = await measure({ url: url.toString(), method: 'GET', headers }, API_CONNECTIONS);
    rows.push({
      database: label,
      scenario: 'signed GET /v2/…/monthly-sum, one customer-month (50 conn.)',
      baseline: 'sum over spend_records (50 conn.)',
      ratio: api.rps / sql.rps,
      ...api,
    });
    for (const format of ['csv', 'xlsx'] as const)
      exports.push({ database: label, format, ...(await timeExport(app.ctx, seeded.partner.id, format)) });
    await app.close();
  } finally {
    await database.close();
    await drop();
  }
  return { rows, exports };
}

export function printExports(figures: ExportFigure[]): void {
  const lines = [
    '| database | export | rows | seconds | rows/s | MB written | peak heap growth MB | live heap growth MB (after GC) | RSS before / peak MB |',
    '|---|---|---:|---:|---:|---:|---:|---:|---|',
    ...figures.map(
      (f) =>
        `| ${f.database} | ${f.format} | ${f.rows.toLocaleString('en-US')} | ${f.seconds.toFixed(1)} | ${Math.round(f.rows / f.seconds).toLocaleString('en-US')} | ${(f.bytes / 2 ** 20).toFixed(1)} | ${f.peakHeapMb.toFixed(0)} | ${f.liveHeapGrowthMb.toFixed(1)} | ${f.rssBeforeMb.toFixed(0)} / ${f.peakRssMb.toFixed(0)} |`,
    ),
  ];
  console.log(`\n${lines.join('\n')}\n`);
}
