// One "server process" of scheduler.processes.test.ts: opens the given PostgreSQL database, starts
// the job runtime as a worker, waits for "go" on stdin, then ticks the scheduler at every instant
// listed in SLOTS and drains. Each run of the job writes an audit row keyed by its slot.
import { createInterface } from 'node:readline';
import { openDatabase } from '@pc/db';
import { z } from 'zod';
import { buildApp } from '../../app.ts';
import { testConfig } from '../../config.ts';
import { systemActor } from '../context.ts';
import { defineJob } from './job-definition.ts';
import { createJobQueue } from './queue.ts';
import { startJobRuntime } from './runtime.ts';

const url = process.env.RACE_DATABASE_URL;
const slots = JSON.parse(process.env.RACE_SLOTS ?? '[]') as string[];
if (!url) throw new Error('RACE_DATABASE_URL is required');

const raceJob = defineJob({
  name: 'test.race',
  payload: z.strictObject({ slot: z.string() }),
  cron: '* * * * *',
  retryLimit: 0,
  retryBackoff: false,
  async handler(ctx, { slot }) {
    await ctx.audit.record(ctx.db, systemActor(), {
      action: 'test.race_run',
      entityType: 'job_slot',
      entityId: slot,
      after: { pid: process.pid },
    });
  },
});

const database = await openDatabase({ url, poolSize: 4 });
const jobs = await createJobQueue(database, { defs: [raceJob] });
const app = await buildApp({ config: testConfig({ jobPollMs: 50 }), database, jobs });
const runtime = await startJobRuntime(app.ctx, ['worker']);
process.stdout.write('ready\n');

const lines = createInterface({ input: process.stdin });
for await (const line of lines) if (line.trim() === 'go') break;

let enqueued = 0;
for (const s of slots) enqueued += (await runtime.tick(new Date(s))).length;
await runtime.drain();
await runtime.stop();
await app.close();
await jobs.stop();
await database.close();
process.stdout.write(`done ${enqueued}\n`);
process.exit(0);
