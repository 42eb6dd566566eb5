// `npm run bench`: throughput and latency of the real app next to raw baselines measured in the same
// run — a bare Fastify route, a bare Fastify route doing one select, a raw COPY — on PGlite, and on
// PostgreSQL when it is reachable. Loopback only.
// BENCH_SECONDS (default 5) sets each HTTP measurement's length, BENCH_CONNECTIONS (default 10) the
// portal scenarios' load, BENCH_ROWS (default 100,000) the ingestion size; BENCH_ONLY=http|api|ingest
// runs one group (also `settle`: one quarter's settlement, BENCH_SETTLE_ROWS / _PARTNERS / _CUSTOMERS).
// BENCH_SPEND_ROWS (default 10,000,000) sizes the bills group (BENCH_ONLY=bills).
// BENCH_ONLY=subscriptions: the resources group (BENCH_RESOURCES sets its size, default 1,000,000).
// BENCH_ONLY=perfcost: ingestion with and without the performance update (BENCH_PERF_ROWS, default 100,000).
import { benchBills, type ExportFigure, printExports } from './bills.ts';
import { benchConstant, benchSession } from './http.ts';
import { benchIngest, type IngestFigures, printIngest } from './ingest.ts';
import {
  benchPerformanceCost,
  type PerformanceCostFigures,
  printPerformanceCost,
} from './ingest-performance.ts';
import { CONNECTIONS, PG_URL, print, type Row, reachable, SECONDS } from './lib.ts';
import { benchPartnerApi } from './partner-api.ts';
import { benchSettle, printSettle, type SettleFigures } from './settle.ts';
import { benchSubscriptions, printSweep, type SweepFigures } from './subscriptions.ts';

const only = process.env.BENCH_ONLY;
const wants = (group: string) => !only || only === group;

console.log(`HTTP measurements: ${SECONDS} s each after a 1 s warm-up, loopback.`);
const rows: Row[] = [];
const ingest: IngestFigures[] = [];
const exports: ExportFigure[] = [];
const settle: SettleFigures[] = [];
const sweeps: SweepFigures[] = [];
const perfCost: PerformanceCostFigures[] = [];
// BENCH_DATABASES=postgres (or pglite) measures one database only.
const chosen = (process.env.BENCH_DATABASES ?? 'pglite,postgres').split(',');
const kinds: ('pglite' | 'postgres')[] = chosen.includes('pglite') ? ['pglite'] : [];
if (chosen.includes('postgres')) {
  if (await reachable(PG_URL)) kinds.push('postgres');
  else console.log(`PostgreSQL at ${PG_URL} is not reachable; measuring PGlite only.`);
}

const constant = wants('http') ? await benchConstant() : undefined;
if (constant) rows.push(constant);
for (const kind of kinds) {
  if (constant) rows.push(...(await benchSession(kind, constant.rps)));
  if (wants('api')) rows.push(...(await benchPartnerApi(kind)));
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
    ingest.push(await benchIngest(kind, 100_000_000));
    ingest.push(await benchIngest(kind));
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
if (rows.some((r) => r.non2xx > 0)) {
  console.error('Some requests failed (non-2xx or errors): those figures are not comparable.');
  process.exitCode = 1;
}
