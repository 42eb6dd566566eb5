import type { OperatorRole, PartnerRole } from '../../platform/http/auth.ts';

/** Only the partner's administrators manage members, invitations and read everyone's qualifications. */
export const ORGANIZATION_MANAGER_ROLES: readonly PartnerRole[] = ['admin'];

/** Operators who read a partner's organization on its detail page. */
export const ORGANIZATION_READER_ROLES: readonly OperatorRole[] = [
  'ecosystem_manager',
  'reviewer',
  'support',
  'finance',
  'admin',
];
