import { z } from 'zod';
import { defineJob } from '../../platform/jobs/job-definition.ts';
import { escalateOverdueTickets } from './tickets-escalation.service.ts';

/** Every 15 minutes: overdue tickets are flagged and escalated within a quarter hour of their due time. */
export const ticketsJobs = [
  defineJob({
    name: 'tickets.escalate_overdue',
    payload: z.strictObject({ slot: z.string() }),
    cron: '*/15 * * * *',
    retryLimit: 3,
    retryBackoff: true,
    async handler(ctx, { slot }) {
      const flagged = await escalateOverdueTickets(ctx, new Date(slot));
      if (flagged > 0) ctx.log.info({ flagged }, 'overdue tickets escalated');
    },
  }),
];
