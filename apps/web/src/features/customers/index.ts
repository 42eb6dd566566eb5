import { TeamOutlined, UserOutlined } from '@ant-design/icons';
import { defineFeature, lazyPage } from '../../platform/feature.ts';

/** Partners' customers (portal), all customers (console), and the customer's own area. */
export const customers = defineFeature({
  name: 'customers',
  routes: {
    // The customer's public pages: sign-up, also for partner redirects, and invitations.
    public: [
      {
        path: 'customer/sign-up',
        ...lazyPage(() => import('./customer-area/sign-up-page.tsx'), 'CustomerSignUpPage'),
      },
      {
        path: 'customer/invitation',
        ...lazyPage(() => import('./customer-area/invitation-page.tsx'), 'CustomerInvitationPage'),
      },
    ],
    portal: [
      { path: 'customers', ...lazyPage(() => import('./customers-page.tsx'), 'CustomersPage') },
      {
        path: 'customers/:customerId',
        ...lazyPage(() => import('./customer-detail-page.tsx'), 'CustomerDetailPage'),
      },
    ],
    console: [
      {
        path: 'customers',
        ...lazyPage(() => import('./console-customers-page.tsx'), 'ConsoleCustomersPage'),
      },
    ],
    root: [
      // The signed-in customer's own area.
      {
        path: '/customer',
        ...lazyPage(() => import('./customer-area/customer-layout.tsx'), 'CustomerLayout'),
        children: [
          {
            index: true,
            ...lazyPage(() => import('./customer-area/account-page.tsx'), 'CustomerAccountPage'),
          },
        ],
      },
    ],
  },
  portalMenu: [
    {
      key: 'customers',
      path: '/customers',
      label: { 'zh-CN': '客户管理', 'en-US': 'Customers' },
      icon: TeamOutlined,
      order: 50,
    },
  ],
  consoleMenu: [
    {
      key: 'customers',
      path: '/console/customers',
      label: { 'zh-CN': '客户', 'en-US': 'Customers' },
      icon: TeamOutlined,
      order: 30,
    },
  ],
  customerMenu: [
    {
      key: 'account',
      path: '/customer',
      label: { 'zh-CN': '我的账号', 'en-US': 'My account' },
      icon: UserOutlined,
      order: 10,
    },
  ],
  strings: {
    'en-US': () => import('./customers.en-US.ts').then((m) => m.customersEnUS),
    'zh-CN': () => import('./customers.zh-CN.ts').then((m) => m.customersZhCN),
  },
});

/** The customer area's frame, loaded on demand (other features render their customer pages in it). */
export const loadCustomerLayout = () => import('./customer-area/customer-layout.tsx');
