import { DashboardOutlined } from '@ant-design/icons';
import { defineFeature, lazyPage } from '../../platform/feature.ts';

/** The first page after sign-in, in the portal and in the console. */
export const dashboard = defineFeature({
  name: 'dashboard',
  routes: {
    portal: [{ path: 'dashboard', ...lazyPage(() => import('./dashboard-page.tsx'), 'DashboardPage') }],
    console: [
      { index: true, ...lazyPage(() => import('./console-dashboard-page.tsx'), 'ConsoleDashboardPage') },
    ],
  },
  portalMenu: [
    { key: 'dashboard', path: '/dashboard', labelKey: 'nav.dashboard', icon: DashboardOutlined, order: 10 },
  ],
  consoleMenu: [
    {
      key: 'dashboard',
      path: '/console',
      labelKey: 'console.nav.dashboard',
      icon: DashboardOutlined,
      order: 10,
    },
  ],
});
