import { GiftOutlined, PayCircleOutlined } from '@ant-design/icons';
import { defineFeature, lazyPage } from '../../platform/feature.ts';

/** Menu entries whose capability a later issue builds; each page says so. Remove an entry when its feature arrives. */
export const placeholders = defineFeature({
  name: 'placeholders',
  routes: {
    portal: [
      { path: 'benefits', ...lazyPage(() => import('./coming-soon-pages.tsx'), 'BenefitsPage') },
      { path: 'billing', ...lazyPage(() => import('./coming-soon-pages.tsx'), 'BillingPage') },
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
    {
      key: 'billing',
      path: '/billing',
      label: { 'zh-CN': '费用中心', 'en-US': 'Billing' },
      icon: PayCircleOutlined,
      order: 70,
    },
  ],
});
