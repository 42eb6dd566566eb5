import { AuditOutlined, PayCircleOutlined } from '@ant-design/icons';
import { defineFeature, lazyPage } from '../../platform/feature.ts';

/** Invoicing and payments (R20, R21): countersigned bills, invoicing notices, invoices, payments. */
export const invoices = defineFeature({
  name: 'invoices',
  routes: {
    public: [
      {
        path: 'invoice-list/:token',
        ...lazyPage(() => import('./invoice-list-page.tsx'), 'InvoiceListPage'),
      },
    ],
    portal: [
      { path: 'invoicing', ...lazyPage(() => import('./invoicing-page.tsx'), 'InvoicingPage') },
      {
        path: 'invoicing/notices/:id',
        ...lazyPage(() => import('./notice-detail-page.tsx'), 'NoticeDetailPage'),
      },
      { path: 'invoicing/bills/:id', ...lazyPage(() => import('./invoicing-page.tsx'), 'InvoicingPage') },
    ],
    console: [
      { path: 'invoicing', ...lazyPage(() => import('./console-billing-page.tsx'), 'ConsoleBillingPage') },
      {
        path: 'countersign/:id',
        ...lazyPage(() => import('./console-billing-page.tsx'), 'ConsoleBillingPage'),
      },
    ],
  },
  portalMenu: [
    {
      key: 'invoicing',
      path: '/invoicing',
      label: { 'zh-CN': '开票与付款', 'en-US': 'Invoicing & payments' },
      icon: PayCircleOutlined,
      order: 72,
    },
  ],
  consoleMenu: [
    {
      key: 'invoicing',
      path: '/console/invoicing',
      label: { 'zh-CN': '账单与发票', 'en-US': 'Bills & invoices' },
      icon: AuditOutlined,
      order: 66,
    },
  ],
  strings: {
    'en-US': () => import('./invoices.en-US.ts').then((m) => m.invoicesEnUS),
    'zh-CN': () => import('./invoices.zh-CN.ts').then((m) => m.invoicesZhCN),
  },
});
