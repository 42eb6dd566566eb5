import './events.errors.ts';
import type { Actor, AppContext } from '../../platform/context.ts';
import { decodeCursor, encodeCursor } from '../../platform/db/cursor.ts';
import { AppError } from '../../platform/errors/errors.ts';
import { newId } from '../../platform/ids/ids.ts';
import {
  type AttemptRow,
  type DeliveryRow,
  findDelivery,
  insertDeliveries,
  listAttempts,
  listDeliveries,
} from './deliveries.repository.ts';
import { findEndpoint, findIntegration } from './events.repository.ts';
import { DELIVER_JOB, type DeliveryKind, type DeliveryStatus } from './events.types.ts';

function eventTypeOf(d: DeliveryRow): string | null {
  if (d.kind !== 'webhook') return null;
  try {
    const type = (JSON.parse(d.payload) as { type?: unknown }).type;
    return typeof type === 'string' ? type : null;
  } catch {
    return null;
  }
}

export function deliveryView(d: DeliveryRow) {
  return {
    id: d.id,
    kind: d.kind as DeliveryKind,
    endpointId: d.endpointId,
    eventId: d.eventId,
    eventType: eventTypeOf(d),
    url: d.url,
    status: d.status as DeliveryStatus,
    attempts: d.attempts,
    nextAttemptAt: d.status === 'pending' ? (d.nextAttemptAt?.toISOString() ?? null) : null,
    lastStatusCode: d.lastStatusCode,
    lastError: d.lastError,
    replayOf: d.replayOf,
    createdAt: d.createdAt.toISOString(),
    deliveredAt: d.deliveredAt?.toISOString() ?? null,
  };
}

const attemptView = (a: AttemptRow) => ({
  id: a.id,
  attemptedAt: a.attemptedAt.toISOString(),
  statusCode: a.statusCode,
  error: a.error,
  durationMs: a.durationMs,
  responseBody: a.responseBody,
});

export interface DeliveryQuery {
  kind?: DeliveryKind;
  status?: DeliveryStatus;
  endpointId?: string;
  eventId?: string;
  limit: number;
  cursor?: string;
}

export async function pagePartnerDeliveries(ctx: AppContext, partnerId: string, q: DeliveryQuery) {
  const rows = await listDeliveries(ctx.db, {
    partnerId,
    kind: q.kind,
    status: q.status,
    endpointId: q.endpointId,
    eventId: q.eventId,
    before: q.cursor ? decodeCursor(q.cursor) : undefined,
    limit: q.limit + 1,
  });
  const items = rows.slice(0, q.limit);
  const last = items[items.length - 1];
  return {
    items: items.map(deliveryView),
    nextCursor: rows.length > q.limit && last ? encodeCursor({ at: last.createdAt, id: last.id }) : null,
  };
}

async function ownDelivery(ctx: AppContext, partnerId: string, id: string): Promise<DeliveryRow> {
  const row = await findDelivery(ctx.db, id, partnerId);
  if (!row) throw new AppError('events.delivery_not_found');
  return row;
}

export async function partnerDeliveryDetail(ctx: AppContext, partnerId: string, id: string) {
  const d = await ownDelivery(ctx, partnerId, id);
  return {
    ...deliveryView(d),
    contentType: d.contentType,
    payload: d.payload,
    attemptList: (await listAttempts(ctx.db, d.id)).map(attemptView),
  };
}

/**
 * Sends a delivery again (whatever its status) as a new delivery with the same body, so the same
 * event id: receivers deduplicate on it. A replay has an ordering key of its own: it goes out now,
 * neither waiting behind nor holding back the endpoint's regular deliveries.
 */
export async function replayDelivery(ctx: AppContext, actor: Actor & { partnerId: string }, id: string) {
  const original = await ownDelivery(ctx, actor.partnerId, id);
  let url: string;
  if (original.kind === 'webhook') {
    const endpoint = original.endpointId
      ? await findEndpoint(ctx.db, original.endpointId, actor.partnerId)
      : undefined;
    if (endpoint?.status !== 'active') throw new AppError('events.endpoint_unavailable');
    url = endpoint.url;
  } else {
    const integration = await findIntegration(ctx.db, actor.partnerId);
    if (!integration?.bindNotifyUrl) throw new AppError('events.no_notify_url');
    url = integration.bindNotifyUrl;
  }
  const now = ctx.clock.now();
  const replayId = newId('dlv', now.getTime());
  return ctx.db.transaction(async (tx) => {
    await insertDeliveries(tx, [
      {
        id: replayId,
        kind: original.kind,
        partnerId: original.partnerId,
        endpointId: original.endpointId,
        eventSeq: original.eventSeq,
        eventId: original.eventId,
        orderingKey: `replay:${replayId}`,
        url,
        payload: original.payload,
        contentType: original.contentType,
        status: 'pending',
        nextAttemptAt: now,
        replayOf: original.id,
        createdAt: now,
      },
    ]);
    await ctx.audit.record(tx, actor, {
      action: 'delivery.replayed',
      entityType: 'delivery',
      entityId: replayId,
      partnerId: actor.partnerId,
      after: { replayOf: original.id, eventId: original.eventId, kind: original.kind },
    });
    await ctx.jobs.send(DELIVER_JOB, {}, { tx });
    const row = await findDelivery(tx, replayId);
    if (!row) throw new Error('replay insert vanished');
    return deliveryView(row);
  });
}
