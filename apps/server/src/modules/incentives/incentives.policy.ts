import type { OperatorRole } from '../../platform/http/auth.ts';

/** Who sees incentive policies, runs, notices and disputes in the console (operator admin always may). */
export const VIEW_ROLES: readonly OperatorRole[] = ['ecosystem_manager', 'finance', 'reviewer', 'support'];
/** Who defines policies. */
export const POLICY_ROLES: readonly OperatorRole[] = ['ecosystem_manager'];
/** Who starts, reruns and cancels settlement runs and issues adjustments. */
export const SETTLE_ROLES: readonly OperatorRole[] = ['finance'];
