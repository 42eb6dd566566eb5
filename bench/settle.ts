// Settlement of one quarter over many spend rows, next to the bare SQL aggregate over the same rows
// measured in the same run, with the process's peak memory. Rows are generated server-side
// (generate_series), so setting up 10 million rows does not pass them through Node.
// BENCH_SETTLE_SCALE (default 1) scales the size — 10,000,000 spend rows, 10,000 partners,
// 200,000 customers — e.g. 0.1 for a tenth; BENCH_SETTLE_ROWS / _PARTNERS / _CUSTOMERS override one figure.
// Every partner has one administrator (so notices are mailed, texted and posted in-app) and four in
// five an approved business identity (general or small-scale taxpayer), so the notices' invoice
// amounts and messages are part of what is timed.
import { performance } from 'node:perf_hooks';
import v8 from 'node:v8';
import vm from 'node:vm';
import { buildApp } from '../apps/server/src/app.ts';
import { testConfig } from '../apps/server/src/config.ts';
import { notifyNoticesOfRun } from '../apps/server/src/modules/incentives/notices.issue.ts';
import { createPolicy } from '../apps/server/src/modules/incentives/policies.service.ts';
import { aggregatePeriodSpend } from '../apps/server/src/modules/incentives/settlement.repository.ts';
import { runSettlement, startSettlement } from '../apps/server/src/modules/incentives/settlement.service.ts';
import { TestClock } from '../apps/server/src/platform/clock/clock.ts';
import { systemActor } from '../apps/server/src/platform/context.ts';
import { freshDatabase } from './lib.ts';

const SCALE = Number(process.env.BENCH_SETTLE_SCALE ?? 1);
const scaled = (name: string, full: number) =>
  Number(process.env[name] ?? Math.max(1, Math.round(full * SCALE)));
const ROWS = scaled('BENCH_SETTLE_ROWS', 10_000_000);
const PARTNERS = scaled('BENCH_SETTLE_PARTNERS', 10_000);
const CUSTOMERS = scaled('BENCH_SETTLE_CUSTOMERS', 200_000);

v8.setFlagsFromString('--expose-gc');
/** A full garbage collection (exposed at run time, so `npm run bench` needs no node flag). */
const collect = vm.runInNewContext('gc') as () => void;
const liveHeap = () => {
  collect();
  return process.memoryUsage().heapUsed;
};

export interface SettleFigures {
  database: string;
  rows: number;
  partners: number;
  customers: number;
  aggregateMs: number;
  ownAggregateMs: number;
  settleMs: number;
  ratio: number;
  notifyMs: number;
  notices: number;
  messages: number;
  peakRssMb: number;
  baseRssMb: number;
  /** Peak RSS up to publication (the settlement alone, before its notices are sent). */
  settlePeakRssMb: number;
  /** Live heap (after a full GC) before a verification rerun and its peak during it (GC every 100 ms). */
  liveBeforeMb: number;
  livePeakMb: number;
}

/**
 * Partners (certified, in the program, one administrator each, four in five with an approved tax
 * identity) and customers associated with them, all generated in SQL. Customer `g` has domain id
 * `bcd<g>` and belongs to partner `bp<1 + g % partners>`.
 */
