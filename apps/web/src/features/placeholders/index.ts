import { PayCircleOutlined } from '@ant-design/icons';
import { defineFeature, lazyPage } from '../../platform/feature.ts';

/** Menu entries whose capability a later issue builds; each page says so. Remove an entry when its feature arrives. */
export const placeholders = defineFeature({
  name: 'placeholders',
  routes: {
    portal: [{ path: 'billing', ...lazyPage(() => import('./coming-soon-pages.tsx'), 'BillingPage') }],
  },
  portalMenu: [
    {
      key: 'billing',
      path: '/billing',
      label: { 'zh-CN': '费用中心', 'en-US': 'Billing' },
      icon: PayCircleOutlined,
      order: 70,
    },
  ],
});
