import type { OperatorRole } from '../../platform/http/auth.ts';

/** Who sees the VAT rates in the console (the operator admin always may). */
export const VIEW_ROLES: readonly OperatorRole[] = ['finance', 'reviewer', 'ecosystem_manager'];
/** Who adds effective-dated rates. */
export const EDIT_ROLES: readonly OperatorRole[] = ['finance'];
