import { index, integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { ts } from './common.ts';

/**
 * One row per message per channel: the delivery record. The idempotency key (`key:channel`) makes a
 * retried call find the row it already wrote instead of sending again.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: text('id').primaryKey(),
    idempotencyKey: text('idempotency_key').notNull().unique(),
    /** `email` | `sms` | `in_app`. */
    channel: text('channel').notNull(),
    template: text('template').notNull(),
    locale: text('locale').notNull(),
    /** Email address, phone number or user id. */
    recipient: text('recipient').notNull(),
    userId: text('user_id'),
    partnerId: text('partner_id'),
    subject: text('subject'),
    body: text('body').notNull(),
    data: jsonb('data'),
    /** `pending` | `sending` | `retrying` | `sent` | `recorded` | `delivered` (in-app, or an SMS report) | `undelivered` (SMS report) | `failed`. */
    status: text('status').notNull(),
    attempts: integer('attempts').notNull().default(0),
    provider: text('provider'),
    providerId: text('provider_id'),
    lastError: text('last_error'),
    createdAt: ts('created_at').notNull(),
    /** When a delivery attempt took the row; a stale claim (crashed worker) may be taken again. */
    claimedAt: ts('claimed_at'),
    sentAt: ts('sent_at'),
  },
  (t) => [
    index('notifications_recipient_idx').on(t.recipient, t.createdAt),
    index('notifications_channel_idx').on(t.channel, t.createdAt),
    index('notifications_created_idx').on(t.createdAt),
  ],
);

/** The in-app message centre. */
export const inAppMessages = pgTable(
  'in_app_messages',
  {
    id: text('id').primaryKey(),
    userId: text('user_id').notNull(),
    notificationId: text('notification_id').unique(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    link: text('link'),
    createdAt: ts('created_at').notNull(),
    readAt: ts('read_at'),
  },
  (t) => [index('in_app_messages_user_idx').on(t.userId, t.createdAt)],
);
