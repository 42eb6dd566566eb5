import { z } from 'zod';
import { EVENT_TYPES } from './events.types.ts';

const id = z.string().min(1).max(64);
export const idParams = z.strictObject({ id });

const eventType = z.enum(EVENT_TYPES);
const url = z.string().trim().min(1).max(2000);

export const endpoint = z.object({
  id: z.string(),
  url: z.string(),
  description: z.string().nullable(),
  /** Empty: every event type. */
  eventTypes: z.array(z.string()),
  status: z.enum(['active', 'disabled']),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export const endpointWithSecret = endpoint.extend({
  /** Shown once: keep it to verify `X-PC-Signature`. */
  secret: z.string(),
});
export const endpointList = z.object({
  items: z.array(endpoint),
  /** Every event type an endpoint can subscribe to. */
  eventTypes: z.array(z.string()),
  maxEndpoints: z.number().int(),
});

export const createEndpointBody = z.strictObject({
  url,
  description: z.string().trim().max(200).nullish(),
  eventTypes: z.array(eventType).max(EVENT_TYPES.length).default([]),
});
export const changeEndpointBody = z.strictObject({
  description: z.string().trim().max(200).nullish(),
  eventTypes: z.array(eventType).max(EVENT_TYPES.length).optional(),
  status: z.enum(['active', 'disabled']).optional(),
});

const deliveryKind = z.enum(['webhook', 'bind_callback']);
const deliveryStatus = z.enum(['pending', 'succeeded', 'failed']);

export const deliveryListQuery = z.strictObject({
  kind: deliveryKind.optional(),
  status: deliveryStatus.optional(),
  endpointId: id.optional(),
  eventId: id.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(200).optional(),
});

export const delivery = z.object({
  id: z.string(),
  kind: deliveryKind,
  endpointId: z.string().nullable(),
  eventId: z.string().nullable(),
  eventType: z.string().nullable(),
  url: z.string(),
  status: deliveryStatus,
  attempts: z.number().int(),
  nextAttemptAt: z.string().nullable(),
  lastStatusCode: z.number().int().nullable(),
  lastError: z.string().nullable(),
  replayOf: z.string().nullable(),
  createdAt: z.string(),
  deliveredAt: z.string().nullable(),
});
export const deliveryPage = z.object({ items: z.array(delivery), nextCursor: z.string().nullable() });

export const deliveryAttempt = z.object({
  id: z.string(),
  attemptedAt: z.string(),
  statusCode: z.number().int().nullable(),
  error: z.string().nullable(),
  durationMs: z.number().int(),
  /** The first 2 KB of the answer. */
  responseBody: z.string().nullable(),
});
export const deliveryDetail = delivery.extend({
  contentType: z.string(),
  /** The exact body sent (JSON for webhooks, the form for bind callbacks). */
  payload: z.string(),
  attemptList: z.array(deliveryAttempt),
});

export const integration = z.object({
  xaccountType: z.string().nullable(),
  bindNotifyUrl: z.string().nullable(),
  updatedAt: z.string().nullable(),
  /** Where the platform certificate (PEM) is published. */
  certificateUrl: z.string(),
  sigAlg: z.string(),
});
export const integrationBody = z.strictObject({
  xaccountType: z.string().trim().max(64).nullish(),
  bindNotifyUrl: url.nullish(),
});
