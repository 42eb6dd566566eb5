import type { Me } from './api/types.ts';

/** Mirrors the server's rule: outbox for admin and support; the `admin` role may do everything. */
export function canSeeOutbox(me: Me): boolean {
  return me.roles.includes('admin') || me.roles.includes('support');
}

/** Mirrors the tickets policy: support, admin, and ecosystem managers (read-only) see the queue. */
export function canSeeTickets(me: Me): boolean {
  return ['admin', 'support', 'ecosystem_manager'].some((r) => me.roles.includes(r));
}
