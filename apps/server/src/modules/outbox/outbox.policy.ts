import type { OperatorRole } from '../../platform/http/auth.ts';

/** Message contents include one-time codes: only support (and admin, who may do everything). */
export const OUTBOX_ROLES: readonly OperatorRole[] = ['support', 'admin'];
