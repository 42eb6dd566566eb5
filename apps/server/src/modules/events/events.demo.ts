import type { AppContext } from '../../platform/context.ts';
import { sealSecret } from '../../platform/seal/seal.ts';
import { getPartner } from '../partners/partners.service.ts';
import { findDelivery, insertAttempt, insertDeliveries } from './deliveries.repository.ts';
import { findEndpoint, insertEndpoint, insertEvent } from './events.repository.ts';
import { WEBHOOK_CONTENT_TYPE } from './events.types.ts';
import { newWebhookSecret } from './webhook-signature.ts';

const PARTNER = 'prt_demo_solution';
const ENDPOINT = 'whe_demo_solution';
const MINUTE = 60_000;

/**
 * Demo data: a (disabled, so nothing is really sent) webhook endpoint of the solution provider with
 * one delivered and one given-up delivery and their attempts. Idempotent: fixed ids.
 */
export async function seedDemoEvents(ctx: AppContext): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const partner = await getPartner(ctx, PARTNER, tx);
    if (!partner || (await findEndpoint(tx, ENDPOINT))) return;
    const now = ctx.clock.now();
    const at = (minutesAgo: number) => new Date(now.getTime() - minutesAgo * MINUTE);
    await insertEndpoint(tx, {
      id: ENDPOINT,
      partnerId: PARTNER,
      url: 'https://hooks.solution.demo/partner-center',
      description: 'CRM 同步',
      secretSealed: sealSecret(ctx.config.secretKey, 'webhook-secret', ENDPOINT, newWebhookSecret()),
      eventTypes: [],
      status: 'disabled',
      createdAt: at(5 * 24 * 60),
      updatedAt: at(60),
    });
    const demo = [
      { id: 'demo_ok', type: 'customer.created', minutesAgo: 4 * 24 * 60, ok: true },
      { id: 'demo_failed', type: 'budget.threshold_crossed', minutesAgo: 3 * 24 * 60 + 180, ok: false },
    ] as const;
    for (const d of demo) {
      if (await findDelivery(tx, `dlv_${d.id}`)) continue;
      const occurredAt = at(d.minutesAgo);
      const data = d.ok
        ? { customer_id: 'demo-customer-1', name: '示例客户' }
        : { customer_id: 'demo-customer-1', threshold_percent: 90 };
      const event = await insertEvent(tx, {
        id: `evt_${d.id}`,
        partnerId: PARTNER,
        subjectId: 'demo-customer-1',
        type: d.type,
        data,
        occurredAt,
      });
      const payload = JSON.stringify({
        id: event.id,
        type: d.type,
        occurred_at: occurredAt.toISOString(),
        partner_id: partner.domainId,
        data,
      });
      const attempts = d.ok ? [200] : [503, 503, 503];
      await insertDeliveries(tx, [
        {
          id: `dlv_${d.id}`,
          kind: 'webhook',
          partnerId: PARTNER,
          endpointId: ENDPOINT,
          eventSeq: event.seq,
          eventId: event.id,
          orderingKey: `${ENDPOINT}:demo-customer-1`,
          url: 'https://hooks.solution.demo/partner-center',
          payload,
          contentType: WEBHOOK_CONTENT_TYPE,
          status: d.ok ? 'succeeded' : 'failed',
          attempts: attempts.length,
          lastStatusCode: attempts.at(-1) ?? null,
          lastError: d.ok ? null : 'HTTP 503',
          createdAt: occurredAt,
          deliveredAt: d.ok ? occurredAt : null,
        },
      ]);
      for (const [i, code] of attempts.entries()) {
        await insertAttempt(tx, {
          id: `dla_${d.id}_${i}`,
          deliveryId: `dlv_${d.id}`,
          attemptedAt: new Date(occurredAt.getTime() + i * MINUTE),
          statusCode: code,
          error: code === 200 ? null : 'HTTP 503',
          durationMs: 120 + i * 7,
          responseBody: code === 200 ? 'ok' : 'Service Unavailable',
        });
      }
    }
  });
}
