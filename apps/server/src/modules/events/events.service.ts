import type { DbOrTx } from '@pc/db';
import type { AppContext } from '../../platform/context.ts';
import { newId } from '../../platform/ids/ids.ts';
import { getPartner } from '../partners/partners.service.ts';
import { insertDeliveries } from './deliveries.repository.ts';
import { insertEvent, subscribedEndpoints } from './events.repository.ts';
import { DELIVER_JOB, type EmitEventInput, WEBHOOK_CONTENT_TYPE } from './events.types.ts';

/** The JSON body every webhook receives; `id` is the deduplication key (replays keep it). */
export interface WebhookPayload {
  id: string;
  type: string;
  occurred_at: string;
  partner_id: string;
  data: Record<string, unknown>;
}

/**
 * Records an event and one delivery per subscribed active endpoint of the partner, in the caller's
 * transaction: if the change rolls back, nothing is ever sent. Deliveries keep the order of events
 * per (endpoint, subject); the worker sends them after commit.
 */
export async function emitEvent(ctx: AppContext, tx: DbOrTx, input: EmitEventInput): Promise<{ id: string }> {
  const now = ctx.clock.now();
  const partner = await getPartner(ctx, input.partnerId, tx);
  if (!partner) throw new Error(`emitEvent: unknown partner ${input.partnerId}`);
  const event = await insertEvent(tx, {
    id: newId('evt', now.getTime()),
    partnerId: input.partnerId,
    subjectId: input.subjectId,
    type: input.type,
    data: input.data,
    occurredAt: now,
  });
  const endpoints = await subscribedEndpoints(tx, input.partnerId, input.type);
  if (!endpoints.length) return { id: event.id };
  const body: WebhookPayload = {
    id: event.id,
    type: event.type,
    occurred_at: now.toISOString(),
    partner_id: partner.domainId,
    data: input.data,
  };
  const payload = JSON.stringify(body);
  await insertDeliveries(
    tx,
    endpoints.map((endpoint) => ({
      id: newId('dlv', now.getTime()),
      kind: 'webhook',
      partnerId: input.partnerId,
      endpointId: endpoint.id,
      eventSeq: event.seq,
      eventId: event.id,
      orderingKey: `${endpoint.id}:${input.subjectId}`,
      url: endpoint.url,
      payload,
      contentType: WEBHOOK_CONTENT_TYPE,
      status: 'pending',
      nextAttemptAt: now,
      createdAt: now,
    })),
  );
  await ctx.jobs.send(DELIVER_JOB, {}, { tx });
  return { id: event.id };
}
