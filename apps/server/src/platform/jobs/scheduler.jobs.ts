import { z } from 'zod';
import { defineJob } from './job-definition.ts';
import { deleteSlotsBefore } from './slots.repository.ts';

const DAY = 24 * 60 * 60 * 1000;

/** The scheduler's own housekeeping: slot keys only need to outlive the catch-up window. */
export const schedulerJobs = [
  defineJob({
    name: 'jobs.prune-slots',
    payload: z.strictObject({ slot: z.string() }),
    cron: '30 3 * * *',
    retryLimit: 3,
    retryBackoff: true,
    async handler(ctx, { slot }) {
      await deleteSlotsBefore(ctx.db, new Date(new Date(slot).getTime() - 30 * DAY));
    },
  }),
];
