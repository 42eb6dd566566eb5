// `npm run reliability`: bad input, authorization, crash and soak runs on PGlite and (when it is
// reachable) PostgreSQL; writes the figures to docs/reliability.md.
//   RELIABILITY_BAD_INPUT=10000     malformed requests (at least)
//   RELIABILITY_CRASHES=20          kill -9 rounds per database
//   RELIABILITY_SOAK_MINUTES=30     soak duration per database
//   npm run reliability -- pglite   only one database (pglite | postgres); any of bad-input
//                                   authorization crash soak tenancy to run only those parts;
//                                   --report writes the document from the figures already in .tmp
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { reachable } from './reachable.mjs';

const PG_URL = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
const args = process.argv.slice(2);
const kinds = ['pglite', 'postgres'].filter(
  (k) => !args.some((a) => a === 'pglite' || a === 'postgres') || args.includes(k),
);
const PARTS = {
  'bad-input': 'bad-input',
  authorization: 'authorization',
  crash: 'crash',
  soak: 'soak',
  tenancy: 'tenancy',
};
const parts = args.filter((a) => a in PARTS);
const reportOnly = args.includes('--report');
const dir = '.tmp/reliability';
mkdirSync(dir, { recursive: true });
// A new run of a database replaces that database's figures only.
for (const f of readdirSync(dir))
  if (!reportOnly && kinds.some((k) => f.endsWith(`-${k}.json`))) rmSync(`${dir}/${f}`, { force: true });

