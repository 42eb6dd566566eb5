import { z } from 'zod';
import { defineJob } from '../../platform/jobs/job-definition.ts';
import { NOTIFY_JOB, notifyNoticesOfRun } from './notices.issue.ts';
import { runSettlement, SETTLE_JOB, settleDuePeriods } from './settlement.service.ts';

/** Settlement: the monthly close (once across nodes: one scheduler slot) and each run's job. */
export const incentivesJobs = [
  defineJob({
    name: 'incentives.close-periods',
    payload: z.strictObject({ slot: z.string() }),
    // 02:00 on the 1st, Asia/Shanghai: the month before (and at a quarter's start, the quarter).
    cron: '0 2 1 * *',
    catchUpMinutes: 7 * 24 * 60,
    retryLimit: 5,
    retryBackoff: true,
    async handler(ctx, { slot }) {
      const runs = await settleDuePeriods(ctx, new Date(slot));
      ctx.log.info({ runs }, 'incentive settlement runs started');
    },
  }),
  defineJob({
    name: SETTLE_JOB,
    payload: z.strictObject({ runId: z.string() }),
    retryLimit: 10,
    retryBackoff: true,
    // A run that takes longer is treated as crashed and retried (it starts over, idempotently).
    expireInSeconds: 3600,
    async handler(ctx, { runId }) {
      await runSettlement(ctx, runId);
    },
  }),
  defineJob({
    name: NOTIFY_JOB,
    payload: z.strictObject({ runId: z.string() }),
    retryLimit: 10,
    retryBackoff: true,
    async handler(ctx, { runId }) {
      const sent = await notifyNoticesOfRun(ctx, runId);
      ctx.log.info({ runId, sent }, 'incentive notices sent');
    },
  }),
];
