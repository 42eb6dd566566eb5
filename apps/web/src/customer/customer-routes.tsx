import type { RouteObject } from 'react-router';

/** The customer's public pages (inside the public frame): sign-up, also for partner redirects, and invitations. */
export const customerPublicRoutes: RouteObject[] = [
  {
    path: 'customer/sign-up',
    lazy: async () => ({ Component: (await import('./sign-up-page.tsx')).CustomerSignUpPage }),
  },
  {
    path: 'customer/invitation',
    lazy: async () => ({ Component: (await import('./invitation-page.tsx')).CustomerInvitationPage }),
  },
];

/** The signed-in customer's own area. */
export const customerAreaRoute: RouteObject = {
  path: '/customer',
  lazy: async () => ({ Component: (await import('./customer-layout.tsx')).CustomerLayout }),
  children: [
    {
      index: true,
      lazy: async () => ({ Component: (await import('./account-page.tsx')).CustomerAccountPage }),
    },
  ],
};
