import { AccountBookOutlined, GiftOutlined, TrophyOutlined } from '@ant-design/icons';
import { defineFeature, lazyPage } from '../../platform/feature.ts';
import { canSeeApplications, canSeeIncentives } from './roles.ts';

/** Benefits (R5 performance, R14 notices, R19 payment applications) and their console queues. */
export const incentives = defineFeature({
  name: 'incentives',
  routes: {
    portal: [
      { path: 'benefits', ...lazyPage(() => import('./benefits-page.tsx'), 'BenefitsPage') },
      {
        path: 'benefits/payment-applications',
        ...lazyPage(() => import('./benefits-page.tsx'), 'BenefitsPage'),
      },
      { path: 'benefits/policies', ...lazyPage(() => import('./benefits-page.tsx'), 'BenefitsPage') },
      { path: 'benefits/incentives/:id', ...lazyPage(() => import('./notice-page.tsx'), 'NoticePage') },
    ],
    console: [
      {
        path: 'incentives',
        ...lazyPage(() => import('./console-incentives-page.tsx'), 'ConsoleIncentivesPage'),
      },
      {
        path: 'payment-applications',
        ...lazyPage(() => import('./console-payments-page.tsx'), 'ConsolePaymentsPage'),
      },
    ],
  },
  portalMenu: [
    {
      key: 'benefits',
      path: '/benefits',
      label: { 'zh-CN': '伙伴权益', 'en-US': 'Benefits' },
      icon: GiftOutlined,
      order: 60,
    },
  ],
  consoleMenu: [
    {
      key: 'incentives',
      path: '/console/incentives',
      label: { 'zh-CN': '激励管理', 'en-US': 'Incentives' },
      icon: TrophyOutlined,
      order: 120,
      visible: canSeeIncentives,
    },
    {
      key: 'payment-applications',
      path: '/console/payment-applications',
      label: { 'zh-CN': '付款申请', 'en-US': 'Payment applications' },
      icon: AccountBookOutlined,
      order: 121,
      visible: canSeeApplications,
    },
  ],
  strings: {
    'en-US': () => import('./incentives.en-US.ts').then((m) => m.incentivesEnUS),
    'zh-CN': () => import('./incentives.zh-CN.ts').then((m) => m.incentivesZhCN),
  },
});
