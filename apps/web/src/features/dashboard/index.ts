import { DashboardOutlined } from '@ant-design/icons';
import { defineFeature, lazyPage } from '../../platform/feature.ts';

/** The first page after sign-in, in the portal and in the console. */
export const dashboard = defineFeature({
  name: 'dashboard',
  // The portal dashboard shows the certification and certificate cards.
  uses: ['certification', 'certificates'],
  routes: {
    portal: [{ path: 'dashboard', ...lazyPage(() => import('./dashboard-page.tsx'), 'DashboardPage') }],
    console: [
      { index: true, ...lazyPage(() => import('./console-dashboard-page.tsx'), 'ConsoleDashboardPage') },
    ],
  },
  portalMenu: [
    {
      key: 'dashboard',
      path: '/dashboard',
      label: { 'zh-CN': '总览', 'en-US': 'Overview' },
      icon: DashboardOutlined,
      order: 10,
    },
  ],
  consoleMenu: [
    {
      key: 'dashboard',
      path: '/console',
      label: { 'zh-CN': '工作台', 'en-US': 'Dashboard' },
      icon: DashboardOutlined,
      order: 10,
    },
  ],
});
