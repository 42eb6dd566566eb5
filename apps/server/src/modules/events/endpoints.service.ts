import './events.errors.ts';
import type { Actor, AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors/errors.ts';
import { newId } from '../../platform/ids/ids.ts';
import { openSecret, sealSecret } from '../../platform/seal/seal.ts';
import {
  deleteEndpoint,
  type EndpointRow,
  findEndpoint,
  insertEndpoint,
  listEndpoints,
  updateEndpoint,
} from './events.repository.ts';
import type { EventType } from './events.types.ts';
import { newWebhookSecret } from './webhook-signature.ts';

const SEAL_PURPOSE = 'webhook-secret';
export const MAX_ENDPOINTS = 10;

export function openEndpointSecret(ctx: AppContext, endpoint: EndpointRow): string {
  return openSecret(ctx.config.secretKey, SEAL_PURPOSE, endpoint.id, endpoint.secretSealed);
}

function sealFor(ctx: AppContext, endpointId: string, secret: string): string {
  return sealSecret(ctx.config.secretKey, SEAL_PURPOSE, endpointId, secret);
}

/** https only, except plain http to this machine (local receivers in development and tests). */
export function assertCallbackUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new AppError('events.invalid_url');
  }
  const local = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local))
    throw new AppError('events.invalid_url');
  if (url.username || url.password || url.hash) throw new AppError('events.invalid_url');
  return url.toString();
}

/** What the portal shows of an endpoint (never the secret). */
export function endpointView(row: EndpointRow) {
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    eventTypes: row.eventTypes,
    status: row.status as 'active' | 'disabled',
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

const audited = (row: EndpointRow) => ({
  url: row.url,
  description: row.description,
  eventTypes: row.eventTypes,
  status: row.status,
});

export async function listPartnerEndpoints(ctx: AppContext, partnerId: string) {
  return (await listEndpoints(ctx.db, partnerId)).map(endpointView);
}

async function ownEndpoint(ctx: AppContext, partnerId: string, id: string): Promise<EndpointRow> {
  const row = await findEndpoint(ctx.db, id, partnerId);
  if (!row) throw new AppError('events.endpoint_not_found');
  return row;
}

export interface NewEndpoint {
  url: string;
  description?: string | null;
  eventTypes: EventType[];
}

/** Creates an endpoint; the returned secret is shown once and then only kept sealed. */
export async function createEndpoint(
  ctx: AppContext,
  actor: Actor & { partnerId: string },
  input: NewEndpoint,
) {
  const url = assertCallbackUrl(input.url);
  const now = ctx.clock.now();
  const id = newId('whe', now.getTime());
  const secret = newWebhookSecret();
  return ctx.db.transaction(async (tx) => {
    if ((await listEndpoints(tx, actor.partnerId)).length >= MAX_ENDPOINTS)
      throw new AppError('events.endpoint_limit', { max: MAX_ENDPOINTS });
    const row = await insertEndpoint(tx, {
      id,
      partnerId: actor.partnerId,
      url,
      description: input.description ?? null,
      secretSealed: sealFor(ctx, id, secret),
      eventTypes: [...new Set(input.eventTypes)],
      status: 'active',
      createdAt: now,
      updatedAt: now,
    });
    await ctx.audit.record(tx, actor, {
      action: 'webhook_endpoint.created',
      entityType: 'webhook_endpoint',
      entityId: id,
      partnerId: actor.partnerId,
      after: audited(row),
    });
    return { ...endpointView(row), secret };
  });
}

export interface EndpointPatch {
  description?: string | null;
  eventTypes?: EventType[];
  status?: 'active' | 'disabled';
}

export async function changeEndpoint(
  ctx: AppContext,
  actor: Actor & { partnerId: string },
  id: string,
  patch: EndpointPatch,
) {
  const before = await ownEndpoint(ctx, actor.partnerId, id);
  return ctx.db.transaction(async (tx) => {
    const row = await updateEndpoint(tx, id, {
      ...(patch.description !== undefined ? { description: patch.description } : {}),
      ...(patch.eventTypes ? { eventTypes: [...new Set(patch.eventTypes)] } : {}),
      ...(patch.status ? { status: patch.status } : {}),
      updatedAt: ctx.clock.now(),
    });
    if (!row) throw new AppError('events.endpoint_not_found');
    await ctx.audit.record(tx, actor, {
      action: 'webhook_endpoint.updated',
      entityType: 'webhook_endpoint',
      entityId: id,
      partnerId: actor.partnerId,
      before: audited(before),
      after: audited(row),
    });
    return endpointView(row);
  });
}

/** A new secret, effective at once for every later attempt (also of pending deliveries). */
export async function rotateEndpointSecret(
  ctx: AppContext,
  actor: Actor & { partnerId: string },
  id: string,
) {
  await ownEndpoint(ctx, actor.partnerId, id);
  const secret = newWebhookSecret();
  return ctx.db.transaction(async (tx) => {
    const row = await updateEndpoint(tx, id, {
      secretSealed: sealFor(ctx, id, secret),
      updatedAt: ctx.clock.now(),
    });
    if (!row) throw new AppError('events.endpoint_not_found');
    await ctx.audit.record(tx, actor, {
      action: 'webhook_endpoint.secret_rotated',
      entityType: 'webhook_endpoint',
      entityId: id,
      partnerId: actor.partnerId,
    });
    return { ...endpointView(row), secret };
  });
}

/** Deletes the endpoint; its delivery history stays, and pending deliveries fail at their next try. */
export async function removeEndpoint(ctx: AppContext, actor: Actor & { partnerId: string }, id: string) {
  const before = await ownEndpoint(ctx, actor.partnerId, id);
  await ctx.db.transaction(async (tx) => {
    await deleteEndpoint(tx, id);
    await ctx.audit.record(tx, actor, {
      action: 'webhook_endpoint.deleted',
      entityType: 'webhook_endpoint',
      entityId: id,
      partnerId: actor.partnerId,
      before: audited(before),
    });
  });
}
