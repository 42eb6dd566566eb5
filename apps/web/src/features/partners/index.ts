import { ShopOutlined, TeamOutlined } from '@ant-design/icons';
import { defineFeature, lazyPage } from '../../platform/feature.ts';

/** The partner directory, registrations and the console's partner detail page (its tabs come from every feature). */
export const partners = defineFeature({
  name: 'partners',
  // Program names and the partner detail page's header come from the memberships texts.
  uses: ['memberships'],
  routes: {
    console: [
      { path: 'partners', ...lazyPage(() => import('./partner-directory-page.tsx'), 'PartnerDirectoryPage') },
      { path: 'registrations', ...lazyPage(() => import('./registrations-page.tsx'), 'RegistrationsPage') },
      {
        path: 'partners/:partnerId',
        ...lazyPage(() => import('./partner-detail-page.tsx'), 'PartnerDetailPage'),
      },
    ],
  },
  consoleMenu: [
    {
      key: 'partners',
      path: '/console/partners',
      label: { 'zh-CN': '伙伴目录', 'en-US': 'Partner directory' },
      icon: TeamOutlined,
      order: 15,
    },
    {
      key: 'registrations',
      path: '/console/registrations',
      label: { 'zh-CN': '注册记录', 'en-US': 'Registrations' },
      icon: ShopOutlined,
      order: 20,
    },
  ],
  strings: {
    'en-US': () => import('./partners.en-US.ts').then((m) => m.partnersEnUS),
    'zh-CN': () => import('./partners.zh-CN.ts').then((m) => m.partnersZhCN),
  },
});
