import { z } from 'zod';
import { defineJob } from '../jobs/job-definition.ts';
import { DELIVER_JOB } from './notifier.ts';

export const notificationJobs = [
  defineJob({
    name: DELIVER_JOB,
    payload: z.strictObject({ notificationId: z.string() }),
    // Delays double from 10–20 s (with jitter): 8 retries span about 1.5–3 h before the record
    // stays `failed`.
    retryLimit: 8,
    retryBackoff: true,
    retryDelaySeconds: 10,
    expireInSeconds: 5 * 60,
    async handler(ctx, { notificationId }) {
      await ctx.notifier.deliver(notificationId);
    },
  }),
];
