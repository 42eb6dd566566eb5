import { IdcardOutlined } from '@ant-design/icons';
import { defineFeature, lazyComponent, lazyPage } from '../../platform/feature.ts';

/** Enterprise certification: the partner's business information and the console's review. */
export const certification = defineFeature({
  name: 'certification',
  routes: {
    portal: [
      {
        path: 'partner-info/business',
        ...lazyPage(() => import('./business-info-page.tsx'), 'BusinessInfoPage'),
      },
    ],
    console: [
      {
        path: 'certifications',
        ...lazyPage(() => import('./certification-queue-page.tsx'), 'CertificationQueuePage'),
      },
      {
        path: 'certifications/:id',
        ...lazyPage(() => import('./certification-review-page.tsx'), 'CertificationReviewPage'),
      },
    ],
  },
  portalMenu: [
    {
      key: 'business-info',
      path: '/partner-info/business',
      label: { 'zh-CN': '商业信息', 'en-US': 'Business info' },
      group: 'partner-info',
      order: 20,
    },
  ],
  consoleMenu: [
    {
      key: 'certifications',
      path: '/console/certifications',
      label: { 'zh-CN': '认证审核', 'en-US': 'Certifications' },
      icon: IdcardOutlined,
      order: 40,
    },
  ],
  partnerTabs: [
    {
      key: 'certification',
      label: { 'zh-CN': '认证', 'en-US': 'Certification' },
      order: 60,
      component: lazyComponent(() => import('./partner-certification-tab.tsx'), 'PartnerCertificationTab'),
    },
  ],
  strings: {
    'en-US': () => import('./certification.en-US.ts').then((m) => m.certificationEnUS),
    'zh-CN': () => import('./certification.zh-CN.ts').then((m) => m.certificationZhCN),
  },
});

/** What other features may use: the dashboard's card. */
/** The dashboard's certification card, loaded with the page that shows it. */
export const CertificationCard = lazyComponent(() => import('./certification-card.tsx'), 'CertificationCard');
