// `npm run bench`: throughput and latency of the real app next to raw baselines measured in the same
// run — a bare Fastify route, a bare Fastify route doing one select, a raw COPY — on PGlite, and on
// PostgreSQL when it is reachable. Loopback only.
// The load generator (autocannon) runs in a child process of its own (bench/load.mjs); a scenario and its
// baselines are measured in alternating rounds (BENCH_ROUNDS, default 3).
// BENCH_SECONDS (default 5) sets each HTTP measurement's length, BENCH_CONNECTIONS (default 10) the
// portal scenarios' load, BENCH_ROWS (default 100,000) the ingestion size; BENCH_ONLY=http|api|ingest
// runs one group (also `settle`: one quarter's settlement, BENCH_SETTLE_ROWS / _PARTNERS / _CUSTOMERS).
// BENCH_SPEND_ROWS (default 200,000) sizes the bills group (BENCH_ONLY=bills).
// BENCH_ONLY=subscriptions: the resources group (BENCH_RESOURCES sets its size, default 20,000).
// BENCH_SCALE=full: the sizes (10,000,000 spend rows, 1,000,000 resources). BENCH_ONLY=r15 runs
// the bills and resources groups together.
// BENCH_ONLY=start: `npm start` to ready on a fresh and on a warm data directory; BENCH_ONLY=paint: first
// paint of the sign-in page and the dashboard in Chromium (both need `npm run build`, neither runs by default).
// BENCH_ONLY=perfcost: ingestion with and without the performance update (BENCH_PERF_ROWS, default 100,000).
// Scale (issue 14): BENCH_CUSTOMERS (default 10000) and BENCH_SPEND_PRELOAD (spend rows already
// stored, default 0) take comma-separated lists, e.g. BENCH_CUSTOMERS=10000,1000000.
import { benchBills, type ExportFigure, printExports } from './bills.ts';
import { benchConstant, benchSession } from './http.ts';
import { ALERT_BUDGET_FEN, benchIngest, type IngestFigures, PRELOAD_SCALES, printIngest } from './ingest.ts';
import {
  benchPerformanceCost,
  type PerformanceCostFigures,
  printPerformanceCost,
} from './ingest-performance.ts';
import { CONNECTIONS, PG_URL, print, type Row, reachable, SECONDS } from './lib.ts';
import { benchPaint, type PaintFigure, printPaint } from './paint.ts';
import { benchPartnerApi, CUSTOMER_SCALES } from './partner-api.ts';
import { benchSettle, printSettle, type SettleFigures } from './settle.ts';
import { benchStart, printStart, type StartFigures } from './start.ts';
import { benchSubscriptions, printSweep, type SweepFigures } from './subscriptions.ts';
import { printGrowth, printRatios } from './summary.ts';

const only = process.env.BENCH_ONLY;
const wants = (group: string) =>
  !only || only === group || (only === 'r15' && (group === 'bills' || group === 'subscriptions'));

console.log(`HTTP measurements: ${SECONDS} s each after a 1 s warm-up, loopback.`);
const rows: Row[] = [];
const ingest: IngestFigures[] = [];
const exports: ExportFigure[] = [];
const settle: SettleFigures[] = [];
const sweeps: SweepFigures[] = [];
const perfCost: PerformanceCostFigures[] = [];
// BENCH_DB=postgres (or pglite) measures on that database only: the large scale is for PostgreSQL.
const kinds: ('pglite' | 'postgres')[] = process.env.BENCH_DB === 'postgres' ? [] : ['pglite'];
if (process.env.BENCH_DB !== 'pglite' && (await reachable(PG_URL))) kinds.push('postgres');
else if (process.env.BENCH_DB !== 'pglite')
  console.log(`PostgreSQL at ${PG_URL} is not reachable; measuring PGlite only.`);

// The start and paint groups time whole processes and a browser: only when asked for.
const startFigures: StartFigures | undefined = only === 'start' ? await benchStart() : undefined;
const paint: PaintFigure[] = only === 'paint' ? await benchPaint() : [];
const constant = wants('http') ? await benchConstant() : undefined;
if (constant) rows.push(constant);
for (const kind of kinds) {
  if (constant) rows.push(...(await benchSession(kind, constant.rps)));
  if (wants('api')) for (const n of CUSTOMER_SCALES) rows.push(...(await benchPartnerApi(kind, n)));
  if (wants('bills')) {
    const bills = await benchBills(kind);
    rows.push(...bills.rows);
    exports.push(...bills.exports);
    printExports(exports);
  }
  if (wants('subscriptions')) {
    const s = await benchSubscriptions(kind);
    rows.push(...s.rows);
    sweeps.push(s.sweep);
    printSweep(sweeps);
  }
  if (rows.length) print(rows);
  if (wants('ingest')) {
    for (const preload of PRELOAD_SCALES) {
      ingest.push(await benchIngest(kind, 100_000_000, preload));
      ingest.push(await benchIngest(kind, ALERT_BUDGET_FEN, preload));
    }
    printIngest(ingest);
  }
  if (wants('perfcost')) {
    perfCost.push(await benchPerformanceCost(kind, false));
    perfCost.push(await benchPerformanceCost(kind, true));
    printPerformanceCost(perfCost);
  }
  if (wants('settle')) {
    settle.push(await benchSettle(kind));
    printSettle(settle);
  }
}
console.log(`Portal scenarios at ${CONNECTIONS} connections; partner API scenarios at 50.`);
if (rows.length) print(rows);
if (ingest.length) printIngest(ingest);
if (exports.length) printExports(exports);
if (settle.length) printSettle(settle);
if (perfCost.length) printPerformanceCost(perfCost);
if (sweeps.length) printSweep(sweeps);
if (startFigures) printStart(startFigures);
if (paint.length) printPaint(paint);
printRatios(rows, ingest);
printGrowth(rows, ingest);
if (rows.some((r) => r.non2xx > 0)) {
  console.error('Some requests failed (non-2xx or errors): those figures are not comparable.');
  process.exitCode = 1;
}
