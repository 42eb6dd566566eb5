import { pgTable, text } from 'drizzle-orm/pg-core';
import { ts } from './common.ts';

/**
 * One row per cron slot that was enqueued. The key (`name:2026-12-01T00:00+08:00`) is the primary
 * key, so two scheduler processes racing for the same slot cannot both enqueue it. The queue itself
 * (pg-boss) keeps its tables in its own `pgboss` schema.
 */
export const jobSlots = pgTable('job_slots', {
  key: text('key').primaryKey(),
  name: text('name').notNull(),
  slotAt: ts('slot_at').notNull(),
  jobId: text('job_id'),
  enqueuedAt: ts('enqueued_at').notNull(),
});
