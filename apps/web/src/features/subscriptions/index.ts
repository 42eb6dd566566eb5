import { AppstoreOutlined, FileTextOutlined, SyncOutlined } from '@ant-design/icons';
import { defineFeature, lazyPage } from '../../platform/feature.ts';

/** R15: renewal management and orders (portal), the customer's resources and orders, the catalogue (console). */
export const subscriptions = defineFeature({
  name: 'subscriptions',
  routes: {
    portal: [
      { path: 'renewals', ...lazyPage(() => import('./renewals-page.tsx'), 'PortalRenewalsPage') },
      { path: 'orders', ...lazyPage(() => import('./orders-page.tsx'), 'PortalOrdersPage') },
    ],
    console: [{ path: 'catalogue', ...lazyPage(() => import('./catalogue-page.tsx'), 'CataloguePage') }],
    root: [
      // The customer's own area: its frame (CustomerLayout) with these pages inside.
      {
        path: '/customer/renewals',
        ...lazyPage(() => import('./customer-frame.tsx'), 'CustomerFrame'),
        children: [{ index: true, ...lazyPage(() => import('./renewals-page.tsx'), 'CustomerRenewalsPage') }],
      },
      {
        path: '/customer/orders',
        ...lazyPage(() => import('./customer-frame.tsx'), 'CustomerFrame'),
        children: [{ index: true, ...lazyPage(() => import('./orders-page.tsx'), 'CustomerOrdersPage') }],
      },
    ],
  },
  portalMenu: [
    { key: 'renewals', path: '/renewals', labelKey: 'subscriptions.nav', icon: SyncOutlined, order: 71 },
    {
      key: 'orders',
      path: '/orders',
      labelKey: 'subscriptions.orders.nav',
      icon: FileTextOutlined,
      order: 72,
    },
  ],
  consoleMenu: [
    {
      key: 'catalogue',
      path: '/console/catalogue',
      labelKey: 'subscriptions.consoleNav',
      icon: AppstoreOutlined,
      order: 95,
      visible: (me) => me.roles.some((r) => ['admin', 'finance'].includes(r)),
    },
  ],
  strings: {
    'en-US': () => import('./subscriptions.en-US.ts').then((m) => m.subscriptionsEnUS),
    'zh-CN': () => import('./subscriptions.zh-CN.ts').then((m) => m.subscriptionsZhCN),
  },
});
