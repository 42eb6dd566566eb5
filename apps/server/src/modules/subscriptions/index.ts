/**
 * Subscriptions (R15): customers' yearly/monthly and pay-per-use resources, the catalogue, quotes,
 * renewals, auto-renewal, change to pay-per-use, unsubscribe with refunds, and the lifecycle
 * (reminders, auto-renewal, retention, release). What other modules may use:
 * - `renewalList(ctx, scope, query)` with `portalScope` / `apiScope`: resources as the pages show them;
 * - `runLifecycle(ctx)`: one lifecycle pass (the job runs it every minute).
 */
export { runLifecycle, type SweepResult } from './lifecycle.service.ts';
export { apiScope, portalScope, type ResourceView, renewalList, type Scope } from './resources.service.ts';
export { subscriptionsJobs } from './subscriptions.jobs.ts';
export { subscriptionsRoutes } from './subscriptions.routes.ts';
