import { createElement } from 'react';
import { Navigate } from 'react-router';
import { defineFeature, lazyPage } from '../../platform/feature.ts';

/** Partner API keys and the SDK centre. */
export const developer = defineFeature({
  name: 'developer',
  routes: {
    portal: [
      { path: 'developer', element: createElement(Navigate, { to: '/developer/keys', replace: true }) },
      { path: 'developer/keys', ...lazyPage(() => import('./keys-page.tsx'), 'KeysPage') },
      { path: 'developer/sdk', ...lazyPage(() => import('./sdk-centre-page.tsx'), 'SdkCentrePage') },
    ],
  },
  portalMenu: [
    {
      key: 'developer-keys',
      path: '/developer/keys',
      label: { 'zh-CN': '访问密钥', 'en-US': 'API keys' },
      group: 'developer',
      order: 10,
    },
    {
      key: 'developer-sdk',
      path: '/developer/sdk',
      label: { 'zh-CN': 'SDK 中心', 'en-US': 'SDK centre' },
      group: 'developer',
      order: 20,
    },
  ],
  strings: {
    'en-US': () => import('./developer.en-US.ts').then((m) => m.developerEnUS),
    'zh-CN': () => import('./developer.zh-CN.ts').then((m) => m.developerZhCN),
  },
});
