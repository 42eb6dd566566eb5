import { AppstoreOutlined } from '@ant-design/icons';
import { defineFeature, lazyComponent, lazyPage } from '../../platform/feature.ts';

/** Programme memberships: the partner's applications and the console's review queue. */
export const memberships = defineFeature({
  name: 'memberships',
  routes: {
    portal: [{ path: 'memberships', ...lazyPage(() => import('./memberships-page.tsx'), 'MembershipsPage') }],
    console: [
      {
        path: 'memberships',
        ...lazyPage(() => import('./membership-queue-page.tsx'), 'MembershipQueuePage'),
      },
    ],
  },
  portalMenu: [
    {
      key: 'memberships',
      path: '/memberships',
      label: { 'zh-CN': '合作计划', 'en-US': 'Programs' },
      icon: AppstoreOutlined,
      order: 30,
    },
  ],
  consoleMenu: [
    {
      key: 'memberships',
      path: '/console/memberships',
      label: { 'zh-CN': '计划申请', 'en-US': 'Program applications' },
      icon: AppstoreOutlined,
      order: 50,
      visible: (me) => me.roles.some((r) => ['admin', 'reviewer', 'ecosystem_manager'].includes(r)),
    },
  ],
  partnerTabs: [
    {
      key: 'memberships',
      label: { 'zh-CN': '合作计划', 'en-US': 'Programs' },
      order: 10,
      component: lazyComponent(() => import('./partner-memberships-tab.tsx'), 'PartnerMembershipsTab'),
    },
  ],
  strings: {
    'en-US': () => import('./memberships.en-US.ts').then((m) => m.membershipsEnUS),
    'zh-CN': () => import('./memberships.zh-CN.ts').then((m) => m.membershipsZhCN),
  },
});
