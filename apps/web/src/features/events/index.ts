import { defineFeature, lazyPage } from '../../platform/feature.ts';

/** Event subscriptions: webhooks, deliveries and the event integration guide. */
export const events = defineFeature({
  name: 'events',
  routes: {
    portal: [
      { path: 'developer/webhooks', ...lazyPage(() => import('./webhooks-page.tsx'), 'WebhooksPage') },
      { path: 'developer/deliveries', ...lazyPage(() => import('./deliveries-page.tsx'), 'DeliveriesPage') },
      {
        path: 'developer/integration',
        ...lazyPage(() => import('./integration-page.tsx'), 'IntegrationPage'),
      },
    ],
  },
  portalMenu: [
    {
      key: 'developer-webhooks',
      path: '/developer/webhooks',
      label: { 'zh-CN': 'Webhook', 'en-US': 'Webhooks' },
      group: 'developer',
      order: 30,
    },
    {
      key: 'developer-deliveries',
      path: '/developer/deliveries',
      label: { 'zh-CN': '投递记录', 'en-US': 'Deliveries' },
      group: 'developer',
      order: 40,
    },
    {
      key: 'developer-integration',
      path: '/developer/integration',
      label: { 'zh-CN': '集成设置', 'en-US': 'Integration' },
      group: 'developer',
      order: 50,
    },
  ],
  strings: {
    'en-US': () => import('./events.en-US.ts').then((m) => m.eventsEnUS),
    'zh-CN': () => import('./events.zh-CN.ts').then((m) => m.eventsZhCN),
  },
});
