import { z } from 'zod';
import { defineJob } from '../../platform/jobs/job-definition.ts';
import { deliverDue } from './delivery-engine.service.ts';
import { DELIVER_JOB } from './events.types.ts';

/**
 * Deliveries go out through one sweep: queued on every enqueue (after commit), after a failure
 * (at its next attempt time) and every minute by cron, which also picks up work a dead worker left.
 * The delivery rows carry their own retry schedule, so the jobs themselves retry only briefly.
 */
export const eventsJobs = [
  defineJob({
    name: DELIVER_JOB,
    payload: z.strictObject({}),
    retryLimit: 2,
    retryBackoff: true,
    expireInSeconds: 600,
    async handler(ctx) {
      const r = await deliverDue(ctx);
      if (r.attempted) ctx.log.info(r, 'deliveries attempted');
    },
  }),
  defineJob({
    name: 'events.deliver-sweep',
    payload: z.strictObject({ slot: z.string() }),
    cron: '* * * * *',
    catchUpMinutes: 5,
    retryLimit: 1,
    retryBackoff: false,
    expireInSeconds: 600,
    async handler(ctx) {
      const r = await deliverDue(ctx);
      if (r.attempted) ctx.log.info(r, 'deliveries attempted (sweep)');
    },
  }),
];
