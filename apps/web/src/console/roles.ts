import type { Me } from '../api/types.ts';

/** Mirrors the server's rule: outbox for admin and support; the `admin` role may do everything. */
export function canSeeOutbox(me: Me): boolean {
  return me.roles.includes('admin') || me.roles.includes('support');
}
