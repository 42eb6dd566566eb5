import { z } from 'zod';
import { defineJob } from '../../platform/jobs/job-definition.ts';
import { expireDueInvitations } from './invitations.service.ts';
import { sendMonthlyReminders, warnExpiringCertificates } from './reminders.service.ts';

const slotPayload = z.strictObject({ slot: z.string() });

/** R12 schedules, in Asia/Shanghai. */
export const organizationJobs = [
  // 1st of each month, 10:00: members are asked to keep their qualifications current.
  defineJob({
    name: 'organization.monthly_reminder',
    payload: slotPayload,
    cron: '0 10 1 * *',
    catchUpMinutes: 24 * 60,
    retryLimit: 3,
    retryBackoff: true,
    async handler(ctx, { slot }) {
      const sent = await sendMonthlyReminders(ctx, new Date(slot));
      ctx.log.info({ sent }, 'qualification reminders sent');
    },
  }),
  // Daily 09:00: certificates 30 days from expiry are warned about, once each.
  defineJob({
    name: 'organization.certificate_expiry_warning',
    payload: slotPayload,
    cron: '0 9 * * *',
    catchUpMinutes: 12 * 60,
    retryLimit: 3,
    retryBackoff: true,
    async handler(ctx, { slot }) {
      const warned = await warnExpiringCertificates(ctx, new Date(slot));
      if (warned > 0) ctx.log.info({ warned }, 'certificate expiry warnings sent');
    },
  }),
  // Hourly: pending invitations past their time are closed as expired.
  defineJob({
    name: 'organization.expire_invitations',
    payload: slotPayload,
    cron: '7 * * * *',
    retryLimit: 3,
    retryBackoff: true,
    async handler(ctx, { slot }) {
      const expired = await expireDueInvitations(ctx, new Date(slot));
      if (expired > 0) ctx.log.info({ expired }, 'member invitations expired');
    },
  }),
];
