import type { AppContext } from '../context.ts';
import type { BossJobQueue, FetchedJob } from './queue.ts';

export interface Worker {
  /** Runs every due job until none is left; returns how many ran (tests, `runtime.drain()`). */
  drain(): Promise<number>;
  /** Polls every `pollMs` until stopped. */
  start(pollMs: number): void;
  stop(): Promise<void>;
}

const BATCH = 10;

/**
 * Takes due jobs from every registered queue and runs their handlers. A handler that throws fails
 * the job, and pg-boss schedules its retry with the definition's backoff.
 */
export function createWorker(ctx: AppContext, queue: BossJobQueue): Worker {
  let timer: NodeJS.Timeout | null = null;
  let current: Promise<number> | null = null;
  let unsubscribe: (() => void) | null = null;

  async function run(job: FetchedJob): Promise<void> {
    const def = queue.definition(job.name);
    try {
      const payload = def.payload.parse(job.data);
      await def.handler(ctx, payload, { id: job.id, retryCount: job.retryCount });
      await queue.complete(job.name, job.id);
    } catch (err) {
      ctx.log.warn({ err, job: job.name, jobId: job.id, retryCount: job.retryCount }, 'job failed');
      await queue.fail(job.name, job.id, err);
    }
  }

  async function pass(): Promise<number> {
    let ran = 0;
    for (const name of queue.defs.keys()) {
      const jobs = await queue.fetch(name, BATCH);
      for (const job of jobs) await run(job);
      ran += jobs.length;
    }
    return ran;
  }

  async function drainOnce(): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await pass();
      total += n;
      if (n === 0) return total;
    }
  }

  /** One drain at a time per process: the poller and a test's drain() share it. */
  function drain(): Promise<number> {
    if (current) return current.catch(() => 0).then(() => drain());
    current = drainOnce().finally(() => {
      current = null;
    });
    return current;
  }

  return {
    drain,
    start(pollMs) {
      if (timer) return;
      let running = false;
      let woken = false;
      const loop = () => {
        running = true;
        drain()
          .catch((err: unknown) => ctx.log.error({ err }, 'job polling failed'))
          .finally(() => {
            running = false;
            const delay = woken ? 0 : pollMs;
            woken = false;
            if (timer) timer = setTimeout(loop, delay);
          });
      };
      timer = setTimeout(loop, 0);
      // Jobs sent by this process's requests run right after the response instead of at the next poll.
      unsubscribe = queue.onWake(() => {
        if (!timer) return;
        if (running) {
          woken = true; // drain again as soon as the current pass ends
          return;
        }
        clearTimeout(timer);
        timer = setTimeout(loop, 0);
      });
    },
    async stop() {
      unsubscribe?.();
      unsubscribe = null;
      if (timer) clearTimeout(timer);
      timer = null;
      await current?.catch(() => undefined);
    },
  };
}
