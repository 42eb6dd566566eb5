import type { PartnerRole } from '../../platform/http/auth.ts';

/** Partner users who read their customers' bills and download the reconciliation export. */
export const BILL_ROLES: readonly PartnerRole[] = ['admin', 'member'];
