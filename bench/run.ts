// `npm run bench`: request throughput and p99 latency of the real app next to its raw baselines —
// a bare Fastify route (what HTTP alone costs) and a bare Fastify route doing one select (what the
// database round trip costs) — on PGlite, and on PostgreSQL when it is reachable. Loopback only.
// BENCH_SECONDS (default 5) sets each measurement's length; BENCH_CONNECTIONS (default 10) its load.
import { benchConstant, benchSession } from './http.ts';
import { CONNECTIONS, PG_URL, print, type Row, reachable, SECONDS } from './lib.ts';
import { benchPartnerApi } from './partner-api.ts';

console.log(`Each measurement: ${SECONDS} s, ${CONNECTIONS} connections, loopback, after a 1 s warm-up.`);
const rows: Row[] = [];
const constant = await benchConstant();
rows.push(constant);
print(rows);
rows.push(...(await benchSession('pglite', constant.rps)));
rows.push(...(await benchPartnerApi('pglite')));
print(rows);
if (await reachable(PG_URL)) {
  rows.push(...(await benchSession('postgres', constant.rps)));
  rows.push(...(await benchPartnerApi('postgres')));
} else console.log(`PostgreSQL at ${PG_URL} is not reachable; measured PGlite only.`);
print(rows);
if (rows.some((r) => r.non2xx > 0)) {
  console.error('Some requests failed (non-2xx or errors): those figures are not comparable.');
  process.exitCode = 1;
}
