import { schema } from '@pc/db';
import { and, desc, eq, gte } from 'drizzle-orm';
import type { AppContext } from '../../platform/context.ts';
import { findCustomer } from '../customers/index.ts';

const al = schema.budgetAlerts;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The partner's budget alerts of the last `days` days, newest first, with the customer's name. */
export async function recentBudgetAlerts(ctx: AppContext, partnerId: string, days = 30, limit = 10) {
  const from = new Date(ctx.clock.now().getTime() - days * DAY_MS);
  const rows = await ctx.db
    .select()
    .from(al)
    .where(and(eq(al.partnerId, partnerId), gte(al.createdAt, from)))
    .orderBy(desc(al.createdAt), desc(al.id))
    .limit(limit);
  const names = new Map<string, string>();
  for (const id of new Set(rows.map((r) => r.customerId))) {
    const c = await findCustomer(ctx.db, id);
    if (c) names.set(id, c.name);
  }
  return rows.map((r) => ({
    id: r.id,
    customerId: r.customerId,
    customerName: names.get(r.customerId) ?? r.customerId,
    threshold: r.threshold,
    usedFen: r.usedFen,
    budgetFen: r.budgetFen,
    restricted: r.restricted > 0,
    createdAt: r.createdAt,
  }));
}
