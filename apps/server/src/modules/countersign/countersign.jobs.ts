import { z } from 'zod';
import { defineJob } from '../../platform/jobs/job-definition.ts';
import { escalateOverdueSteps } from './countersign.escalation.ts';

/** Every 15 minutes: countersigning steps past their due time escalate to the approver's manager. */
export const countersignJobs = [
  defineJob({
    name: 'countersign.escalate_overdue',
    payload: z.strictObject({ slot: z.string() }),
    cron: '*/15 * * * *',
    retryLimit: 3,
    retryBackoff: true,
    async handler(ctx, { slot }) {
      const n = await escalateOverdueSteps(ctx, new Date(slot));
      if (n > 0) ctx.log.info({ escalated: n }, 'overdue countersigning steps escalated');
    },
  }),
];
