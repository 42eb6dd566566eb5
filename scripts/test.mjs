// `npm test`: every check and test, on PGlite always and on PostgreSQL when it is reachable.
// Prints one closing line "N passed, N failed" summed over all runs.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { reachable } from './reachable.mjs';

const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const only = process.argv.slice(2);
const totals = { passed: 0, failed: 0, skipped: 0 };
const failures = [];
// Failed tests are repeated at the end, so a CI log's tail says which ones.
const failedTests = [];

const started = Date.now();
const seconds = (since) => `${Math.round((Date.now() - since) / 1000)} s`;

function run(label, cmd, args, env = {}) {
  console.log(`\n=== ${label}: ${cmd} ${args.join(' ')}`);
  const t0 = Date.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) failures.push(label);
  console.log(`=== ${label}: ${r.status === 0 ? 'ok' : 'FAILED'} in ${seconds(t0)}`);
  return r.status === 0;
}

function vitest(label, configArgs, env) {
  mkdirSync('.tmp', { recursive: true });
  const out = `.tmp/vitest-${label.replace(/\W+/g, '-')}.json`;
  rmSync(out, { force: true });
  const ok = run(
    label,
    'npx',
    ['vitest', 'run', ...configArgs, '--reporter=default', '--reporter=json', `--outputFile.json=${out}`],
    env,
  );
  try {
    const r = JSON.parse(readFileSync(out, 'utf8'));
    totals.passed += r.numPassedTests;
    totals.failed += r.numFailedTests;
    totals.skipped += r.numPendingTests + (r.numTodoTests ?? 0);
    if (!ok && r.numFailedTests === 0) totals.failed += 1;
    for (const file of r.testResults ?? []) {
      for (const t of file.assertionResults ?? []) {
        if (t.status !== 'failed') continue;
        const why = String(t.failureMessages?.[0] ?? '')
          .split('\n')[0]
          .slice(0, 300);
        failedTests.push(`[${label}] ${file.name.replace(`${process.cwd()}/`, '')} > ${t.fullName}: ${why}`);
      }
      if (file.status === 'failed' && !(file.assertionResults ?? []).some((t) => t.status === 'failed')) {
        failedTests.push(
          `[${label}] ${file.name.replace(`${process.cwd()}/`, '')}: ${String(file.message ?? '').slice(0, 300)}`,
        );
      }
    }
  } catch {
    if (!ok) totals.failed += 1;
  }
}

const want = (step) => only.length === 0 || only.includes(step);

if (want('static')) {
  run('lint', 'npx', ['biome', 'check', '.']);
  run('typecheck', 'npm', ['run', '--silent', 'typecheck']);
  run('boundaries (dependency-cruiser)', 'npm', ['run', '--silent', 'boundaries']);
  run('engines', 'node', ['scripts/check-engines.mjs']);
  run('openapi is current', 'npx', ['tsx', 'apps/server/src/scripts/export-openapi.ts', '--check']);
}
if (want('pglite')) vitest('pglite', [], { TEST_DATABASE_URL: '' });
if (want('postgres')) {
  if (await reachable(PG_URL)) vitest('postgres', [], { TEST_DATABASE_URL: PG_URL });
  else console.log(`\n=== postgres: ${PG_URL} is not reachable; PostgreSQL tests skipped`);
}
if (want('e2e')) {
  run('web build', 'npm', ['run', '--silent', 'build']);
  vitest('e2e', ['--config', 'e2e/vitest.config.ts'], { TEST_DATABASE_URL: '' });
}

console.log(`\nAll steps took ${seconds(started)}.`);
if (failures.length) console.log(`Failed steps: ${failures.join(', ')}`);
for (const line of failedTests) console.log(`  failed: ${line}`);
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failures.length ? 1 : 0);
