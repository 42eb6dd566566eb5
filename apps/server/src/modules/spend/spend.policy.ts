import type { OperatorRole } from '../../plugins/auth.ts';

/** Operators who may send spend and run imports (`admin` may anyway). */
export const SPEND_ROLES: readonly OperatorRole[] = ['finance', 'admin'];
