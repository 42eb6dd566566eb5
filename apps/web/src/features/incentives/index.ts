import { AccountBookOutlined, GiftOutlined, TrophyOutlined } from '@ant-design/icons';
import { defineFeature, lazyPage } from '../../platform/feature.ts';
import { canSeeApplications, canSeeIncentives } from './incentives-api.ts';

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
    { key: 'benefits', path: '/benefits', labelKey: 'incentives.nav', icon: GiftOutlined, order: 60 },
  ],
  consoleMenu: [
    {
      key: 'incentives',
      path: '/console/incentives',
      labelKey: 'incentives.console.nav',
      icon: TrophyOutlined,
      order: 120,
      visible: canSeeIncentives,
    },
    {
      key: 'payment-applications',
      path: '/console/payment-applications',
      labelKey: 'incentives.console.paymentsNav',
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
