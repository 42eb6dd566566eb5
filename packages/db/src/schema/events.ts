import { bigserial, index, integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { ts } from './common.ts';
import { partners } from './partners.ts';

/** A partner's webhook endpoint; payloads are signed with its secret (sealed with the server key). */
export const webhookEndpoints = pgTable(
  'webhook_endpoints',
  {
    id: text('id').primaryKey(),
    partnerId: text('partner_id')
      .notNull()
      .references(() => partners.id),
    url: text('url').notNull(),
    description: text('description'),
    secretSealed: text('secret_sealed').notNull(),
    /** Event types subscribed to; empty means all. */
    eventTypes: text('event_types').array().notNull(),
    /** `active` | `disabled`. */
    status: text('status').notNull(),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [index('webhook_endpoints_partner_idx').on(t.partnerId)],
);

/**
 * A domain event for one partner (customer, association, budget threshold …), written in the same
 * transaction as the change. `seq` orders events; delivery keeps that order per (endpoint, customer).
 */
export const events = pgTable(
  'events',
  {
    seq: bigserial('seq', { mode: 'number' }).primaryKey(),
    id: text('id').notNull().unique(),
    partnerId: text('partner_id')
      .notNull()
      .references(() => partners.id),
    /** Ordering key: the customer the event is about (or the partner id for partner-wide events). */
    subjectId: text('subject_id').notNull(),
    type: text('type').notNull(),
    data: jsonb('data').notNull(),
    occurredAt: ts('occurred_at').notNull(),
  },
  (t) => [index('events_partner_idx').on(t.partnerId, t.seq)],
);

/**
 * One outgoing HTTP delivery: an event to a webhook endpoint (`kind` = `webhook`) or a redirect
 * sign-up's `bindRequest` to the partner's notification URL (`kind` = `bind_callback`). Retried with
 * backoff for at least 3 days; `status`: `pending` → `succeeded` | `failed` (gave up).
 */
export const deliveries = pgTable(
  'deliveries',
  {
    id: text('id').primaryKey(),
    kind: text('kind').notNull(),
    partnerId: text('partner_id')
      .notNull()
      .references(() => partners.id),
    endpointId: text('endpoint_id'),
    eventSeq: integer('event_seq'),
    eventId: text('event_id'),
    /** Deliveries with the same key go out one at a time, in `eventSeq` order. */
    orderingKey: text('ordering_key').notNull(),
    url: text('url').notNull(),
    /** The exact body sent (JSON for webhooks, the form for callbacks), so a replay is identical. */
    payload: text('payload').notNull(),
    contentType: text('content_type').notNull(),
    status: text('status').notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: ts('next_attempt_at'),
    lastStatusCode: integer('last_status_code'),
    lastError: text('last_error'),
    replayOf: text('replay_of'),
    createdAt: ts('created_at').notNull(),
    deliveredAt: ts('delivered_at'),
  },
  (t) => [
    index('deliveries_partner_idx').on(t.partnerId, t.createdAt),
    index('deliveries_due_idx').on(t.status, t.nextAttemptAt),
    index('deliveries_ordering_idx').on(t.orderingKey, t.status, t.eventSeq),
  ],
);

/** Every HTTP attempt of a delivery, shown to the partner. */
export const deliveryAttempts = pgTable(
  'delivery_attempts',
  {
    id: text('id').primaryKey(),
    deliveryId: text('delivery_id')
      .notNull()
      .references(() => deliveries.id),
    attemptedAt: ts('attempted_at').notNull(),
    statusCode: integer('status_code'),
    error: text('error'),
    durationMs: integer('duration_ms').notNull(),
    responseBody: text('response_body'),
  },
  (t) => [index('delivery_attempts_delivery_idx').on(t.deliveryId, t.attemptedAt)],
);
