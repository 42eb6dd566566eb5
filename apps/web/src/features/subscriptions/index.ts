import {
  AppstoreOutlined,
  FileTextOutlined,
  GiftOutlined,
  ShoppingCartOutlined,
  SyncOutlined,
} from '@ant-design/icons';
import { defineFeature, lazyPage } from '../../platform/feature.ts';
import { loadCustomerLayout } from '../customers/index.ts';

/** R15: renewal management and orders (portal), the customer's resources and orders, the catalogue (console). */
export const subscriptions = defineFeature({
  name: 'subscriptions',
  // The customer area's frame (customers feature) wraps the customer's pages.
  uses: ['customers'],
  routes: {
    portal: [
      { path: 'renewals', ...lazyPage(() => import('./renewals-page.tsx'), 'PortalRenewalsPage') },
      { path: 'orders', ...lazyPage(() => import('./orders-page.tsx'), 'PortalOrdersPage') },
      { path: 'purchase', ...lazyPage(() => import('./purchase-page.tsx'), 'PortalPurchasePage') },
    ],
    console: [
      { path: 'catalogue', ...lazyPage(() => import('./catalogue-page.tsx'), 'CataloguePage') },
      { path: 'coupons', ...lazyPage(() => import('./coupons-page.tsx'), 'CouponsPage') },
    ],
    root: [
      // The customer's own area: its frame (CustomerLayout) with these pages inside.
      {
        path: '/customer/renewals',
        ...lazyPage(loadCustomerLayout, 'CustomerLayout'),
        children: [{ index: true, ...lazyPage(() => import('./renewals-page.tsx'), 'CustomerRenewalsPage') }],
      },
      {
        path: '/customer/orders',
        ...lazyPage(loadCustomerLayout, 'CustomerLayout'),
        children: [{ index: true, ...lazyPage(() => import('./orders-page.tsx'), 'CustomerOrdersPage') }],
      },
      {
        path: '/customer/purchase',
        ...lazyPage(loadCustomerLayout, 'CustomerLayout'),
        children: [{ index: true, ...lazyPage(() => import('./purchase-page.tsx'), 'CustomerPurchasePage') }],
      },
    ],
  },
  portalMenu: [
    {
      key: 'renewals',
      path: '/renewals',
      label: { 'zh-CN': '续费管理', 'en-US': 'Renewals' },
      icon: SyncOutlined,
      order: 71,
    },
    {
      key: 'orders',
      path: '/orders',
      label: { 'zh-CN': '订单管理', 'en-US': 'Orders' },
      icon: FileTextOutlined,
      order: 72,
    },
    {
      key: 'purchase',
      path: '/purchase',
      label: { 'zh-CN': '购买产品', 'en-US': 'Buy products' },
      icon: ShoppingCartOutlined,
      order: 73,
    },
  ],
  customerMenu: [
    {
      key: 'renewals',
      path: '/customer/renewals',
      label: { 'zh-CN': '续费管理', 'en-US': 'Renewals' },
      icon: SyncOutlined,
      order: 20,
    },
    {
      key: 'orders',
      path: '/customer/orders',
      label: { 'zh-CN': '我的订单', 'en-US': 'My orders' },
      icon: FileTextOutlined,
      order: 30,
    },
  ],
  consoleMenu: [
    {
      key: 'catalogue',
      path: '/console/catalogue',
      label: { 'zh-CN': '产品目录', 'en-US': 'Product catalogue' },
      icon: AppstoreOutlined,
      order: 95,
      visible: (me) => me.roles.some((r) => ['admin', 'finance'].includes(r)),
    },
    {
      key: 'coupons',
      path: '/console/coupons',
      label: { 'zh-CN': '代金券', 'en-US': 'Cash coupons' },
      icon: GiftOutlined,
      order: 96,
      visible: (me) => me.roles.some((r) => ['admin', 'finance'].includes(r)),
    },
  ],
  strings: {
    'en-US': () => import('./subscriptions.en-US.ts').then((m) => m.subscriptionsEnUS),
    'zh-CN': () => import('./subscriptions.zh-CN.ts').then((m) => m.subscriptionsZhCN),
  },
});
