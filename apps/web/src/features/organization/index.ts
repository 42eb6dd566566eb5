import { UsergroupAddOutlined } from '@ant-design/icons';
import { defineFeature, lazyComponent, lazyPage } from '../../platform/feature.ts';

/** The partner's members, invitations and qualifications. */
export const organization = defineFeature({
  name: 'organization',
  routes: {
    public: [
      {
        path: 'invitations/accept',
        ...lazyPage(() => import('./accept-invitation-page.tsx'), 'AcceptInvitationPage'),
      },
    ],
    portal: [
      { path: 'organization', ...lazyPage(() => import('./organization-page.tsx'), 'OrganizationPage') },
      { path: 'organization/:tab', ...lazyPage(() => import('./organization-page.tsx'), 'OrganizationPage') },
    ],
  },
  portalMenu: [
    {
      key: 'organization',
      path: '/organization',
      label: { 'zh-CN': '组织管理', 'en-US': 'Organization' },
      icon: UsergroupAddOutlined,
      order: 40,
    },
  ],
  partnerTabs: [
    {
      key: 'organization',
      label: { 'zh-CN': '组织成员', 'en-US': 'Organization' },
      order: 40,
      component: lazyComponent(() => import('./partner-organization-tab.tsx'), 'PartnerOrganizationTab'),
    },
  ],
  strings: {
    'en-US': () => import('./organization.en-US.ts').then((m) => m.organizationEnUS),
    'zh-CN': () => import('./organization.zh-CN.ts').then((m) => m.organizationZhCN),
  },
});
