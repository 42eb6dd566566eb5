import { defineModule } from '../../platform/module.ts';
import { seedDemoSubscriptions } from './subscriptions.demo.ts';
import { SubscriptionsCbcErrors, SubscriptionsErrors } from './subscriptions.errors.ts';
import { subscriptionsJobs } from './subscriptions.jobs.ts';
import { subscriptionsRoutes } from './subscriptions.routes.ts';
import { subscriptionsTemplates } from './subscriptions.templates.ts';
import { subscriptionsV2Routes, subscriptionsV3Routes } from './subscriptions.v2.routes.ts';

/**
 * Subscriptions (R15): customers' yearly/monthly and pay-per-use resources, the catalogue, quotes,
 * renewals, auto-renewal, change to pay-per-use, unsubscribe with refunds, and the lifecycle
 * (reminders, auto-renewal, retention, release). What other modules may use:
 * - `renewalList(ctx, scope, query)` with `portalScope` / `apiScope`: resources as the pages show them;
 * - `runLifecycle(ctx)`: one lifecycle pass (the job runs it every minute).
 */
export { runLifecycle, type SweepResult } from './lifecycle.service.ts';
export { apiScope, portalScope, type ResourceView, renewalList, type Scope } from './resources.service.ts';

/** The subscriptions module's manifest; other modules import only this file. */
export const subscriptionsModule = defineModule({
  name: 'subscriptions',
  routes: [subscriptionsRoutes],
  partnerApiRoutes: [subscriptionsV2Routes],
  partnerApiV3Routes: [subscriptionsV3Routes],
  jobs: subscriptionsJobs,
  templates: subscriptionsTemplates,
  errors: { ...SubscriptionsErrors, ...SubscriptionsCbcErrors },
  demo: seedDemoSubscriptions,
  tenancy: { partnerOnly: [/^\/api\/renewals/, /^\/api\/purchase/] },
});
