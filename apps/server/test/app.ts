import type { Database } from '@pc/db';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app.ts';
import { type Config, testConfig } from '../src/config.ts';
import { TestClock } from '../src/platform/clock/clock.ts';
import type { AppContext } from '../src/platform/context.ts';
import { createTestDb } from './db.ts';

export interface TestApp {
  app: FastifyInstance;
  ctx: AppContext;
  db: Database;
  clock: TestClock;
  close(): Promise<void>;
}

/** The whole app on a fresh database with a movable clock; call `close` in afterAll. */
export async function createTestApp(
  opts: { config?: Partial<Config>; clock?: TestClock } = {},
): Promise<TestApp> {
  const db = await createTestDb();
  const clock = opts.clock ?? new TestClock();
  const app = await buildApp({ config: testConfig(opts.config), database: db, clock });
  await app.ready();
  return {
    app,
    ctx: app.ctx,
    db,
    clock,
    close: async () => {
      await app.close();
      await db.close();
    },
  };
}
