import type { AppContext } from '../../platform/context.ts';
import { mayOpen, type WorkQueue } from '../../platform/work-queues/work-queues.ts';
import { certificateReviewsQueue } from '../certificates/index.ts';
import { certificationsQueue } from '../certification/index.ts';
import { invoicesQueue } from '../invoices/index.ts';
import { applicationsQueue } from '../memberships/index.ts';
import { paymentApplicationsQueue } from '../payment-applications/index.ts';
import { ticketQueues } from '../tickets/index.ts';

/** The console's work queues, in the order the home page shows them. */
export const WORK_QUEUES: readonly WorkQueue[] = [
  applicationsQueue,
  certificationsQueue,
  certificateReviewsQueue,
  ...ticketQueues,
  invoicesQueue,
  paymentApplicationsQueue,
];

/** Counts of the queues this operator may open, and how many items arrived after `since`. */
export async function workQueueCounts(ctx: AppContext, roles: readonly string[], since: Date | null) {
  const at = ctx.clock.now();
  const queues = WORK_QUEUES.filter((q) => mayOpen(q, roles));
  const stats = await Promise.all(queues.map((q) => q.stats(ctx, since)));
  return {
    queues: queues.map((q, i) => {
      const s = stats[i] ?? { count: 0, newSince: 0, newestAt: null };
      return {
        key: q.key,
        count: s.count,
        newSince: s.newSince,
        newestAt: s.newestAt?.toISOString() ?? null,
      };
    }),
    at: at.toISOString(),
  };
}
