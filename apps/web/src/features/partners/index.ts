import { ShopOutlined } from '@ant-design/icons';
import { defineFeature, lazyPage } from '../../platform/feature.ts';

/** Partner registrations and the console's partner detail page (its tabs come from every feature). */
export const partners = defineFeature({
  name: 'partners',
  // The partner detail page's header reads the memberships texts.
  uses: ['memberships'],
  routes: {
    console: [
      { path: 'registrations', ...lazyPage(() => import('./registrations-page.tsx'), 'RegistrationsPage') },
      {
        path: 'partners/:partnerId',
        ...lazyPage(() => import('./partner-detail-page.tsx'), 'PartnerDetailPage'),
      },
    ],
  },
  consoleMenu: [
    {
      key: 'registrations',
      path: '/console/registrations',
      label: { 'zh-CN': '注册记录', 'en-US': 'Registrations' },
      icon: ShopOutlined,
      order: 20,
    },
  ],
});
