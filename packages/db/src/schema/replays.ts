import { bigint, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { ts } from './common.ts';

/**
 * Partner API replay cache: a signed write seen again with the same signature inside the
 * signature's validity window gets the first answer back instead of running again. In the database,
 * so every server process sees it. `status` is null while the first request is still running.
 */
export const apiReplays = pgTable('api_replays', {
  /** The request's SDK-HMAC-SHA256 signature (hex); it covers method, path, query, body, time and key. */
  signature: text('signature').primaryKey(),
  accessKey: text('access_key').notNull(),
  status: integer('status'),
  contentType: text('content_type'),
  body: text('body'),
  createdAt: ts('created_at').notNull(),
  expiresAt: ts('expires_at').notNull(),
});

/**
 * Partner API flow control shared by every server process on PostgreSQL: calls counted per (access
 * key, operation) and one-second window of the app clock. Rows older than a few seconds are pruned.
 * Unlogged (migration 0023, hand-written: drizzle does not model it): no write-ahead log for counts.
 */
export const apiFlowCounts = pgTable(
  'api_flow_counts',
  {
    /** `<access key> <method> <route>`. */
    bucket: text('bucket').notNull(),
    /** Unix second of the window. */
    second: bigint('second', { mode: 'number' }).notNull(),
    calls: integer('calls').notNull(),
  },
  (t) => [primaryKey({ columns: [t.bucket, t.second] })],
);
