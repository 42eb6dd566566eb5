import { schema } from '@pc/db';
import { inArray } from 'drizzle-orm';
import { queueStats, type WorkQueue } from '../../platform/work-queues/work-queues.ts';

const s = schema.certificationSubmissions;

/** Certification stages submitted and not decided yet (any operator may view the queue). */
export const certificationsQueue: WorkQueue = {
  key: 'certifications',
  roles: 'any',
  stats: (ctx, since) =>
    queueStats(ctx.db, s, s.submittedAt, inArray(s.status, ['submitted', 'under_review']), since),
};
