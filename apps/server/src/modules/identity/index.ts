import { defineModule } from '../../platform/module.ts';
import { seedDemoUsers } from './identity.demo.ts';
import { IdentityErrors } from './identity.errors.ts';
import { identityJobs } from './identity.jobs.ts';
import { identityRoutes } from './identity.routes.ts';
import { identityTemplates } from './identity.templates.ts';
import { meRoutes } from './me.routes.ts';
import { RecoveryErrors } from './recovery.errors.ts';
import { recoveryRoutes } from './recovery.routes.ts';
import { recoveryTemplates } from './recovery.templates.ts';
import { registrationsConsoleRoutes } from './registrations.console.routes.ts';
import { securityRoutes } from './security.routes.ts';
import { loadSession } from './sessions.service.ts';

/** The identity module's manifest; other modules import only this file. */
export const identityModule = defineModule({
  name: 'identity',
  routes: [identityRoutes, meRoutes, recoveryRoutes, securityRoutes],
  consoleRoutes: [registrationsConsoleRoutes],
  jobs: identityJobs,
  templates: { ...identityTemplates, ...recoveryTemplates },
  errors: { ...IdentityErrors, ...RecoveryErrors },
  demo: seedDemoUsers,
  hooks: { resolveSession: loadSession },
  tenancy: { public: [/^\/api\/auth\//] },
});

// What other modules may use (the only way in).
export { parseUserLocale } from './auth.service.ts';
export { enforceCodeLimits } from './code-limits.ts';
export { issueCode, sendCustomerSignupCode, sendWaitSeconds, useSignupCode } from './codes.service.ts';
export { DEMO_CUSTOMER_USER, DEMO_PASSWORD } from './identity.demo-users.ts';
export { findUserByEmail, findUserByPhone } from './identity.repository.ts';
export { localeSchema, meSchema } from './identity.schemas.ts';
export { meOf } from './me.service.ts';
export type { OperatorAccount } from './operator-accounts.service.ts';
export {
  findOperator,
  listOperatorAccounts,
  lockActiveAdmins,
  setOperatorRoles,
  setOperatorStatus,
} from './operator-accounts.service.ts';
export { type AdminNotice, adminNotices, notifyPartnerAdmins } from './partner-admin-notices.ts';
export {
  findPartnerUser,
  listPartnerUsers,
  pageActivePartnerUsers,
  setPartnerUserRoles,
  setPartnerUserStatus,
  userWithEmail,
} from './partner-users.service.ts';
export { hashPassword, isStrongPassword } from './passwords.ts';
export { nationalMobile, phoneSchema, toE164 } from './phone.ts';
export { normalizeEmail, normalizePhone, safeEqual, sha256 } from './secrets.ts';
export type { NewSession } from './sessions.service.ts';
export { openSession } from './sessions.service.ts';
export { tellPhoneInUse } from './sign-up-contacts.ts';
/** The sign-in code step's ticket: operators made elsewhere (invitations) enrol through it. */
export { issueTicket } from './totp.service.ts';
export type { UserRow } from './users.service.ts';
export {
  adminsOfPartners,
  createUser,
  operatorsWithRoles,
  partnerAdmins,
  userIdsMatchingSql,
  usersByIds,
} from './users.service.ts';
