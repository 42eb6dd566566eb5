import type { AnyColumn, SQL } from 'drizzle-orm';

/**
 * The budget columns of the portal customer list, as SQL over the customer id column: the amount
 * of the customer's current budget and what is used of it (null without a budget).
 */
export interface BudgetListColumns {
  amountFen: SQL<number | null>;
  usedFen: SQL<number | null>;
}
export type BudgetListColumnsOf = (customerId: AnyColumn, billCycle: string) => BudgetListColumns;

let budgetColumns: BudgetListColumnsOf | undefined;

/**
 * The budgets module provides its columns here (from its manifest file) because it depends on
 * customers, so customers cannot import it: the list stays one query without a cycle. Until it is
 * provided (a test app without budgets) the columns are null.
 */
export function provideBudgetListColumns(of: BudgetListColumnsOf): void {
  budgetColumns = of;
}

export function budgetListColumns(): BudgetListColumnsOf | undefined {
  return budgetColumns;
}
