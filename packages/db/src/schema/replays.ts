import { integer, pgTable, text } from 'drizzle-orm/pg-core';
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
