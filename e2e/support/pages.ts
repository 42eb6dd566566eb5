// Every routed page of the web app, once: the screenshot test photographs each, the accessibility test
// runs axe on each (both languages). `e2e/pages.e2e.ts` fails when the web app has a route that is
// neither here nor in SKIPPED, so a new page cannot be forgotten. One entry per line.

import { demoHistoryStart } from '../../apps/server/src/platform/clock/demo-history.ts';
import type { Feature } from '../../apps/web/src/platform/feature.ts';

/** Who looks at the page: a visitor, the partner administrator, the operator administrator, a customer. */
export type Area = 'public' | 'portal' | 'console' | 'customer';
export const AREAS: Record<Area, string> = {
  public: 'public pages',
  portal: 'partner portal',
  console: 'operator console',
  customer: 'customer area',
};

export interface PageEntry {
  area: Area;
  /** The route as the web app declares it (absolute, `:param`s as in the route). */
  route: string;
  /** The address visited when not `route`; `{name}` is an id looked up in `beforeAll` (see `ids`). */
  path?: string;
  /** The screenshot's file name (screenshots/<lang>/<name>.png). */
  name: string;
  /** An element (test id) that is there once the page has loaded its data; else the page's h1. */
  ready?: string;
  /** Also kept in the repository as docs/screenshots/<name>-<lang>.png (UPDATE_DOCS_SCREENSHOTS=1). */
  docs?: boolean;
}

