import { defineModule, listen } from '../../platform/module.ts';
import { provideBudgetListColumns } from '../customers/index.ts';
import { DEMO_PARTNERS } from '../partners/index.ts';
import { spendAccepted } from '../spend/index.ts';
import { seedDemoBudgets } from './budgets.demo.ts';
import { BudgetErrors } from './budgets.errors.ts';
import { applySpendToBudgets } from './budgets.evaluate.ts';
import { budgetsJobs } from './budgets.jobs.ts';
import { budgetListColumns } from './budgets.list-columns.ts';
import { budgetsRoutes } from './budgets.routes.ts';
import { budgetsTemplates } from './budgets.templates.ts';
import { budgetsV2Routes } from './budgets.v2.routes.ts';

/** The budgets module's manifest; other modules import only this file. */
export const budgetsModule = defineModule({
  name: 'budgets',
  routes: [budgetsRoutes],
  partnerApiRoutes: [budgetsV2Routes],
  jobs: budgetsJobs,
  templates: budgetsTemplates,
  errors: BudgetErrors,
  demo: (ctx) => seedDemoBudgets(ctx, DEMO_PARTNERS.solution.id),
  listeners: [listen(spendAccepted, (ctx, tx, { relation }) => applySpendToBudgets(ctx, tx, relation))],
  tenancy: { partnerOnly: [/^\/api\/budgets/] },
});
// The portal customer list shows each customer's budget usage in its one query.
provideBudgetListColumns(budgetListColumns);

export { recentBudgetAlerts } from './budgets.recent-alerts.ts';
