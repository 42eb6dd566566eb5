import { schema } from '@pc/db';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { AppContext } from '../../platform/context.ts';
import { queueStats, type WorkQueue } from '../../platform/work-queues/work-queues.ts';
import { VIEW_ROLES } from './certificates.policy.ts';
import { findCertificateByPartner } from './certificates.repository.ts';
import { toIssued } from './certificates.service.ts';

const r = schema.certificateReviews;

/** Annual certificate reviews with materials submitted, waiting for a reviewer. */
export const certificateReviewsQueue: WorkQueue = {
  key: 'certificateReviews',
  roles: VIEW_ROLES,
  stats: (ctx, since) => queueStats(ctx.db, r, r.submittedAt, eq(r.status, 'submitted'), since),
};

/** The partner's certificate (state and last valid day) and its annual review awaiting materials. */
export async function certificateStateOf(ctx: AppContext, partnerId: string) {
  const now = ctx.clock.now();
  const cert = await findCertificateByPartner(ctx.db, partnerId);
  const [due] = await ctx.db
    .select({ id: r.id, deadline: r.deadline, status: r.status })
    .from(r)
    .where(and(eq(r.partnerId, partnerId), inArray(r.status, ['open', 'rejected'])))
    .orderBy(asc(r.deadline))
    .limit(1);
  const issued = cert ? toIssued(cert, now) : null;
  return {
    certificate: issued
      ? { number: issued.number, status: issued.status, validUntil: issued.validUntil }
      : null,
    reviewDue: due && due.deadline > now ? { deadline: due.deadline, status: due.status } : null,
  };
}
