import { z } from 'zod';
import { pruneLimits } from '../http/rate-limit.ts';
import { defineJob } from '../jobs/job-definition.ts';
import { pruneReplays } from './replay-cache.ts';

/**
 * Hourly: replay-cache entries older than any signature that could still be accepted, and the ended
 * windows of flow control (one row per key, operation and second on PostgreSQL).
 */
export const partnerApiJobs = [
  defineJob({
    name: 'partner_api.prune_replays',
    payload: z.strictObject({ slot: z.string() }),
    cron: '17 * * * *',
    retryLimit: 3,
    retryBackoff: true,
    async handler(ctx, { slot }) {
      const pruned = await pruneReplays(ctx.db, new Date(slot));
      const windows = await pruneLimits(ctx.db, new Date(slot));
      if (pruned || windows)
        ctx.log.info({ pruned, windows }, 'partner API replay entries and limits pruned');
    },
  }),
];
