import { AuditOutlined } from '@ant-design/icons';
import { defineFeature, lazyComponent, lazyPage } from '../../platform/feature.ts';

/** The audit log, and each partner's history tab. */
export const audit = defineFeature({
  name: 'audit',
  routes: {
    console: [{ path: 'audit', ...lazyPage(() => import('./audit-page.tsx'), 'AuditPage') }],
  },
  consoleMenu: [
    {
      key: 'audit',
      path: '/console/audit',
      label: { 'zh-CN': '审计日志', 'en-US': 'Audit log' },
      icon: AuditOutlined,
      order: 70,
    },
  ],
  partnerTabs: [
    {
      key: 'history',
      label: { 'zh-CN': '审计日志', 'en-US': 'Audit log' },
      order: 20,
      component: lazyComponent(() => import('./history-tab.tsx'), 'HistoryTab'),
    },
  ],
});
