import { z } from 'zod';
import { defineJob } from '../jobs/job-definition.ts';
import { pruneReplays } from './replay-cache.ts';

/** Hourly: replay-cache entries older than any signature that could still be accepted. */
export const partnerApiJobs = [
  defineJob({
    name: 'partner_api.prune_replays',
    payload: z.strictObject({ slot: z.string() }),
    cron: '17 * * * *',
    retryLimit: 3,
    retryBackoff: true,
    async handler(ctx, { slot }) {
      const pruned = await pruneReplays(ctx.db, new Date(slot));
      if (pruned) ctx.log.info({ pruned }, 'partner API replay entries pruned');
    },
  }),
];
