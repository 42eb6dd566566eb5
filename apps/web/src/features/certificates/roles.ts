import type { Me } from '../../platform/api/types.ts';

/** Mirrors the server: reviewers, ecosystem managers and support see reviews; `admin` may do everything. */
export function canSeeCertificateReviews(me: Me): boolean {
  return ['admin', 'reviewer', 'ecosystem_manager', 'support'].some((r) => me.roles.includes(r));
}
