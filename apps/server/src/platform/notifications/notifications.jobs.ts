import { z } from 'zod';
import { defineJob } from '../jobs/job-definition.ts';
import { DELIVER_JOB } from './notifier.ts';

/** Retries after the first attempt; the last one leaves the record `failed`. */
const RETRY_LIMIT = 8;

export const notificationJobs = [
  defineJob({
    name: DELIVER_JOB,
    payload: z.strictObject({ notificationId: z.string() }),
    // Delays double from 10–20 s (with jitter): 8 retries span about 1.5–3 h before the record
    // is `failed` (`retrying` until then).
    retryLimit: RETRY_LIMIT,
    retryBackoff: true,
    retryDelaySeconds: 10,
    expireInSeconds: 5 * 60,
    async handler(ctx, { notificationId }, job) {
      await ctx.notifier.deliver(notificationId, { final: job.retryCount >= RETRY_LIMIT });
    },
  }),
];
