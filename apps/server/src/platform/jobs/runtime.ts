import type { Role } from '../../config.ts';
import type { AppContext } from '../context.ts';
import { BossJobQueue } from './queue.ts';
import { createScheduler } from './scheduler.ts';
import { createWorker } from './worker.ts';

export interface JobRuntime {
  /** Enqueues the cron slots due at `at` (the scheduler calls it every minute with the clock's time). */
  tick(at: Date): Promise<string[]>;
  /** Runs every due job now, in this process; returns how many ran. */
  drain(): Promise<number>;
  stop(): Promise<void>;
}

/**
 * Starts what this process's roles ask for: `worker` polls the queue (every `config.jobPollMs`)
 * and runs pg-boss maintenance; `scheduler` enqueues cron slots every minute. `tick` and `drain`
 * work with any roles, so tests drive jobs deterministically.
 */
export async function startJobRuntime(ctx: AppContext, roles: readonly Role[]): Promise<JobRuntime> {
  const queue = ctx.jobs;
  if (!(queue instanceof BossJobQueue)) throw new Error('the job runtime needs the pg-boss queue');
  const worker = createWorker(ctx, queue);
  const scheduler = createScheduler(ctx, queue);
  if (roles.includes('worker')) {
    await queue.startSupervisor();
    worker.start(ctx.config.jobPollMs);
  }
  if (roles.includes('scheduler')) scheduler.start();
  let stopped = false;
  return {
    tick: (at) => scheduler.tick(at),
    drain: () => worker.drain(),
    async stop() {
      if (stopped) return;
      stopped = true;
      scheduler.stop();
      await worker.stop();
    },
  };
}
