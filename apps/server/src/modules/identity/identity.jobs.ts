import { z } from 'zod';
import { defineJob } from '../../platform/jobs/job-definition.ts';
import { pruneIdentityRows } from './prune.repository.ts';

const DAY = 24 * 3600_000;

/**
 * Nightly housekeeping. Failed sign-ins matter for 15 minutes and codes for a day (the daily send
 * limit); old sessions are kept a month after they end for investigations.
 */
export const identityJobs = [
  defineJob({
    name: 'identity.prune',
    payload: z.strictObject({ slot: z.string() }),
    cron: '40 3 * * *',
    retryLimit: 3,
    retryBackoff: true,
    async handler(ctx, { slot }) {
      const at = new Date(slot).getTime();
      const pruned = await pruneIdentityRows(ctx.db, {
        attempts: new Date(at - DAY),
        codes: new Date(at - 2 * DAY),
        sessions: new Date(at - 30 * DAY),
      });
      ctx.log.info({ pruned }, 'identity rows pruned');
    },
  }),
];
