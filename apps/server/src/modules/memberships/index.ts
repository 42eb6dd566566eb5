import { defineModule } from '../../platform/module.ts';
import { seedDemoMemberships } from './memberships.demo.ts';
import { MembershipErrors } from './memberships.errors.ts';
import { membershipsJobs } from './memberships.jobs.ts';
import { membershipsRoutes } from './memberships.routes.ts';
import { membershipsTemplates } from './memberships.templates.ts';
import { resellersV2Routes } from './memberships.v2.routes.ts';
import { membershipsConsoleRoutes } from './memberships-console.routes.ts';

/** The memberships module's manifest; other modules import only this file. */
export const membershipsModule = defineModule({
  name: 'memberships',
  partnerTabs: [{ key: 'memberships' }],
  routes: [membershipsRoutes],
  consoleRoutes: [membershipsConsoleRoutes],
  partnerApiRoutes: [resellersV2Routes],
  jobs: membershipsJobs,
  templates: membershipsTemplates,
  errors: MembershipErrors,
  demo: seedDemoMemberships,
  tenancy: { partnerOnly: [/^\/api\/memberships/] },
});

// What other modules may use (the only way in).
export { activeDistributorIdOf, activeResellerIdsOf } from './hierarchy.service.ts';
export { managerContact } from './managers.service.ts';
export type { ChannelTier, PartnerKind } from './memberships.directory.ts';
export {
  CHANNEL_TIERS,
  inProgramSql,
  ofKindSql,
  ofTierSql,
  PARTNER_KINDS,
  tierOf,
} from './memberships.directory.ts';
export { notifyPartnerAdmins } from './memberships.notify.ts';
export { activeProgramsOf, partnersInProgramAt } from './memberships.repository.ts';
export { partnerAccountName } from './memberships.v2.service.ts';
export { applicationsQueue, pendingInvitationsOf } from './memberships.work-queue.ts';
export {
  addSpendPerformance,
  annualPerformanceOf,
  distributorsAt,
  distributorsDuring,
} from './performance.service.ts';
