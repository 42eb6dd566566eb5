import type { DbOrTx } from '@pc/db';
import type { AppContext } from '../../platform/context.ts';
import { newId } from '../../platform/ids/ids.ts';
import { getPartner } from '../partners/index.ts';
import { insertDeliveries } from './deliveries.repository.ts';
import { insertEvents, subscribedEndpoints } from './events.repository.ts';
import { DELIVER_JOB, type EmitEventInput, WEBHOOK_CONTENT_TYPE } from './events.types.ts';

type PartnerRow = NonNullable<Awaited<ReturnType<typeof getPartner>>>;

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
  const partner = await getPartner(ctx, input.partnerId, tx);
  if (!partner) throw new Error(`emitEvent: unknown partner ${input.partnerId}`);
  const [id] = await emitEvents(ctx, tx, [input], new Map([[partner.id, partner]]));
  return { id: id as string };
}

/**
 * `emitEvent` for many events at once (a batch's budget alerts): one insert of the events, one
 * read of subscribed endpoints per (partner, type), one insert of the deliveries. Returns the ids.
 */
export async function emitEvents(
  ctx: AppContext,
  tx: DbOrTx,
  inputs: readonly EmitEventInput[],
  partners = new Map<string, PartnerRow>(),
): Promise<string[]> {
  if (inputs.length === 0) return [];
  const now = ctx.clock.now();
  const events = await insertEvents(
    tx,
    inputs.map((input) => ({
      id: newId('evt', now.getTime()),
      partnerId: input.partnerId,
      subjectId: input.subjectId,
      type: input.type,
      data: input.data,
      occurredAt: now,
    })),
  );
  const endpointsOf = new Map<string, Awaited<ReturnType<typeof subscribedEndpoints>>>();
  const deliveries: Parameters<typeof insertDeliveries>[1][number][] = [];
  for (const [i, event] of events.entries()) {
    const input = inputs[i] as EmitEventInput;
    const key = `${input.partnerId} ${input.type}`;
    let endpoints = endpointsOf.get(key);
    if (!endpoints) {
      endpoints = await subscribedEndpoints(tx, input.partnerId, input.type);
      endpointsOf.set(key, endpoints);
    }
    if (!endpoints.length) continue;
    let partner = partners.get(input.partnerId);
    if (!partner) {
      partner = await getPartner(ctx, input.partnerId, tx);
      if (!partner) throw new Error(`emitEvent: unknown partner ${input.partnerId}`);
      partners.set(partner.id, partner);
    }
    const body: WebhookPayload = {
      id: event.id,
      type: event.type,
      occurred_at: now.toISOString(),
      partner_id: partner.domainId,
      data: input.data,
    };
    const payload = JSON.stringify(body);
    for (const endpoint of endpoints) {
      deliveries.push({
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
      });
    }
  }
  if (deliveries.length) {
    await insertDeliveries(tx, deliveries);
    await ctx.jobs.send(DELIVER_JOB, {}, { tx });
  }
  return events.map((e) => e.id);
}
