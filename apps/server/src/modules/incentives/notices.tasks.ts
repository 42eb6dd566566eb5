import { schema } from '@pc/db';
import { and, count, eq } from 'drizzle-orm';
import type { AppContext } from '../../platform/context.ts';

const n = schema.incentiveNotices;

/** The partner's incentive notices issued and not yet confirmed or disputed (dashboard task). */
export async function unconfirmedNoticesOf(ctx: AppContext, partnerId: string): Promise<number> {
  const [row] = await ctx.db
    .select({ n: count() })
    .from(n)
    .where(and(eq(n.partnerId, partnerId), eq(n.status, 'issued')));
  return Number(row?.n ?? 0);
}
