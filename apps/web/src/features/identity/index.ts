import { defineFeature, lazyPage } from '../../platform/feature.ts';

/** Sign-in, sign-up and e-mail confirmation, the partner's own profile, the console's sign-in. */
export const identity = defineFeature({
  name: 'identity',
  routes: {
    public: [
      { path: 'sign-in', ...lazyPage(() => import('./sign-in-page.tsx'), 'SignInPage') },
      { path: 'sign-up', ...lazyPage(() => import('./sign-up-page.tsx'), 'SignUpPage') },
      { path: 'sign-up/confirm', ...lazyPage(() => import('./confirm-email-page.tsx'), 'ConfirmEmailPage') },
    ],
    portal: [
      { path: 'partner-info/basic', ...lazyPage(() => import('./basic-info-page.tsx'), 'BasicInfoPage') },
      {
        path: 'partner-info/basic/profile',
        ...lazyPage(() => import('./basic-info-page.tsx'), 'BasicInfoPage'),
      },
    ],
    root: [
      {
        path: '/console/sign-in',
        ...lazyPage(() => import('./console-sign-in-page.tsx'), 'ConsoleSignInPage'),
      },
    ],
  },
  portalMenu: [
    {
      key: 'basic-info',
      path: '/partner-info/basic',
      label: { 'zh-CN': '基本信息', 'en-US': 'Basic info' },
      group: 'partner-info',
      order: 10,
    },
  ],
});
