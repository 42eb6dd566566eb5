import { z } from 'zod';
import { defineJob } from '../../platform/jobs/job-definition.ts';
import { expireCertificates, openAnnualReviews } from './lifecycle.service.ts';

/** A missed 1 December or 1 February (server down) still runs within the first week. */
const WEEK_MINUTES = 7 * 24 * 60;

/** R7: the annual review opens on 1 December and unrenewed certificates expire on 1 February. */
export const certificateJobs = [
  defineJob({
    name: 'certificates.open-review',
    payload: z.strictObject({ slot: z.string() }),
    cron: '0 0 1 12 *',
    catchUpMinutes: WEEK_MINUTES,
    retryLimit: 5,
    retryBackoff: true,
    expireInSeconds: 3600,
    async handler(ctx, { slot }) {
      const opened = await openAnnualReviews(ctx, new Date(slot));
      ctx.log.info({ opened }, 'certificate reviews opened');
    },
  }),
  defineJob({
    name: 'certificates.expire',
    payload: z.strictObject({ slot: z.string() }),
    cron: '0 0 1 2 *',
    catchUpMinutes: WEEK_MINUTES,
    retryLimit: 5,
    retryBackoff: true,
    expireInSeconds: 3600,
    async handler(ctx, { slot }) {
      const expired = await expireCertificates(ctx, new Date(slot));
      ctx.log.info({ expired }, 'certificates expired');
    },
  }),
];
