import type { PartnerRole } from '../../platform/http/auth.ts';

/** Partner users who read and change their customers' budgets and recipients. */
export const BUDGET_ROLES: readonly PartnerRole[] = ['admin', 'member'];