// biome-ignore format: one entry per line, so parallel changes merge line by line
export const PAGES: PageEntry[] = [
  { area: 'public', route: '/', name: 'portal-home', ready: 'home-register' },
  { area: 'public', route: '/programs', name: 'portal-programs', ready: 'program-card-solution_provider' },
  { area: 'public', route: '/programs/:code', path: '/programs/solution_provider', name: 'portal-program-solution-provider', ready: 'program-requirements' },
  { area: 'public', route: '/forgot-password', name: 'portal-forgot-password', ready: 'forgot-email' },
  { area: 'public', route: '/reset-password', path: '/reset-password?email=a%40b.test', name: 'portal-reset-password', ready: 'reset-email' },
  { area: 'public', route: '/sign-up', name: 'portal-sign-up', ready: 'signup-company-name' },
  { area: 'public', route: '/sign-up/confirm', path: '/sign-up/confirm?email=a%40b.test', name: 'portal-sign-up-confirm' },
  { area: 'public', route: '/invitations/accept', path: '/invitations/accept?token=not-a-token', name: 'portal-accept-invitation' },
  { area: 'public', route: '/invoice-list/:token', path: '/invoice-list/not-a-token', name: 'portal-invoice-list' },
  { area: 'public', route: '/customer/sign-up', name: 'customer-sign-up' },
  { area: 'public', route: '/customer/invitation', path: '/customer/invitation?token=not-a-token', name: 'customer-invitation' },
  { area: 'public', route: '/console/accept-invitation', path: '/console/accept-invitation?token=not-a-token', name: 'console-accept-invitation' },
  { area: 'public', route: '*', path: '/no-such-page', name: 'not-found' },
  { area: 'public', route: '/sign-in', name: 'portal-sign-in', ready: 'signin-email' },
  { area: 'public', route: '/console/sign-in', name: 'console-sign-in', ready: 'signin-email' },
  { area: 'portal', route: '/dashboard', name: 'portal-dashboard', ready: 'dashboard-performance-chart', docs: true },
  { area: 'portal', route: '/security', name: 'portal-security', ready: 'session-current' },
  { area: 'portal', route: '/partner-info/basic', name: 'portal-basic-info', ready: 'tab-company' },
  { area: 'portal', route: '/partner-info/basic/profile', name: 'portal-profile', ready: 'profile-name' },
  { area: 'portal', route: '/partner-info/business', name: 'portal-business-info' },
  { area: 'portal', route: '/partner-info/certificate', name: 'portal-certificate' },
  { area: 'portal', route: '/organization', name: 'portal-organization' },
  { area: 'portal', route: '/organization/:tab', path: '/organization/invitations', name: 'portal-organization-invitations' },
  { area: 'portal', route: '/memberships', name: 'portal-memberships' },
  { area: 'portal', route: '/messages', name: 'portal-messages', ready: 'messages-list' },
  { area: 'portal', route: '/customers', name: 'portal-customers', ready: 'cust-keyword' },
  { area: 'portal', route: '/customers/:customerId', path: '/customers/{customer}', name: 'portal-customer-detail' },
  { area: 'portal', route: '/customers/:customerId/budget', path: '/customers/{customer}/budget', name: 'portal-customer-budget' },
  { area: 'portal', route: '/bills', name: 'portal-bills', ready: 'bills-table' },
  { area: 'portal', route: '/bills/:customerId', path: '/bills/cus_demo_c1', name: 'portal-customer-bill', ready: 'fee-records' },
  { area: 'portal', route: '/invoicing', name: 'portal-invoicing' },
  { area: 'portal', route: '/invoicing/notices/:id', path: '/invoicing/notices/{invoicingNotice}', name: 'portal-invoicing-notice' },
  { area: 'portal', route: '/benefits', name: 'portal-benefits' },
  { area: 'portal', route: '/benefits/payment-applications', name: 'portal-payment-applications' },
  { area: 'portal', route: '/benefits/policies', name: 'portal-benefit-policies' },
  { area: 'portal', route: '/benefits/incentives/:id', path: '/benefits/incentives/{incentiveNotice}', name: 'portal-incentive-notice' },
  { area: 'portal', route: '/renewals', name: 'portal-renewals' },
  { area: 'portal', route: '/orders', name: 'portal-orders' },
  { area: 'portal', route: '/purchase', name: 'portal-purchase' },
  { area: 'portal', route: '/support', name: 'portal-support' },
  { area: 'portal', route: '/support/new', name: 'portal-new-ticket' },
  { area: 'portal', route: '/support/tickets/:id', path: '/support/tickets/tkt_demo_open', name: 'portal-ticket' },
  { area: 'portal', route: '/developer/keys', name: 'portal-developer-keys', ready: 'keys-domain-id' },
  { area: 'portal', route: '/developer/sdk', name: 'portal-developer-sdk', ready: 'sdk-endpoint' },
  { area: 'portal', route: '/developer/webhooks', name: 'portal-developer-webhooks', ready: 'webhook-create' },
  { area: 'portal', route: '/developer/deliveries', name: 'portal-developer-deliveries', ready: 'deliveries-kind' },
  { area: 'portal', route: '/developer/integration', name: 'portal-developer-integration', ready: 'integration-bind-url' },
  { area: 'console', route: '/console', name: 'console-dashboard', ready: 'work-queue-certifications', docs: true },
  { area: 'console', route: '/console/security', name: 'console-security', ready: 'session-current' },
  { area: 'console', route: '/console/registrations', name: 'console-registrations', ready: 'registration-row' },
  { area: 'console', route: '/console/partners/:partnerId', path: '/console/partners/prt_demo_solution', name: 'console-partner' },
  { area: 'console', route: '/console/certifications', name: 'console-certifications' },
  { area: 'console', route: '/console/certifications/:id', path: '/console/certifications/{certification}', name: 'console-certification' },
  { area: 'console', route: '/console/certificate-reviews', name: 'console-certificate-reviews' },
  { area: 'console', route: '/console/memberships', name: 'console-memberships' },
  { area: 'console', route: '/console/customers', name: 'console-customers' },
  { area: 'console', route: '/console/invoicing', name: 'console-invoicing' },
  { area: 'console', route: '/console/incentives', name: 'console-incentives' },
  { area: 'console', route: '/console/payment-applications', name: 'console-payment-applications' },
  { area: 'console', route: '/console/incentive-policies', name: 'console-incentive-policies' },
  { area: 'console', route: '/console/incentive-policies/new', name: 'console-incentive-policy-new' },
  { area: 'console', route: '/console/incentive-policies/:id/versions/new', path: '/console/incentive-policies/{policy}/versions/new', name: 'console-incentive-policy-version' },
  { area: 'console', route: '/console/catalogue', name: 'console-catalogue' },
  { area: 'console', route: '/console/coupons', name: 'console-coupons', ready: 'coupons-table' },
  { area: 'console', route: '/console/tickets', name: 'console-tickets' },
  { area: 'console', route: '/console/tickets/:id', path: '/console/tickets/tkt_demo_open', name: 'console-ticket' },
  { area: 'console', route: '/console/holidays', name: 'console-holidays' },
  { area: 'console', route: '/console/messages', name: 'console-messages' },
  { area: 'console', route: '/console/partners', name: 'console-partners', ready: 'directory-row' },
  { area: 'console', route: '/console/audit', name: 'console-audit', ready: 'audit-row' },
  { area: 'console', route: '/console/outbox', name: 'console-outbox', ready: 'outbox-table' },
  { area: 'console', route: '/console/spend', name: 'console-spend-import', ready: 'spend-choose' },
  { area: 'console', route: '/console/operators', name: 'console-operators' },
  { area: 'customer', route: '/customer', name: 'customer-account' },
  { area: 'customer', route: '/customer/renewals', name: 'customer-renewals' },
  { area: 'customer', route: '/customer/orders', name: 'customer-orders' },
  { area: 'customer', route: '/customer/purchase', name: 'customer-purchase' },
  { area: 'customer', route: '/customer/security', name: 'customer-security', ready: 'session-current' },
];

