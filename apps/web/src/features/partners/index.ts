import { ShopOutlined } from '@ant-design/icons';
import { defineFeature, lazyPage } from '../../platform/feature.ts';

/** Partner registrations and the console's partner detail page (its tabs come from every feature). */
export const partners = defineFeature({
  name: 'partners',
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
      labelKey: 'console.nav.registrations',
      icon: ShopOutlined,
      order: 20,
    },
  ],
});
