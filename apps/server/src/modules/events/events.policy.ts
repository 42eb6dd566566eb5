import type { PartnerRole } from '../../platform/http/auth.ts';

/** Webhooks, deliveries and integration settings: partner administrators only (as API keys). */
export const DEVELOPER_ADMIN_ROLES: readonly PartnerRole[] = ['admin'];
