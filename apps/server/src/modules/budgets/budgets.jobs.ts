import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { defineJob } from '../../platform/jobs/job-definition.ts';
import { rollOverIfDue } from './budgets.evaluate.ts';
import { periodKeyAt } from './budgets.periods.ts';
import { monthlyBudgetsNotIn } from './budgets.repository.ts';

/**
 * Starts the new month for every monthly budget still in an earlier one: usage from the new month,
 * thresholds re-armed, restriction lifted. One short transaction per budget, so spend keeps
 * flowing; idempotent (a budget already in the month is skipped). Returns how many rolled.
 */
export async function rollOverMonthlyBudgets(ctx: AppContext): Promise<number> {
  const now = ctx.clock.now();
  const period = periodKeyAt('MONTHLY', now);
  let rolled = 0;
  for (;;) {
    const ids = await monthlyBudgetsNotIn(ctx.db, period, 200);
    if (ids.length === 0) return rolled;
    for (const id of ids) {
      if (await ctx.db.transaction((tx) => rollOverIfDue(ctx, tx, id, now))) rolled++;
    }
  }
}

/** R13: monthly budgets reset at 00:00 on the 1st, Asia/Shanghai (cron is evaluated in that zone). */
export const budgetsJobs = [
  defineJob({
    name: 'budgets.monthly-rollover',
    payload: z.strictObject({ slot: z.string() }),
    cron: '0 0 1 * *',
    catchUpMinutes: 7 * 24 * 60,
    retryLimit: 5,
    retryBackoff: true,
    expireInSeconds: 3600,
    async handler(ctx) {
      const rolled = await rollOverMonthlyBudgets(ctx);
      ctx.log.info({ rolled }, 'monthly budgets rolled over');
    },
  }),
];
