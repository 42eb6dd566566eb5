import { resolve } from 'node:path';
import { DataDirLockedError, lockDataDir, migrate, openDatabase } from '@pc/db';
import { buildApp } from './app.ts';
import { loadConfig } from './config.ts';
import { printBanner } from './demo/banner.ts';
import { seedDemo } from './demo/seed.ts';
import { clockFor } from './modules/test-control/settable-clock.ts';
import { startJobRuntime } from './platform/jobs/runtime.ts';

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
  await migrate(database);
  const app = await buildApp({ config, database, clock: clockFor(config) });
  if (config.demo) await seedDemo(app.ctx);
  const runtime = await startJobRuntime(app.ctx, config.roles);
  if (config.roles.includes('api')) {
    await app.listen({ host: config.host, port: config.port });
    printBanner(config, app.server.address());
  }
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'shutting down');
    await runtime.stop();
    await app.close();
    await database.close();
    release?.();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
