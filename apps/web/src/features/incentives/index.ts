import { AccountBookOutlined, GiftOutlined, ProfileOutlined, TrophyOutlined } from '@ant-design/icons';
import { defineFeature, lazyPage } from '../../platform/feature.ts';
import { canSeeApplications, canSeeIncentives, canSeePolicies } from './roles.ts';

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
      {
        path: 'incentive-policies',
        ...lazyPage(() => import('./console-policies-page.tsx'), 'ConsolePoliciesPage'),
      },
      {
        path: 'incentive-policies/new',
        ...lazyPage(() => import('./console-policies-page.tsx'), 'PolicyFormPage'),
      },
      {
        path: 'incentive-policies/:id/versions/new',
        ...lazyPage(() => import('./console-policies-page.tsx'), 'PolicyFormPage'),
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
    {
      key: 'incentive-policies',
      path: '/console/incentive-policies',
      label: { 'zh-CN': '激励政策', 'en-US': 'Incentive policies' },
      icon: ProfileOutlined,
      order: 122,
      visible: canSeePolicies,
    },
  ],
  strings: {
    'en-US': () => import('./incentives.en-US.ts').then((m) => m.incentivesEnUS),
    'zh-CN': () => import('./incentives.zh-CN.ts').then((m) => m.incentivesZhCN),
  },
});
