import { AccountBookOutlined } from '@ant-design/icons';
import { defineFeature, lazyPage } from '../../platform/feature.ts';

/** Customers' monthly bills (issue 12, item 5): the month per customer, drill-down, reconciliation export. */
export const bills = defineFeature({
  name: 'bills',
  routes: {
    portal: [
      { path: 'bills', ...lazyPage(() => import('./bills-page.tsx'), 'BillsPage') },
      {
        path: 'bills/:customerId',
        ...lazyPage(() => import('./customer-bill-page.tsx'), 'CustomerBillPage'),
      },
    ],
  },
  portalMenu: [
    {
      key: 'bills',
      path: '/bills',
      label: { 'zh-CN': '客户账单', 'en-US': 'Customer bills' },
      icon: AccountBookOutlined,
      order: 72,
    },
  ],
  strings: {
    'en-US': () => import('./bills.en-US.ts').then((m) => m.billsEnUS),
    'zh-CN': () => import('./bills.zh-CN.ts').then((m) => m.billsZhCN),
  },
});
