import { z } from 'zod';
import { defineJob } from '../../platform/jobs/job-definition.ts';
import { runLifecycle } from './lifecycle.service.ts';

/**
 * R15 lifecycle, every minute (cron in Asia/Shanghai; one run per slot across schedulers). Each
 * step is claimed in its own transaction, so an overlapping or repeated run does nothing twice.
 */
export const subscriptionsJobs = [
  defineJob({
    name: 'subscriptions.lifecycle',
    payload: z.strictObject({ slot: z.string() }),
    cron: '* * * * *',
    catchUpMinutes: 60,
    retryLimit: 3,
    retryBackoff: true,
    expireInSeconds: 900,
    async handler(ctx) {
      const result = await runLifecycle(ctx);
      if (Object.values(result).some((n) => n > 0)) ctx.log.info(result, 'subscription lifecycle');
    },
  }),
];
