import { defineFeature, lazyPage } from '../../platform/feature.ts';

/** A customer's budget (R13), below the customer in the portal. */
export const budgets = defineFeature({
  name: 'budgets',
  routes: {
    portal: [
      { path: 'customers/:customerId/budget', ...lazyPage(() => import('./budget-page.tsx'), 'BudgetPage') },
    ],
  },
  strings: {
    'en-US': () => import('./budgets.en-US.ts').then((m) => m.budgetsEnUS),
    'zh-CN': () => import('./budgets.zh-CN.ts').then((m) => m.budgetsZhCN),
  },
});
