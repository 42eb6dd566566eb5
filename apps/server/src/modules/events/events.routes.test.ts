import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AsUser,
  asUser,
  createOperator,
  createPartnerUser,
  createPartnerWithAdmin,
  signIn,
} from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/index.ts';
import { deliverDue } from './delivery-engine.service.ts';
import { emitEvent } from './events.service.ts';
import { Receiver } from './receiver.test-helper.ts';

describe('events routes: administrators only, one tenant each', () => {
  let t: TestApp;
  let rx: Receiver;
  let asA: AsUser;
  let asB: AsUser;
  let asMember: AsUser;
  let asOperator: AsUser;
  let endpointId: string;
  let deliveryId: string;

  beforeAll(async () => {
    t = await createTestApp();
    rx = await new Receiver().start();
    const a = await createPartnerWithAdmin(t);
    const b = await createPartnerWithAdmin(t);
    const member = await createPartnerUser(t, a.partner.id, ['member']);
    const op = await createOperator(t, ['admin']);
    asA = asUser(t, await signIn(t, a.user.email, a.password));
    asB = asUser(t, await signIn(t, b.user.email, b.password));
    asMember = asUser(t, await signIn(t, member.user.email, member.password));
    asOperator = asUser(t, await signIn(t, op.user.email, op.password));
    const created = await asA({
      method: 'POST',
      url: '/api/developer/webhooks',
      payload: { url: `${rx.base}/a`, eventTypes: ['customer.created'] },
    });
    expect(created.statusCode, created.body).toBe(201);
    endpointId = created.json().id;
    await t.ctx.db.transaction((tx) =>
      emitEvent(t.ctx, tx, {
        partnerId: a.partner.id,
        subjectId: 'cus_a',
        type: 'customer.created',
        data: {},
      }),
    );
    await deliverDue(t.ctx);
    const list = await asA({ method: 'GET', url: '/api/developer/deliveries' });
    deliveryId = list.json().items[0].id;
  });
  afterAll(async () => {
    await rx.stop();
    await t.close();
  });

  it('lists the endpoint without its secret and the event types', async () => {
    const res = await asA({ method: 'GET', url: '/api/developer/webhooks' });
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toHaveLength(1);
    expect(res.json().items[0]).not.toHaveProperty('secret');
    expect(res.json().eventTypes).toContain('budget.threshold_crossed');
  });

  it("keeps partner B away from A's endpoints and deliveries", async () => {
    const probes = [
      { method: 'GET', url: `/api/developer/deliveries/${deliveryId}` },
      { method: 'POST', url: `/api/developer/deliveries/${deliveryId}/replay` },
      { method: 'PATCH', url: `/api/developer/webhooks/${endpointId}`, payload: { status: 'disabled' } },
      { method: 'POST', url: `/api/developer/webhooks/${endpointId}/rotate-secret` },
      { method: 'DELETE', url: `/api/developer/webhooks/${endpointId}` },
    ] as const;
    for (const p of probes) {
      const res = await asB(p);
      expect(res.statusCode, `${p.method} ${p.url}`).toBe(404);
    }
    expect((await asB({ method: 'GET', url: '/api/developer/webhooks' })).json().items).toEqual([]);
    expect((await asB({ method: 'GET', url: '/api/developer/deliveries' })).json().items).toEqual([]);
    const filtered = await asB({ method: 'GET', url: `/api/developer/deliveries?endpointId=${endpointId}` });
    expect(filtered.json().items).toEqual([]);
    // A's endpoint is untouched.
    expect((await asA({ method: 'GET', url: '/api/developer/webhooks' })).json().items[0].status).toBe(
      'active',
    );
  });

  it('refuses members and operators', async () => {
    for (const who of [asMember, asOperator]) {
      for (const url of [
        '/api/developer/webhooks',
        '/api/developer/deliveries',
        '/api/developer/integration',
      ]) {
        expect((await who({ method: 'GET', url })).statusCode).toBe(403);
      }
      const res = await who({ method: 'POST', url: `/api/developer/deliveries/${deliveryId}/replay` });
      expect(res.statusCode).toBe(403);
    }
  });

  it('serves the platform certificate to anyone', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/developer/platform-certificate' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('-----BEGIN CERTIFICATE-----');
  });

  it('refuses bad endpoint input with a stable code', async () => {
    const bad = await asA({ method: 'POST', url: '/api/developer/webhooks', payload: { url: 'ftp://x' } });
    expect(bad.json().code).toBe('events.invalid_url');
    const badType = await asA({
      method: 'POST',
      url: '/api/developer/webhooks',
      payload: { url: 'https://example.com/h', eventTypes: ['nope'] },
    });
    expect(badType.statusCode).toBe(400);
  });

  it('deletes an endpoint and keeps its delivery history', async () => {
    const del = await asA({ method: 'DELETE', url: `/api/developer/webhooks/${endpointId}` });
    expect(del.statusCode).toBe(204);
    expect((await asA({ method: 'GET', url: `/api/developer/deliveries/${deliveryId}` })).statusCode).toBe(
      200,
    );
    const replay = await asA({ method: 'POST', url: `/api/developer/deliveries/${deliveryId}/replay` });
    expect(replay.json().code).toBe('events.endpoint_unavailable');
  });
});
