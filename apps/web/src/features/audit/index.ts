import { AuditOutlined } from '@ant-design/icons';
import { defineFeature, lazyComponent, lazyPage } from '../../platform/feature.ts';

/** The audit log, and each partner's history tab. */
export const audit = defineFeature({
  name: 'audit',
  routes: {
    console: [{ path: 'audit', ...lazyPage(() => import('./audit-page.tsx'), 'AuditPage') }],
  },
  consoleMenu: [
    { key: 'audit', path: '/console/audit', labelKey: 'console.nav.audit', icon: AuditOutlined, order: 70 },
  ],
  partnerTabs: [
    {
      key: 'history',
      labelKey: 'console.audit.title',
      order: 20,
      component: lazyComponent(() => import('./history-tab.tsx'), 'HistoryTab'),
    },
  ],
});
