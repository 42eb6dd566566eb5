import type { OperatorRole } from '../../platform/http/auth.ts';

/** Operators who may send spend and run imports (`admin` may anyway). */
export const SPEND_ROLES: readonly OperatorRole[] = ['finance', 'admin'];
