import { integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { ts } from './common.ts';

/**
 * Abuse limits shared by every server process: one counter per (key, fixed window). A key names
 * what is limited and whose, e.g. `sign-up:ip:203.0.113.7`. Old windows are pruned.
 */
export const rateLimits = pgTable(
  'rate_limits',
  {
    key: text('key').notNull(),
    windowStart: ts('window_start').notNull(),
    hits: integer('hits').notNull(),
    expiresAt: ts('expires_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.key, t.windowStart] })],
);
