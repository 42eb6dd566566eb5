import { schema } from '@pc/db';
import { and, count, eq, gt } from 'drizzle-orm';
import type { AppContext } from '../../platform/context.ts';
import { queueStats, type WorkQueue } from '../../platform/work-queues/work-queues.ts';

const apps = schema.membershipApplications;
const inv = schema.resellerInvitations;

/** Program applications waiting for a decision (console home). */
export const applicationsQueue: WorkQueue = {
  key: 'applications',
  roles: ['ecosystem_manager', 'reviewer'],
  stats: (ctx, since) => queueStats(ctx.db, apps, apps.createdAt, eq(apps.status, 'submitted'), since),
};

/** Distributors' invitations the partner has not answered yet (dashboard task). */
export async function pendingInvitationsOf(ctx: AppContext, partnerId: string): Promise<number> {
  const [row] = await ctx.db
    .select({ n: count() })
    .from(inv)
    .where(and(eq(inv.resellerId, partnerId), eq(inv.status, 'pending'), gt(inv.expiresAt, ctx.clock.now())));
  return Number(row?.n ?? 0);
}