export async function seedPartnersAndCustomers(
  exec: (sql: string) => Promise<unknown>,
  PARTNERS: number,
  CUSTOMERS: number,
) {
  await exec(`insert into partners (id, name, domain_id, created_at, updated_at)
    select 'bp' || g, 'Bench partner ' || g, 'bpd' || g, now(), now() from generate_series(1, ${PARTNERS}) g`);
  await exec(`insert into memberships (id, partner_id, program, status, source, started_at)
    select 'bm' || g, 'bp' || g, 'solution_provider', 'active', 'operator', '2025-01-01' from generate_series(1, ${PARTNERS}) g`);
  await exec(`insert into partner_certificates (id, partner_id, number, status, issued_at, valid_until, created_at, updated_at)
    select 'bc' || g, 'bp' || g, 'PC-BENCH-' || g, 'active', '2025-01-01', '2027-01-31', now(), now() from generate_series(1, ${PARTNERS}) g`);
  await exec(`insert into users (id, user_type, partner_id, roles, email, phone, name, locale, status, created_at, updated_at)
    select 'bu' || g, 'partner', 'bp' || g, array['admin'], 'admin' || g || '@bench.test', '139' || lpad(g::text, 8, '0'),
      'Admin ' || g, case when g % 2 = 0 then 'en-US' else 'zh-CN' end, 'active', now(), now()
    from generate_series(1, ${PARTNERS}) g`);
  await exec(`insert into certification_submissions (id, partner_id, stage, status, data, taxpayer_status, created_at, updated_at)
    select 'bcs' || g, 'bp' || g, 'business', 'approved',
      jsonb_build_object('taxpayerStatus', case when g % 2 = 0 then 'general' else 'small_scale' end, 'settlementCurrency', 'CNY'),
      case when g % 2 = 0 then 'general' else 'small_scale' end, now(), now()
    from generate_series(1, ${PARTNERS}) g where g % 5 <> 0`);
  await exec(`insert into customers (id, domain_id, domain_name, name, created_at, updated_at)
    select 'bcu' || g, 'bcd' || g, 'bench_' || g, 'Bench customer ' || g, now(), now() from generate_series(1, ${CUSTOMERS}) g`);
  await exec(`insert into customer_associations (id, customer_id, partner_id, type, status, source, started_at)
    select 'ba' || g, 'bcu' || g, 'bp' || (1 + g % ${PARTNERS}), case when g % 4 = 0 then 'referral' else 'resale' end,
      'active', 'demo', '2025-01-01' from generate_series(1, ${CUSTOMERS}) g`);
}

/** The partners and customers, then Q1 2026 spend, all generated in SQL. */
async function seed(exec: (sql: string) => Promise<unknown>) {
  await seedPartnersAndCustomers(exec, PARTNERS, CUSTOMERS);
  // Spread over the quarter's 90 days; a tenth are vouchers; four service types.
  await exec(`insert into spend_records (record_id, customer_id, partner_id, association_type, spent_at, bill_cycle,
      service_type, amount_fen, payment_kind, eligible_fen, accepted_at)
    select 'bs' || g, 'bcu' || (1 + g % ${CUSTOMERS}), 'bp' || (1 + (1 + g % ${CUSTOMERS}) % ${PARTNERS}),
      case when (1 + g % ${CUSTOMERS}) % 4 = 0 then 'referral' else 'resale' end,
      t, to_char(t at time zone 'Asia/Shanghai', 'YYYY-MM'),
      (array['ecs','obs','rds','evs'])[1 + g % 4], 1 + g % 997,
      case when g % 10 = 0 then 'voucher' else 'cash' end, case when g % 10 = 0 then 0 else 1 + g % 997 end, now()
    from generate_series(1, ${ROWS}) g, lateral (select timestamptz '2025-12-31 16:00:00+00' + (g % 7776000) * interval '1 second' as t) x`);
  await exec('analyze');
}