/** Routes no entry visits, each with the reason (the route test accepts these). */
export const SKIPPED: Record<string, string> = {
  // A redirect to /developer/keys, not a page.
  '/developer': 'redirects to /developer/keys',
  // Deep links into list pages that are visited: the id only opens one bill in them.
  '/invoicing/bills/:id': 'the /invoicing page with a bill opened',
  '/console/countersign/:id': 'the /console/invoicing page with a bill opened',
  // Need a sign-in step in the navigation state; checked in passing while signing in (accessibility test).
  '/sign-in/verify': 'the same page as /console/sign-in/verify, which the operator sign-in passes through',
  '/console/sign-in/verify': 'checked during the operator sign-in of the accessibility test',
};

/**
 * Pages the demo data cannot open yet (no record to show), each with the reason: the screenshot test
 * leaves them out and the accessibility test expects their "no id" finding, so the list can only shrink.
 */
export const NO_DEMO_DATA: Record<string, string> = demoHistoryStart(new Date())
  ? {}
  : {
      // The demo settles last month for the solution provider, except in January (that month is of
      // the previous year, whose certificates end this 31 January).
      '/benefits/incentives/:id': 'no demo incentive notice in January',
    };

/** The address of an entry, with its `{name}` placeholders filled from `ids`. */
export function pathOf(entry: PageEntry, ids: Record<string, string> = {}): string {
  return (entry.path ?? entry.route).replace(/\{(\w+)\}/g, (_, k: string) => {
    const id = ids[k];
    if (!id) throw new Error(`${entry.name}: no id for {${k}}`);
    return encodeURIComponent(id);
  });
}

type RouteLike = { path?: string; index?: boolean; children?: RouteLike[] };
const join = (base: string, path: string) =>
  path.startsWith('/') ? path : `${base === '/' ? '' : base}/${path}`;

/** The web app's page routes (leaf routes, absolute, no trailing slash) from its features' route lists. */
export function appRoutes(features: readonly Feature[]): string[] {
  const out = new Set<string>(['*']); // the router's not-found page
  const walk = (base: string, routes: readonly RouteLike[]) => {
    for (const r of routes) {
      const here = r.index || r.path === undefined ? base : join(base, r.path);
      if (r.children?.length) walk(here, r.children);
      else out.add(here.length > 1 ? here.replace(/\/$/, '') : here);
    }
  };
  for (const f of features) {
    walk('/', f.routes?.public ?? []);
    walk('/', f.routes?.portal ?? []);
    walk('/console', f.routes?.console ?? []);
    walk('/', f.routes?.root ?? []);
  }
  return [...out].sort();
}
