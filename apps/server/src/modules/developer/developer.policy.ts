import type { PartnerRole } from '../../platform/http/auth.ts';

/** Only a partner's administrators see and manage its API keys (R16); members are refused. */
export const KEY_MANAGER_ROLES: readonly PartnerRole[] = ['admin'];

/** Keys a partner may hold at once, active or disabled. */
export const MAX_KEYS_PER_PARTNER = 20;

/** How long the secret replaced by a rotation still verifies signatures. */
export const PREVIOUS_SECRET_TTL_MS = 24 * 60 * 60 * 1000;

/** `last_used_at` is refreshed at most this often per key. */
export const LAST_USED_RESOLUTION_MS = 60 * 1000;
