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
      labelKey: 'nav.businessInfo',
      group: 'partner-info',
      order: 20,
    },
  ],
  consoleMenu: [
    {
      key: 'certifications',
      path: '/console/certifications',
      labelKey: 'certification.console.nav',
      icon: IdcardOutlined,
      order: 40,
    },
  ],
  partnerTabs: [
    {
      key: 'certification',
      labelKey: 'certification.console.partnerTab',
      order: 60,
      component: lazyComponent(() => import('./partner-certification-tab.tsx'), 'PartnerCertificationTab'),
    },
  ],
  strings: {
    'en-US': () => import('./certification.en-US.ts').then((m) => m.certificationEnUS),
    'zh-CN': () => import('./certification.zh-CN.ts').then((m) => m.certificationZhCN),
  },
});
