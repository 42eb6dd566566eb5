import { schema } from '@pc/db';
import { eq } from 'drizzle-orm';
import { queueStats, type WorkQueue } from '../../platform/work-queues/work-queues.ts';

const p = schema.paymentApplications;

/** Payment applications waiting for finance's review. */
export const paymentApplicationsQueue: WorkQueue = {
  key: 'paymentApplications',
  roles: ['finance', 'ecosystem_manager', 'reviewer'],
  stats: (ctx, since) => queueStats(ctx.db, p, p.submittedAt, eq(p.status, 'submitted'), since),
};
