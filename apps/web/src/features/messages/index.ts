import { MailOutlined } from '@ant-design/icons';
import { defineFeature, lazyPage } from '../../platform/feature.ts';

/** In-app messages (the bell in the header is part of the shell). */
export const messages = defineFeature({
  name: 'messages',
  routes: {
    portal: [{ path: 'messages', ...lazyPage(() => import('./messages-page.tsx'), 'MessagesPage') }],
    console: [{ path: 'messages', ...lazyPage(() => import('./messages-page.tsx'), 'MessagesPage') }],
  },
  portalMenu: [
    {
      key: 'messages',
      path: '/messages',
      label: { 'zh-CN': '消息中心', 'en-US': 'Messages' },
      order: 1000,
      hidden: true,
    },
  ],
  consoleMenu: [
    {
      key: 'messages',
      path: '/console/messages',
      label: { 'zh-CN': '消息中心', 'en-US': 'Messages' },
      icon: MailOutlined,
      order: 120,
    },
  ],
});