const runs = [];
for (const kind of kinds) {
  if (reportOnly) {
    const f = `${dir}/vitest-${kind}.json`;
    if (!existsSync(f)) runs.push({ kind, skipped: true });
    else {
      const j = JSON.parse(readFileSync(f, 'utf8'));
      const seconds = Math.round(
        Math.max(...j.testResults.map((r) => r.endTime)) / 1000 - j.startTime / 1000,
      );
      runs.push({ kind, ok: j.success, seconds });
    }
    continue;
  }
  if (kind === 'postgres' && !(await reachable(PG_URL))) {
    console.log(`PostgreSQL at ${PG_URL} is not reachable: its runs are skipped.`);
    runs.push({ kind, skipped: true });
    continue;
  }
  const out = `${dir}/vitest-${kind}.json`;
  const filter = parts.map((p) => (p === 'tenancy' ? 'tenancy.test' : `${p}.reliability`));
  const started = Date.now();
  const r = spawnSync(
    'npx',
    [
      'vitest',
      'run',
      '--config',
      'apps/server/test/reliability/vitest.config.ts',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${out}`,
      ...filter,
    ],
    { stdio: 'inherit', env: { ...process.env, TEST_DATABASE_URL: kind === 'postgres' ? PG_URL : '' } },
  );
  runs.push({ kind, ok: r.status === 0, seconds: Math.round((Date.now() - started) / 1000) });
}

const figures = {};
for (const f of existsSync(dir) ? readdirSync(dir) : []) {
  if (!f.endsWith('.json') || f.startsWith('vitest-')) continue;
  const j = JSON.parse(readFileSync(`${dir}/${f}`, 'utf8'));
  figures[`${j.part}:${j.database}`] = j;
}
const tests = {};
for (const kind of kinds) {
  const f = `${dir}/vitest-${kind}.json`;
  if (!existsSync(f)) continue;
  const j = JSON.parse(readFileSync(f, 'utf8'));
  for (const file of j.testResults) {
    const name = file.name.split('/').pop();
    const list = tests[`${name}:${kind}`] ?? [];
    tests[`${name}:${kind}`] = list;
    for (const a of file.assertionResults)
      list.push({
        title: a.title,
        status: a.status,
        failure: a.failureMessages?.[0]?.split('\n')[0],
      });
  }
}

/** Runs below the issue's sizes, from the figures themselves. */
function reducedOf(kind) {
  const r = [];
  const bad = figures[`bad-input:${kind}`];
  const crash = figures[`crash:${kind}`];
  const soak = figures[`soak:${kind}`];
  if (bad && bad.requests < 10_000) r.push(`bad input ${bad.requests} requests instead of ≥ 10,000`);
  if (crash && crash.rounds < 20) r.push(`crash ${crash.rounds} kill -9 rounds instead of 20`);
  if (soak && soak.minutes < 30) r.push(`soak ${soak.minutes} minutes instead of 30`);
  return r;
}
const L = [];
const status = (file, kind) => {
  const t = tests[`${file}:${kind}`];
  if (!t) return 'not run';
  const failed = t.filter((x) => x.status === 'failed');
  return failed.length
    ? `**FAILED** (${failed
        .map((x) => x.failure ?? x.title)
        .join('; ')
        .slice(0, 300)})`
    : `passed (${t.length} tests)`;
};
L.push('# Reliability figures', '');
L.push(
  `Written by \`npm run reliability\` on ${new Date().toISOString()} (${process.platform}, Node ${process.version}).`,
);
L.push('How to run, what each part does and what the figures mean: the README section "Reliability".', '');
for (const run of runs) {
  L.push(`## ${run.kind === 'pglite' ? 'PGlite (embedded)' : 'PostgreSQL'}`, '');
  if (run.skipped) {
    L.push('Not run: PostgreSQL was not reachable.', '');
    continue;
  }
  const k = run.kind;
  const reduced = reducedOf(k);
  L.push(`All parts run ${run.ok ? 'passed' : '**did not all pass**'} in ${run.seconds} s.`, '');
  L.push(reduced.length ? `**Reduced run**: ${reduced.join('; ')}.` : 'Sizes as the issue asks.', '');
  const bad = figures[`bad-input:${k}`];
  L.push(`### Bad input — ${status('bad-input.reliability.ts', k)}`, '');
  if (bad)
    L.push(
      `${bad.requests} malformed requests over ${bad.operations} operations of the OpenAPI document in ${bad.seconds} s: ` +
        `${bad.counts.serverErrors} answered 5xx, ${bad.counts.leaks} leaked a stack, SQL or path, ${bad.counts.badShape} outside the documented shape.`,
      '',
      `Answers by status: ${Object.entries(bad.byStatus)
        .map(([s, n]) => `${s} × ${n}`)
        .join(', ')}.`,
      '',
    );
  const auth = figures[`authorization:${k}`];
  L.push(
    `### Authorization — ${status('authorization.reliability.ts', k)}; every route × role × tenant: ${status('tenancy.test.ts', k)}`,
    '',
  );
  if (auth)
    L.push(
      `Cross-site writes with the cookies and no token: ${auth.crossSiteWrites.join(', ')}. ` +
        `Session cookie behind HTTPS: HttpOnly ${auth.sessionCookie.httpOnly}, SameSite ${auth.sessionCookie.sameSite}, Secure ${auth.sessionCookie.secure}. ` +
        `CSP: \`${auth.headers.csp}\`; X-Content-Type-Options ${auth.headers.xContentTypeOptions}; API Cache-Control ${auth.headers.cacheControl}.`,
      '',
    );
  const crash = figures[`crash:${k}`];
  L.push(`### Crash — ${status('crash.reliability.ts', k)}`, '');
  if (crash)
    L.push(
      `${crash.rounds} × kill -9 under ${crash.writers} concurrent writers (spend batches of ${crash.batch}), ${crash.seconds} s: ` +
        `${crash.acknowledgedRecords} records acknowledged, ${crash.missingRecords} missing after restart; ` +
        `jobs by state at the end ${JSON.stringify(crash.jobsByState)}, due but not done ${crash.jobsDueNotDone}, ` +
        `retried after a crash ${crash.jobsRetriedAfterCrash} (a retried job is idempotent: delivery and slot keys).`,
      '',
    );
  const soak = figures[`soak:${k}`];
  L.push(`### Soak — ${status('soak.reliability.ts', k)}`, '');
  if (soak)
    L.push(
      `${soak.minutes} min of mixed load (portal and console reads, spend ingestion, health; 4 clients): ${soak.requests} requests (${soak.perSecond}/s), ` +
        `${soak.errors} errors (rate ${soak.errorRate}). Server memory (RSS, MB): start ${soak.rssMb.start}, after warm-up ${soak.rssMb.afterWarmUp}, end ${soak.rssMb.end}, max ${soak.rssMb.max}.`,
      '',
    );
}
writeFileSync('docs/reliability.md', `${L.join('\n')}\n`);
console.log('\nFigures written to docs/reliability.md');
process.exit(runs.every((r) => r.skipped || r.ok) ? 0 : 1);
