// `npm run reliability`: bad input, authorization, crash and soak runs on PGlite and (when it is
// reachable) PostgreSQL; writes the figures to docs/reliability.md.
//   RELIABILITY_BAD_INPUT=10000     malformed requests (at least)
//   RELIABILITY_CRASHES=20          kill -9 rounds per database
//   RELIABILITY_SOAK_MINUTES=30     soak duration per database
//   RELIABILITY_NOTE="…"            a paragraph about the run (machine, load) added to the document
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
// A new run replaces the figures of the parts it runs (all parts when none is named), per database.
for (const f of reportOnly ? [] : readdirSync(dir))
  for (const k of kinds)
    if (
      f.startsWith(`vitest-${k}-`)
        ? parts.length === 0
        : parts.length === 0
          ? f.endsWith(`-${k}.json`)
          : parts.some((p) => f === `${p}-${k}.json`)
    )
      rmSync(`${dir}/${f}`, { force: true });

const unreachable = new Set();
for (const kind of reportOnly ? [] : kinds) {
  if (kind === 'postgres' && !(await reachable(PG_URL))) {
    console.log(`PostgreSQL at ${PG_URL} is not reachable: its runs are skipped.`);
    unreachable.add(kind);
    continue;
  }
  const out = `${dir}/vitest-${kind}-${Date.now()}.json`;
  const filter = parts.map((p) => (p === 'tenancy' ? 'tenancy.test' : `${p}.reliability`));
  spawnSync(
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
}

const figures = {};
const files = existsSync(dir) ? readdirSync(dir).sort() : [];
for (const f of files) {
  if (!f.endsWith('.json') || f.startsWith('vitest-')) continue;
  const j = JSON.parse(readFileSync(`${dir}/${f}`, 'utf8'));
  figures[`${j.part}:${j.database}`] = j;
}
// Test results per file and database: a later run of a file replaces an earlier one.
const tests = {};
const runs = [];
for (const kind of ['pglite', 'postgres']) {
  const mine = files.filter((f) => f.startsWith(`vitest-${kind}-`));
  if (!mine.length) {
    if (kinds.includes(kind)) runs.push({ kind, skipped: true });
    continue;
  }
  let seconds = 0;
  for (const f of mine) {
    const j = JSON.parse(readFileSync(`${dir}/${f}`, 'utf8'));
    for (const file of j.testResults) {
      seconds += Math.round((file.endTime - file.startTime) / 1000);
      tests[`${file.name.split('/').pop()}:${kind}`] = file.assertionResults.map((a) => ({
        title: a.title,
        status: a.status,
        failure: a.failureMessages?.[0]?.split('\n')[0],
      }));
    }
  }
  const ok = Object.entries(tests)
    .filter(([k]) => k.endsWith(`:${kind}`))
    .every(([, list]) => list.every((t) => t.status !== 'failed'));
  runs.push({ kind, ok, seconds });
}
for (const kind of unreachable) if (!runs.some((r) => r.kind === kind)) runs.push({ kind, skipped: true });

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
  L.push(`Parts run: ${run.ok ? 'all passed' : '**not all passed**'} (${run.seconds} s of test time).`, '');
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
  if (crash) {
    const mixed = crash.budgetWriters !== undefined;
    L.push(
      `${crash.rounds} × kill -9 under ${crash.writers} concurrent spend writers (batches of ${crash.batch})` +
        (mixed
          ? ` and ${crash.budgetWriters} budget writers (a one-time budget of 10 yuan, then one record crossing its 75, 90 and 100 % thresholds: three alerts, each an email over SMTP)`
          : '') +
        `, ${crash.seconds} s: ${crash.acknowledgedRecords} spend records acknowledged, ${crash.missingRecords} missing after restart.`,
      '',
    );
    if (mixed)
      L.push(
        `Alert email: ${crash.acknowledgedCrossings} crossings acknowledged, ${crash.crossingsWithoutAlerts} without their three alerts ` +
          `(${crash.alertsOfAcknowledgedCrossings} alerts, ${crash.alertsWithoutMail} without an email record); ` +
          `${crash.alertEmailsOfAcknowledgedCrossings} alert emails of acknowledged crossings, ${crash.alertEmailsNotReceived} not received. ` +
          `All email notifications ${crash.emailNotifications} (${JSON.stringify(crash.emailNotificationsByStatus)}; demo data and the spend writers' alerts included), ` +
          `${crash.emailsReceived} messages received by the SMTP server with ${crash.distinctMessageIds} distinct Message-IDs: ` +
          `${crash.messageIdsNotReceived} notifications never received, ${crash.messageIdsUnknown} messages of no notification, ` +
          `${crash.resends} resends (the same Message-ID a second time). Second notifications for one event: ` +
          `${crash.doubleAlerts} alerts doubled (per customer, period, generation and threshold), ${crash.doubleNotificationKeys} idempotency keys doubled. ` +
          `Drain: ${crash.drainStarts} start(s), ${crash.drainSeconds} s.`,
        '',
      );
    L.push(
      `Jobs by state at the end ${JSON.stringify(crash.jobsByState)}, due and waiting after the drain ${crash.jobsDueNotDone}` +
        ` ${JSON.stringify((crash.jobsWaiting ?? []).filter((j) => j.state !== 'active'))}, claimed by a killed process and left to pg-boss's expiry (10 min to 1 h, then run again) ${crash.jobsClaimedByKilledProcess ?? 0}` +
        ` ${JSON.stringify((crash.jobsWaiting ?? []).filter((j) => j.state === 'active').map((j) => j.name))}, ` +
        `retried after a crash ${crash.jobsRetriedAfterCrash} (a retried job is idempotent: delivery and slot keys).`,
      '',
    );
    if (mixed)
      L.push(
        'What counts as a duplicate: a second notification for one event (a second alert for a threshold, a second record for an idempotency key) ' +
          'is a failure. A resend — the same notification, same Message-ID, received twice because the process died between the SMTP ' +
          "server's acceptance and the status update, and the record was sent again once its claim went stale — is at-least-once delivery: " +
          'it is counted and reported, not a failure (receivers drop the copy by Message-ID). The drain starts the server with its clock ' +
          "11 minutes ahead (a claim is stale after 10) and waits for pg-boss's maintenance to expire the deliveries a killed process held (5 min).",
        '',
      );
  }
  const soak = figures[`soak:${k}`];
  L.push(`### Soak — ${status('soak.reliability.ts', k)}`, '');
  if (soak)
    L.push(
      `${soak.minutes} min of mixed load (portal and console reads, spend ingestion, health; 4 clients): ${soak.requests} requests (${soak.perSecond}/s), ` +
        `${soak.errors} errors (rate ${soak.errorRate}). Server memory (RSS, MB): start ${soak.rssMb.start}, after warm-up ${soak.rssMb.afterWarmUp}, end ${soak.rssMb.end}, max ${soak.rssMb.max}.`,
      '',
    );
}
if (process.env.RELIABILITY_NOTE) L.push('## Notes on this run', '', process.env.RELIABILITY_NOTE, '');
writeFileSync('docs/reliability.md', `${L.join('\n')}\n`);
// In the project's Markdown format, so `npm run lint` stays clean.
spawnSync('npx', ['biome', 'format', '--write', 'docs/reliability.md'], { stdio: 'ignore' });
console.log('\nFigures written to docs/reliability.md');
process.exit(runs.every((r) => r.skipped || r.ok) ? 0 : 1);
