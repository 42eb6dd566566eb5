import { resolve } from 'node:path';
import { DataDirLockedError, lockDataDir, migrate, openDatabase } from '@pc/db';
import { buildApp } from './app.ts';
import { loadConfig } from './config.ts';
import { printBanner } from './demo/banner.ts';
import { seedDemoOnce } from './demo/seed.ts';
import { clockFor } from './modules/test-control/settable-clock.ts';
import { type JobRuntime, startJobRuntime } from './platform/jobs/runtime.ts';

/** A stop that takes longer (a stuck request or job) ends the process anyway, inside the 10 s a supervisor allows. */
const STOP_DEADLINE_MS = 8_000;

/**
 * Where a start's time goes: with START_PHASES=1 the server prints one line to stderr once it listens,
 * `start phases {"imports":…,"open":…,…}` in ms (bench/start.ts reads it). `imports` is from the
 * process's start to here: the tsx loader and the whole module graph.
 */
const phases: Record<string, number> = { imports: Math.round(performance.now()) };
let phaseMark = performance.now();
function phase(name: string): void {
  const now = performance.now();
  phases[name] = Math.round(now - phaseMark);
  phaseMark = now;
}

async function main() {
  const config = loadConfig();
  let release: (() => void) | undefined;
  if (!config.databaseUrl) {
    try {
      release = lockDataDir(resolve(config.dataDir));
    } catch (e) {
      if (e instanceof DataDirLockedError) {
        console.error(e.message);
        process.exit(1);
      }
      throw e;
    }
  }
  const database = await openDatabase({
    url: config.databaseUrl,
    dataDir: config.databaseUrl ? undefined : resolve(config.dataDir),
  });
  phase('open');
  await migrate(database);
  phase('migrate');
  const app = await buildApp({ config, database, clock: clockFor(config) });
  phase('buildApp');
  if (config.demo) await seedDemoOnce(app.ctx, config.databaseUrl ? undefined : resolve(config.dataDir));
  phase('demo');
  // The job runtime (worker, pg-boss maintenance, the scheduler's first tick: ~1 s of cron arithmetic
  // in Asia/Shanghai) starts right after the server listens, not before: /health answers sooner and
  // jobs run as before. It is started here, and stopped by the hooks below, whichever comes first.
  let runtime: Promise<JobRuntime> | undefined;
  const startJobs = () => {
    runtime ??= startJobRuntime(app.ctx, config.roles);
    return runtime;
  };
  // Closing order: new requests are refused (503) and the worker stops taking jobs at once; in-flight
  // requests and the job at hand finish; then the queue (an onClose hook of buildApp, which runs
  // after this later-registered one) and the database close.
  let workersStopped: Promise<void> | undefined;
  const stopJobs = async () => {
    if (runtime) await (await runtime).stop();
  };
  app.addHook('preClose', async () => {
    workersStopped = stopJobs();
  });
  app.addHook('onClose', async () => {
    await (workersStopped ?? stopJobs());
  });
  let stopping = false;
  const stop = async (reason: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ reason }, 'shutting down');
    setTimeout(() => {
      app.log.error({ reason }, `still stopping after ${STOP_DEADLINE_MS} ms; exiting now`);
      release?.();
      process.exit(1);
    }, STOP_DEADLINE_MS).unref();
    try {
      await app.close();
      await database.close();
    } catch (err) {
      app.log.error({ err }, 'shutdown failed');
      process.exitCode = 1;
    }
    release?.();
    app.log.info('stopped');
    process.exit();
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  // Started by `npm start` (scripts/start.mjs) with an IPC channel: when that parent goes away, even
  // killed with SIGKILL, the channel closes and the server stops instead of running on orphaned.
  process.on('disconnect', () => void stop('parent exited'));
  if (config.roles.includes('api')) {
    await app.listen({ host: config.host, port: config.port });
    phase('listen');
    printBanner(config, app.server.address());
  }
  // A stop that came while listening leaves the jobs unstarted.
  if (!stopping) await startJobs();
  phase('jobs (after listen)');
  if (process.env.START_PHASES === '1') console.error(`start phases ${JSON.stringify(phases)}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
