import { SendOutlined } from '@ant-design/icons';
import { defineFeature, lazyPage } from '../../platform/feature.ts';
import { canSeeOutbox } from '../../platform/roles.ts';

/** The notification outbox: what was sent, to whom, and what failed. */
export const outbox = defineFeature({
  name: 'outbox',
  routes: {
    console: [{ path: 'outbox', ...lazyPage(() => import('./outbox-page.tsx'), 'OutboxPage') }],
  },
  consoleMenu: [
    {
      key: 'outbox',
      path: '/console/outbox',
      label: { 'zh-CN': '发件记录', 'en-US': 'Outbox' },
      icon: SendOutlined,
      order: 80,
      visible: canSeeOutbox,
    },
  ],
});