export async function benchSettle(kind: 'pglite' | 'postgres'): Promise<SettleFigures> {
  const { database, drop } = await freshDatabase(kind);
  try {
    const clock = new TestClock('2026-03-20T02:00:00Z');
    const config = testConfig({ env: 'production', webDist: '/nonexistent', logLevel: 'silent' });
    const app = await buildApp({ config, database, clock });
    const ctx = app.ctx;
    await seed((sql) => database.exec(sql));
    await createPolicy(
      ctx,
      { ...systemActor(), type: 'operator', roles: ['admin'] },
      {
        code: 'BENCH-Q',
        nameZh: '季度激励',
        nameEn: 'Quarterly incentive',
        program: 'solution_provider',
        periodKind: 'quarterly',
        validFrom: '2026-01-01',
        validTo: null,
        rules: {
          serviceTypes: null,
          paymentKinds: ['cash'],
          associationTypes: ['resale', 'referral'],
          rates: [
            { category: 'ecs', basisPoints: 500 },
            { category: '*', basisPoints: 200 },
          ],
          tiers: [{ minFen: 100_000, bonusBasisPoints: 100 }],
          allowDiscount: true,
        },
        note: '',
      },
    );

    // The bare aggregate the settlement needs, over the same rows.
    const a0 = performance.now();
    await database.query(
      `select partner_id, service_type, association_type, payment_kind, sum(amount_fen), count(*) from spend_records
       where bill_cycle = any($1::text[]) and partner_id is not null group by 1, 2, 3, 4`,
      [['2026-01', '2026-02', '2026-03']],
    );
    const aggregateMs = performance.now() - a0;
    // The settlement's own aggregate (late records routed in and out), the same rows.
    const g0 = performance.now();
    await aggregatePeriodSpend(ctx.db, {
      key: '2026-Q1',
      kind: 'quarterly',
      billCycles: ['2026-01', '2026-02', '2026-03'],
    });
    const ownAggregateMs = performance.now() - g0;

    clock.set('2026-04-01T02:00:00Z');
    collect();
    const baseRss = process.memoryUsage().rss;
    let peak = baseRss;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 20);
    const s0 = performance.now();
    const run = await startSettlement(ctx, systemActor(), '2026-Q1', 'operator');
    if (!run) throw new Error('no run');
    await runSettlement(ctx, run.id);
    const settleMs = performance.now() - s0;
    const settlePeakRss = peak;
    // The notices' messages, sent by the job that publication queues: timed on their own.
    const n0 = performance.now();
    await notifyNoticesOfRun(ctx, run.id);
    const notifyMs = performance.now() - n0;
    clearInterval(sampler);
    // A verification rerun of the closed quarter, untimed, with a full GC every 100 ms: what the
    // settlement holds live (not the garbage V8 has not collected yet) while it runs.
    const liveBefore = liveHeap();
    let livePeak = liveBefore;
    const liveSampler = setInterval(() => {
      livePeak = Math.max(livePeak, liveHeap());
    }, 100);
    const check = await startSettlement(ctx, systemActor(), '2026-Q1', 'operator');
    if (!check) throw new Error('no verification run');
    await runSettlement(ctx, check.id);
    clearInterval(liveSampler);
    livePeak = Math.max(livePeak, liveHeap());
    const notices = await database.query<{ n: string }>(`select count(*) as n from incentive_notices`);
    const messages = await database.query<{ n: string }>(
      `select count(*) as n from notifications where template like 'incentives.notice_issued%'`,
    );
    await app.close();
    return {
      database: kind === 'pglite' ? 'PGlite' : 'PostgreSQL',
      rows: ROWS,
      partners: PARTNERS,
      customers: CUSTOMERS,
      aggregateMs,
      ownAggregateMs,
      settleMs,
      ratio: settleMs / aggregateMs,
      notifyMs,
      notices: Number(notices.rows[0]?.n ?? 0),
      messages: Number(messages.rows[0]?.n ?? 0),
      peakRssMb: peak / 2 ** 20,
      baseRssMb: baseRss / 2 ** 20,
      settlePeakRssMb: settlePeakRss / 2 ** 20,
      liveBeforeMb: liveBefore / 2 ** 20,
      livePeakMb: livePeak / 2 ** 20,
    };
  } finally {
    await database.close();
    await drop();
  }
}

export function printSettle(figures: SettleFigures[]): void {
  const n = (v: number) => Math.round(v).toLocaleString('en-US');
  console.log(
    [
      '| database | spend rows | partners | customers | bare aggregate ms | settlement’s aggregate ms | settlement ms | ratio | notices | sending them ms | messages | RSS before / settled / peak MB | live heap before / peak MB |',
      '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|',
      ...figures.map(
        (f) =>
          `| ${f.database} | ${n(f.rows)} | ${n(f.partners)} | ${n(f.customers)} | ${n(f.aggregateMs)} | ${n(f.ownAggregateMs)} | ${n(f.settleMs)} | ${f.ratio.toFixed(2)} | ${n(f.notices)} | ${n(f.notifyMs)} | ${n(f.messages)} | ${n(f.baseRssMb)} / ${n(f.settlePeakRssMb)} / ${n(f.peakRssMb)} | ${n(f.liveBeforeMb)} / ${n(f.livePeakMb)} |`,
      ),
    ].join('\n'),
  );
}
