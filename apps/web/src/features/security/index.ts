import { SafetyOutlined } from '@ant-design/icons';
import { defineFeature, lazyPage } from '../../platform/feature.ts';
import { loadCustomerLayout } from '../customers/index.ts';

/**
 * Forgotten passwords, the sign-in code step (and operators' enrolment), the security page of the
 * portal, the console and the customer area.
 */
export const security = defineFeature({
  name: 'security',
  // The customer area's frame (customers feature) wraps the customer's security page.
  uses: ['customers'],
  routes: {
    public: [
      {
        path: 'forgot-password',
        ...lazyPage(() => import('./forgot-password-page.tsx'), 'ForgotPasswordPage'),
      },
      { path: 'reset-password', ...lazyPage(() => import('./reset-password-page.tsx'), 'ResetPasswordPage') },
      { path: 'sign-in/verify', ...lazyPage(() => import('./verify-page.tsx'), 'PortalVerifyPage') },
    ],
    portal: [{ path: 'security', ...lazyPage(() => import('./security-page.tsx'), 'SecurityPage') }],
    console: [{ path: 'security', ...lazyPage(() => import('./security-page.tsx'), 'SecurityPage') }],
    root: [
      {
        path: '/customer/security',
        ...lazyPage(loadCustomerLayout, 'CustomerLayout'),
        children: [{ index: true, ...lazyPage(() => import('./security-page.tsx'), 'SecurityPage') }],
      },
      {
        path: '/console/sign-in/verify',
        ...lazyPage(() => import('./verify-page.tsx'), 'ConsoleVerifyPage'),
      },
    ],
  },
  portalMenu: [
    {
      key: 'security',
      path: '/security',
      label: { 'zh-CN': '安全设置', 'en-US': 'Security' },
      group: 'partner-info',
      order: 15,
    },
  ],
  consoleMenu: [
    {
      key: 'security',
      path: '/console/security',
      label: { 'zh-CN': '安全设置', 'en-US': 'Security' },
      order: 200,
    },
  ],
  customerMenu: [
    {
      key: 'security',
      path: '/customer/security',
      label: { 'zh-CN': '安全设置', 'en-US': 'Security' },
      icon: SafetyOutlined,
      order: 90,
    },
  ],
  strings: {
    'en-US': () => import('./security.en-US.ts').then((m) => m.securityEnUS),
    'zh-CN': () => import('./security.zh-CN.ts').then((m) => m.securityZhCN),
  },
});
