import type { OperatorRole } from '../../platform/http/auth.ts';

/** Who sees certificates and reviews in the console (the operator admin always may). */
export const VIEW_ROLES: readonly OperatorRole[] = ['reviewer', 'ecosystem_manager', 'support'];
/** Who approves and rejects annual reviews. */
export const DECIDE_ROLES: readonly OperatorRole[] = ['reviewer'];
