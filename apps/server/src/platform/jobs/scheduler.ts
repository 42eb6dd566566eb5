import type { AppContext } from '../context.ts';
import { latestSlot, slotKey } from './cron.ts';
import type { BossJobQueue } from './queue.ts';
import { claimSlot, setSlotJob } from './slots.repository.ts';

export interface Scheduler {
  /**
   * Enqueues every cron slot due at `at` that has not been enqueued yet (by this or any other
   * process). Returns the keys this call enqueued.
   */
  tick(at: Date): Promise<string[]>;
  /** Ticks now and then at the start of every minute until stopped. */
  start(): void;
  stop(): void;
}

const MINUTE = 60_000;

/**
 * Cron from the job registry, evaluated in Asia/Shanghai on the injected clock. Each slot gets a
 * deterministic key; the key's row in `job_slots` and the job are written in one transaction, and
 * the key is the primary key, so two schedulers racing for a slot enqueue it exactly once.
 */
export function createScheduler(ctx: AppContext, queue: BossJobQueue): Scheduler {
  let timer: NodeJS.Timeout | null = null;
  const scheduled = [...queue.defs.values()].filter((d) => d.cron);

  async function tick(at: Date): Promise<string[]> {
    const enqueued: string[] = [];
    for (const def of scheduled) {
      const slot = latestSlot(def.cron as string, at);
      if (at.getTime() - slot.getTime() > (def.catchUpMinutes ?? 60) * MINUTE) continue;
      const key = slotKey(def.name, slot);
      const claimed = await ctx.db.transaction(async (tx) => {
        if (!(await claimSlot(tx, { key, name: def.name, slotAt: slot, enqueuedAt: ctx.clock.now() }))) {
          return false;
        }
        const jobId = await queue.send(def.name, { slot: slot.toISOString() }, { tx });
        await setSlotJob(tx, key, jobId);
        return true;
      });
      if (claimed) enqueued.push(key);
    }
    return enqueued;
  }

  function safeTick() {
    tick(ctx.clock.now()).catch((err: unknown) => ctx.log.error({ err }, 'scheduler tick failed'));
  }

  return {
    tick,
    start() {
      if (timer || scheduled.length === 0) return;
      safeTick();
      const next = () => {
        const now = ctx.clock.now().getTime();
        // A second past the minute, so a slot at hh:mm:00 is already due.
        timer = setTimeout(
          () => {
            safeTick();
            if (timer) next();
          },
          MINUTE - (now % MINUTE) + 1000,
        );
      };
      next();
    },
    stop() {
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}
