import { bigint, index, pgTable, text } from 'drizzle-orm/pg-core';
import { ts } from './common.ts';
import { users } from './identity.ts';

/**
 * A user's TOTP second factor (RFC 6238). The secret is sealed with the server secret; it counts
 * only once `confirmedAt` is set (the user typed a code from the app). `lastStep` is the newest
 * time step accepted, so a code is never accepted twice.
 */
export const userTotp = pgTable('user_totp', {
  userId: text('user_id')
    .primaryKey()
    .references(() => users.id),
  secretSealed: text('secret_sealed').notNull(),
  confirmedAt: ts('confirmed_at'),
  lastStep: bigint('last_step', { mode: 'number' }),
  createdAt: ts('created_at').notNull(),
  updatedAt: ts('updated_at').notNull(),
});

/** One-time recovery codes of a second factor; only a keyed hash is stored, each usable once. */
export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    codeHash: text('code_hash').notNull(),
    createdAt: ts('created_at').notNull(),
    usedAt: ts('used_at'),
  },
  (t) => [index('recovery_codes_user_idx').on(t.userId)],
);
