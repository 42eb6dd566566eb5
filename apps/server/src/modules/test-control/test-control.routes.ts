import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { BossJobQueue } from '../../platform/jobs/queue.ts';
import { createScheduler } from '../../platform/jobs/scheduler.ts';
import { createWorker } from '../../platform/jobs/worker.ts';
import { SettableClock } from './settable-clock.ts';

const clockBody = z.strictObject({ at: z.iso.datetime({ offset: true }) });
const clockResponse = z.object({ now: z.iso.datetime() });
const tickResponse = z.object({
  now: z.iso.datetime(),
  enqueued: z.array(z.string()),
  ran: z.number().int(),
});

/** Whether this app may move time: a test server started with CLOCK_CONTROL=1 and a settable clock. */
export function clockControlEnabled(ctx: AppContext): boolean {
  return ctx.config.env === 'test' && ctx.config.clockControl && ctx.clock instanceof SettableClock;
}

/**
 * Test-only controls for browser journeys: move the clock and run the schedule slots due at it.
 * Registered only when `clockControlEnabled`; a production server has no such routes (404).
 */
export const testControlRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  if (!clockControlEnabled(ctx)) return;
  const clock = ctx.clock as SettableClock;
  const hide = { hide: true, tags: ['test'] };

  app.get('/api/test/clock', { schema: { ...hide, response: { 200: clockResponse } } }, async () => ({
    now: clock.now().toISOString(),
  }));

  app.post(
    '/api/test/clock',
    { schema: { ...hide, body: clockBody, response: { 200: clockResponse } } },
    async (req) => {
      clock.set(new Date(req.body.at));
      return { now: clock.now().toISOString() };
    },
  );

  app.post('/api/test/scheduler/tick', { schema: { ...hide, response: { 200: tickResponse } } }, async () => {
    const queue = ctx.jobs;
    if (!(queue instanceof BossJobQueue)) throw new Error('the scheduler needs the pg-boss queue');
    const now = clock.now();
    const enqueued = await createScheduler(ctx, queue).tick(now);
    // Run what is due now (the slots just enqueued and the messages they send) before answering.
    const ran = await createWorker(ctx, queue).drain();
    return { now: now.toISOString(), enqueued, ran };
  });
};
