import type { ComponentType } from 'react';
import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import { FullPageSpin } from './components/full-page-spin.tsx';
import { NotFoundPage, RouteError } from './components/route-error.tsx';
import { customerAreaRoute, customerPublicRoutes } from './customer/customer-routes.tsx';
import { HomePage } from './portal/home-page.tsx';
import { PublicLayout } from './portal/public-layout.tsx';

/** A route whose page is loaded on first visit, so each area ships in its own chunk. */
function lazyPage(load: () => Promise<ComponentType>): Pick<RouteObject, 'lazy'> {
  return { lazy: async () => ({ Component: await load() }) };
}

type PortalPages = typeof import('./portal/portal-pages.ts');
type ConsolePages = typeof import('./console/console-pages.ts');
// The signed-in portal and the console are each one chunk: visitors of the public pages load neither.
const portal = <K extends keyof PortalPages>(name: K) =>
  import('./portal/portal-pages.ts').then((m): ComponentType => m[name]);
const consolePage = <K extends keyof ConsolePages>(name: K) =>
  import('./console/console-pages.ts').then((m): ComponentType => m[name]);

export const router = createBrowserRouter([
  {
    errorElement: <RouteError />,
    // Shown while the first page's code loads.
    HydrateFallback: FullPageSpin,
    children: [
      {
        path: '/',
        Component: PublicLayout,
        children: [
          { index: true, Component: HomePage },
          {
            path: 'programs',
            ...lazyPage(() => import('./portal/programs-page.tsx').then((m) => m.ProgramsPage)),
          },
          {
            path: 'programs/:code',
            ...lazyPage(() => import('./portal/program-page.tsx').then((m) => m.ProgramPage)),
          },
          {
            path: 'sign-in',
            ...lazyPage(() => import('./portal/sign-in-page.tsx').then((m) => m.SignInPage)),
          },
          {
            path: 'sign-up',
            ...lazyPage(() => import('./portal/sign-up-page.tsx').then((m) => m.SignUpPage)),
          },
          {
            path: 'invitations/accept',
            ...lazyPage(() =>
              import('./portal/organization/accept-invitation-page.tsx').then((m) => m.AcceptInvitationPage),
            ),
          },
          ...customerPublicRoutes,
          {
            path: 'sign-up/confirm',
            ...lazyPage(() => import('./portal/confirm-email-page.tsx').then((m) => m.ConfirmEmailPage)),
          },
        ],
      },
      {
        path: '/',
        ...lazyPage(() => portal('PortalLayout')),
        children: [
          { path: 'dashboard', ...lazyPage(() => portal('DashboardPage')) },
          { path: 'partner-info/basic', ...lazyPage(() => portal('BasicInfoPage')) },
          { path: 'partner-info/basic/profile', ...lazyPage(() => portal('BasicInfoPage')) },
          { path: 'partner-info/business', ...lazyPage(() => portal('BusinessInfoPage')) },
          { path: 'partner-info/certificate', ...lazyPage(() => portal('CertificatePage')) },
          { path: 'memberships', ...lazyPage(() => portal('MembershipsPage')) },
          { path: 'organization', ...lazyPage(() => portal('OrganizationPage')) },
          { path: 'organization/:tab', ...lazyPage(() => portal('OrganizationPage')) },
          { path: 'customers', ...lazyPage(() => portal('CustomersPage')) },
          { path: 'customers/:customerId', ...lazyPage(() => portal('CustomerDetailPage')) },
          { path: 'customers/:customerId/budget', ...lazyPage(() => portal('BudgetPage')) },
          { path: 'benefits', ...lazyPage(() => portal('BenefitsPage')) },
          { path: 'billing', ...lazyPage(() => portal('BillingPage')) },
          { path: 'support', ...lazyPage(() => portal('SupportPage')) },
          { path: 'support/new', ...lazyPage(() => portal('NewTicketPage')) },
          { path: 'support/tickets/:id', ...lazyPage(() => portal('TicketDetailPage')) },
          { path: 'developer', element: <Navigate to="/developer/keys" replace /> },
          { path: 'developer/keys', ...lazyPage(() => portal('KeysPage')) },
          { path: 'developer/sdk', ...lazyPage(() => portal('SdkCentrePage')) },
          { path: 'developer/webhooks', ...lazyPage(() => portal('WebhooksPage')) },
          { path: 'developer/deliveries', ...lazyPage(() => portal('DeliveriesPage')) },
          { path: 'developer/integration', ...lazyPage(() => portal('IntegrationPage')) },
          { path: 'messages', ...lazyPage(() => portal('PortalMessagesPage')) },
        ],
      },
      customerAreaRoute,
      { path: '/console/sign-in', ...lazyPage(() => consolePage('ConsoleSignInPage')) },
      {
        path: '/console',
        ...lazyPage(() => consolePage('ConsoleLayout')),
        children: [
          { index: true, ...lazyPage(() => consolePage('ConsoleDashboardPage')) },
          { path: 'registrations', ...lazyPage(() => consolePage('RegistrationsPage')) },
          { path: 'customers', ...lazyPage(() => consolePage('ConsoleCustomersPage')) },
          { path: 'spend', ...lazyPage(() => consolePage('SpendImportPage')) },
          { path: 'certifications', ...lazyPage(() => consolePage('CertificationQueuePage')) },
          { path: 'certifications/:id', ...lazyPage(() => consolePage('CertificationReviewPage')) },
          { path: 'memberships', ...lazyPage(() => consolePage('MembershipQueuePage')) },
          { path: 'partners/:partnerId', ...lazyPage(() => consolePage('PartnerDetailPage')) },
          { path: 'audit', ...lazyPage(() => consolePage('AuditPage')) },
          { path: 'outbox', ...lazyPage(() => consolePage('OutboxPage')) },
          { path: 'messages', ...lazyPage(() => consolePage('ConsoleMessagesPage')) },
          { path: 'tickets', ...lazyPage(() => consolePage('TicketQueuePage')) },
          { path: 'tickets/:id', ...lazyPage(() => consolePage('ConsoleTicketPage')) },
          { path: 'holidays', ...lazyPage(() => consolePage('HolidaysPage')) },
          { path: 'certificate-reviews', ...lazyPage(() => consolePage('ReviewQueuePage')) },
        ],
      },
      { path: '*', Component: NotFoundPage },
    ],
  },
]);
