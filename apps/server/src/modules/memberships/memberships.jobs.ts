import { z } from 'zod';
import { defineJob } from '../../platform/jobs/job-definition.ts';
import { expireInvitations } from './hierarchy.service.ts';

/** Reseller invitations past their 14 days become `expired` (acceptance also refuses them on time). */
export const membershipsJobs = [
  defineJob({
    name: 'memberships.expire_invitations',
    payload: z.strictObject({ slot: z.string() }),
    cron: '10 0 * * *',
    retryLimit: 3,
    retryBackoff: true,
    async handler(ctx, { slot }) {
      const n = await expireInvitations(ctx, new Date(slot));
      ctx.log.info({ expired: n }, 'reseller invitations expired');
    },
  }),
];
