import { schema } from '@pc/db';
import { inArray } from 'drizzle-orm';
import { queueStats, type WorkQueue } from '../../platform/work-queues/work-queues.ts';

const i = schema.invoices;

/** Invoices submitted by partners and not yet accepted or returned (finance's queue). */
export const invoicesQueue: WorkQueue = {
  key: 'invoices',
  roles: ['finance'],
  stats: (ctx, since) =>
    queueStats(ctx.db, i, i.submittedAt, inArray(i.status, ['submitted', 'posted', 'received']), since),
};
