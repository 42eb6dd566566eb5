import { budgetsJobs } from '../modules/budgets/budgets.jobs.ts';
import { certificateJobs } from '../modules/certificates/certificates.jobs.ts';
import { eventsJobs } from '../modules/events/events.jobs.ts';
import { identityJobs } from '../modules/identity/identity.jobs.ts';
import { membershipsJobs } from '../modules/memberships/memberships.jobs.ts';
import { organizationJobs } from '../modules/organization/organization.jobs.ts';
import { subscriptionsJobs } from '../modules/subscriptions/subscriptions.jobs.ts';
import { ticketsJobs } from '../modules/tickets/tickets.jobs.ts';
import { notificationJobs } from '../notifications/notifications.jobs.ts';
import type { JobDefinition } from './job-definition.ts';
import { schedulerJobs } from './scheduler.jobs.ts';

/** Every job of every module. A module adds its `<module>.jobs.ts` list here. */
export const jobRegistry: readonly JobDefinition[] = [
  ...notificationJobs,
  ...schedulerJobs,
  ...identityJobs,
  ...certificateJobs,
  ...ticketsJobs,
  ...membershipsJobs,
  ...organizationJobs,
  ...budgetsJobs,
  ...eventsJobs,
  ...subscriptionsJobs,
];
