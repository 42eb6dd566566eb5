import { SafetyCertificateOutlined } from '@ant-design/icons';
import { defineFeature, lazyComponent, lazyPage } from '../../platform/feature.ts';
import { canSeeCertificateReviews } from './roles.ts';

/** The partner's certificate and the console's certificate reviews. */
export const certificates = defineFeature({
  name: 'certificates',
  routes: {
    portal: [
      {
        path: 'partner-info/certificate',
        ...lazyPage(() => import('./certificate-page.tsx'), 'CertificatePage'),
      },
    ],
    console: [
      {
        path: 'certificate-reviews',
        ...lazyPage(() => import('./review-queue-page.tsx'), 'ReviewQueuePage'),
      },
    ],
  },
  portalMenu: [
    {
      key: 'certificate',
      path: '/partner-info/certificate',
      label: { 'zh-CN': '伙伴身份证书', 'en-US': 'Partner certificate' },
      group: 'partner-info',
      order: 30,
    },
  ],
  consoleMenu: [
    {
      key: 'certificate-reviews',
      path: '/console/certificate-reviews',
      label: { 'zh-CN': '证书年度复核', 'en-US': 'Certificate reviews' },
      icon: SafetyCertificateOutlined,
      order: 100,
      visible: canSeeCertificateReviews,
    },
  ],
  partnerTabs: [
    {
      key: 'certificate',
      label: { 'zh-CN': '伙伴证书', 'en-US': 'Certificate' },
      order: 50,
      component: lazyComponent(() => import('./certificate-tab.tsx'), 'CertificateTab'),
    },
  ],
  strings: {
    'en-US': () => import('./certificates.en-US.ts').then((m) => m.certificatesEnUS),
    'zh-CN': () => import('./certificates.zh-CN.ts').then((m) => m.certificatesZhCN),
  },
});

/** What other features may use: the dashboard's card. */
/** The dashboard's certificate card, loaded with the page that shows it. */
export const CertificateSummaryCard = lazyComponent(
  () => import('./certificate-summary-card.tsx'),
  'CertificateSummaryCard',
);
