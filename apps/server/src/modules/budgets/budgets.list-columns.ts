import type { AnyColumn } from 'drizzle-orm';
import { sql } from 'drizzle-orm';
import type { BudgetListColumns } from '../customers/index.ts';
import { spendInCycleSql } from '../spend/index.ts';

/**
 * The customer list's budget columns (the customers module's list query embeds them): the current
 * budget's amount and its usage as `stateOf` reckons it — a monthly budget whose month has ended
 * before the rollover job ran counts this cycle's running spend.
 */
export function budgetListColumns(customerId: AnyColumn, billCycle: string): BudgetListColumns {
  return {
    amountFen: sql<
      number | null
    >`(select bl.amount_fen from budgets bl where bl.customer_id = ${customerId})`,
    usedFen: sql<number | null>`(select case when bl.budget_type = 'MONTHLY' and bl.period_key <> ${billCycle}
      then ${spendInCycleSql(sql`bl.customer_id`, billCycle)} else bl.used_fen end
      from budgets bl where bl.customer_id = ${customerId})`,
  };
}
