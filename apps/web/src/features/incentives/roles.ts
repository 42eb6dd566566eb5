import type { Me } from '../../platform/api/types.ts';

// Who sees the console's incentive pages: kept apart from incentives-api.ts so the menu, which loads
// with every page, does not pull in the API hooks.
export const canSeeIncentives = (me: Me) =>
  ['admin', 'finance', 'ecosystem_manager', 'reviewer', 'support'].some((r) => me.roles.includes(r));
export const canSeeApplications = (me: Me) =>
  ['admin', 'finance', 'ecosystem_manager', 'reviewer'].some((r) => me.roles.includes(r));
/** Who defines incentive policies (ecosystem managers; administrators see everything). */
export const canSeePolicies = (me: Me) => ['admin', 'ecosystem_manager'].some((r) => me.roles.includes(r));
