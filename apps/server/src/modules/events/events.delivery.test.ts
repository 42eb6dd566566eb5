import { createVerify, X509Certificate } from 'node:crypto';
import { schema } from '@pc/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AsUser,
  asUser,
  createPartnerWithAdmin,
  type PartnerWithAdmin,
  signIn,
} from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/index.ts';
import { enqueueBindCallback } from './bind-callback.service.ts';
import { deliverDue } from './delivery-engine.service.ts';
import { GIVE_UP_AFTER_MS } from './delivery-schedule.ts';
import { emitEvent } from './events.service.ts';
import type { EventType } from './events.types.ts';
import { Receiver } from './receiver.test-helper.ts';
import { verifyWebhookSignature } from './webhook-signature.ts';

class Rollback extends Error {}

describe('events: webhook and bind-callback deliveries', () => {
  let t: TestApp;
  let a: PartnerWithAdmin;
  let asA: AsUser;
  let rx: Receiver;
  let endpointId: string;
  let secret: string;

  const emit = (
    subjectId: string,
    type: EventType = 'customer.updated',
    data: Record<string, unknown> = {},
  ) => t.ctx.db.transaction((tx) => emitEvent(t.ctx, tx, { partnerId: a.partner.id, subjectId, type, data }));
  const deliveriesOf = (eventId: string) =>
    t.db.db.select().from(schema.deliveries).where(eq(schema.deliveries.eventId, eventId));
  const deliveryRow = async (eventId: string) => {
    const [row] = await deliveriesOf(eventId);
    if (!row) throw new Error(`no delivery for ${eventId}`);
    return row;
  };
  /** Moves the clock to the delivery's next attempt and runs the sweep. */
  const runNext = async (eventId: string) => {
    const row = await deliveryRow(eventId);
    if (row.nextAttemptAt) t.clock.set(row.nextAttemptAt);
    return deliverDue(t.ctx);
  };

  beforeAll(async () => {
    t = await createTestApp();
    rx = await new Receiver().start();
    a = await createPartnerWithAdmin(t);
    asA = asUser(t, await signIn(t, a.user.email, a.password));
    const res = await asA({
      method: 'POST',
      url: '/api/developer/webhooks',
      payload: { url: `${rx.base}/hook`, description: 'main', eventTypes: [] },
    });
    expect(res.statusCode, res.body).toBe(201);
    endpointId = res.json().id;
    secret = res.json().secret;
  });
  afterAll(async () => {
    await rx.stop();
    await t.close();
  });

  it('delivers nothing for an event whose transaction rolled back', async () => {
    await expect(
      t.ctx.db.transaction(async (tx) => {
        await emitEvent(t.ctx, tx, {
          partnerId: a.partner.id,
          subjectId: 'cus_rb',
          type: 'customer.created',
          data: {},
        });
        throw new Rollback('undo');
      }),
    ).rejects.toThrow('undo');
    expect(await deliverDue(t.ctx)).toMatchObject({ attempted: 0 });
    const events = await t.db.db.select().from(schema.events).where(eq(schema.events.subjectId, 'cus_rb'));
    expect(events).toEqual([]);
    expect(rx.at('/hook')).toEqual([]);
  });

  it('posts the stored body with a signature the endpoint secret verifies', async () => {
    const { id } = await emit('cus_1', 'customer.created', { customer_id: 'dom_1', name: 'Acme' });
    expect(await deliverDue(t.ctx)).toMatchObject({ attempted: 1, succeeded: 1 });
    const [req] = rx.at('/hook');
    if (!req) throw new Error('nothing received');
    const body = JSON.parse(req.body);
    expect(body).toEqual({
      id,
      type: 'customer.created',
      occurred_at: t.clock.now().toISOString(),
      partner_id: a.partner.domainId,
      data: { customer_id: 'dom_1', name: 'Acme' },
    });
    expect(req.headers['x-pc-event-id']).toBe(id);
    expect(req.headers['x-pc-event-type']).toBe('customer.created');
    expect(req.headers['content-type']).toBe('application/json');
    const ts = String(req.headers['x-pc-timestamp']);
    expect(verifyWebhookSignature(secret, ts, req.body, String(req.headers['x-pc-signature']))).toBe(true);
    expect(verifyWebhookSignature('whsec_wrong', ts, req.body, String(req.headers['x-pc-signature']))).toBe(
      false,
    );
    const row = await deliveryRow(id);
    expect(row).toMatchObject({ status: 'succeeded', attempts: 1, lastStatusCode: 200, payload: req.body });
    const detail = await asA({ method: 'GET', url: `/api/developer/deliveries/${row.id}` });
    expect(detail.json().attemptList).toMatchObject([{ statusCode: 200, responseBody: 'ok' }]);
  });

  it('retries on the schedule of the test clock until the endpoint answers 2xx', async () => {
    let calls = 0;
    rx.answer('/hook', () => (++calls <= 3 ? 500 : 200));
    const start = t.clock.now().getTime();
    const { id } = await emit('cus_retry');
    await deliverDue(t.ctx);
    let row = await deliveryRow(id);
    expect(row).toMatchObject({ status: 'pending', attempts: 1, lastStatusCode: 500 });
    expect(row.nextAttemptAt?.getTime()).toBe(start + 10_000);
    // Not due yet: nothing happens.
    expect(await deliverDue(t.ctx)).toMatchObject({ attempted: 0 });
    await runNext(id);
    row = await deliveryRow(id);
    expect(row.nextAttemptAt?.getTime()).toBe(start + 10_000 + 60_000);
    await runNext(id);
    await runNext(id);
    row = await deliveryRow(id);
    expect(row).toMatchObject({ status: 'succeeded', attempts: 4, lastStatusCode: 200 });
    const detail = await asA({ method: 'GET', url: `/api/developer/deliveries/${row.id}` });
    const attempts = detail.json().attemptList as { statusCode: number; responseBody: string }[];
    expect(attempts.map((x) => x.statusCode)).toEqual([500, 500, 500, 200]);
    expect(attempts[0]?.responseBody.length).toBeLessThanOrEqual(2048);
    rx.answer('/hook', () => 200);
  });

  it("holds a customer's later events behind a failing one while other customers go on", async () => {
    let failedOnce = false;
    rx.answer('/hook', (r) => {
      if (JSON.parse(r.body).data.n === 'x1' && !failedOnce) {
        failedOnce = true;
        return 503;
      }
      return 200;
    });
    const before = rx.at('/hook').length;
    const x1 = await emit('cus_x', 'customer.updated', { n: 'x1' });
    const x2 = await emit('cus_x', 'customer.updated', { n: 'x2' });
    const y1 = await emit('cus_y', 'customer.updated', { n: 'y1' });
    await deliverDue(t.ctx);
    const sent = () =>
      rx
        .at('/hook')
        .slice(before)
        .map((r) => JSON.parse(r.body).data.n);
    expect(sent().sort()).toEqual(['x1', 'y1']);
    expect((await deliveryRow(x2.id)).status).toBe('pending');
    expect((await deliveryRow(y1.id)).status).toBe('succeeded');
    await runNext(x1.id);
    expect(sent()).toEqual(expect.arrayContaining(['x1', 'y1', 'x1', 'x2']));
    expect(sent().filter((n) => n !== 'y1')).toEqual(['x1', 'x1', 'x2']);
    expect((await deliveryRow(x2.id)).status).toBe('succeeded');
    rx.answer('/hook', () => 200);
  });

  it('gives up only after at least 3 days of retries, then replays on request', async () => {
    rx.answer('/hook', () => 503);
    const { id } = await emit('cus_down');
    const first = t.clock.now().getTime();
    await deliverDue(t.ctx);
    for (let i = 0; i < 40 && (await deliveryRow(id)).status === 'pending'; i++) await runNext(id);
    const row = await deliveryRow(id);
    expect(row.status).toBe('failed');
    expect(row.nextAttemptAt).toBeNull();
    const detail = (await asA({ method: 'GET', url: `/api/developer/deliveries/${row.id}` })).json();
    const times = (detail.attemptList as { attemptedAt: string }[]).map((x) =>
      new Date(x.attemptedAt).getTime(),
    );
    expect(times[0]).toBe(first);
    expect((times.at(-1) ?? 0) - first).toBeGreaterThanOrEqual(GIVE_UP_AFTER_MS);
    // 0, 10 s, 1 min 10 s, 6 min 10 s, 36 min 10 s, 2 h 36 min 10 s, then every 6 h to ~74.6 h.
    expect(times.length).toBe(18);

    rx.answer('/hook', () => 200);
    const replay = await asA({ method: 'POST', url: `/api/developer/deliveries/${row.id}/replay` });
    expect(replay.statusCode, replay.body).toBe(201);
    expect(replay.json()).toMatchObject({ replayOf: row.id, eventId: id, status: 'pending' });
    const before = rx.at('/hook').length;
    await deliverDue(t.ctx);
    const [again] = rx.at('/hook').slice(before);
    expect(again?.headers['x-pc-event-id']).toBe(id);
    expect(again?.body).toBe(row.payload);
    const replayed = (
      await asA({ method: 'GET', url: `/api/developer/deliveries/${replay.json().id}` })
    ).json();
    expect(replayed).toMatchObject({ status: 'succeeded', payload: row.payload });
    const list = (await asA({ method: 'GET', url: `/api/developer/deliveries?eventId=${id}` })).json();
    expect(list.items.map((d: { id: string }) => d.id).sort()).toEqual([row.id, replay.json().id].sort());
  });

  it('records a timeout when the receiver does not answer in time, and retries', async () => {
    const other = await asA({
      method: 'POST',
      url: '/api/developer/webhooks',
      payload: { url: `${rx.base}/slow`, eventTypes: ['customer.frozen'] },
    });
    expect(other.statusCode, other.body).toBe(201);
    rx.hang('/slow');
    const { id } = await emit('cus_slow', 'customer.frozen');
    // The production limit is 10 s; the test shortens it.
    await deliverDue(t.ctx, { timeoutMs: 300 });
    const [slow] = (await deliveriesOf(id)).filter((d) => d.endpointId === other.json().id);
    expect(slow).toMatchObject({ status: 'pending', attempts: 1, lastStatusCode: null });
    expect(slow?.lastError).toMatch(/timeout/);
    await asA({ method: 'DELETE', url: `/api/developer/webhooks/${other.json().id}` });
    if (slow?.nextAttemptAt) t.clock.set(slow.nextAttemptAt);
    await deliverDue(t.ctx);
    const [gone] = (await deliveriesOf(id)).filter((d) => d.endpointId === other.json().id);
    expect(gone).toMatchObject({ status: 'failed', lastError: 'endpoint deleted' });
  });

  it('replays a delivery that succeeded too', async () => {
    const { id } = await emit('cus_ok');
    await deliverDue(t.ctx);
    const row = await deliveryRow(id);
    const res = await asA({ method: 'POST', url: `/api/developer/deliveries/${row.id}/replay` });
    expect(res.statusCode, res.body).toBe(201);
    await deliverDue(t.ctx);
    expect((await deliveriesOf(id)).map((d) => d.status)).toEqual(['succeeded', 'succeeded']);
  });

  it('sends each due delivery once when two workers sweep at the same time', async () => {
    const before = rx.at('/hook').length;
    const ids = [];
    for (let i = 0; i < 6; i++) ids.push((await emit(`cus_par_${i}`)).id);
    await Promise.all([deliverDue(t.ctx), deliverDue(t.ctx)]);
    const got = rx
      .at('/hook')
      .slice(before)
      .map((r) => String(r.headers['x-pc-event-id']));
    expect(got.sort()).toEqual([...ids].sort());
  });

  it('skips disabled endpoints and endpoints not subscribed to the type', async () => {
    const other = await asA({
      method: 'POST',
      url: '/api/developer/webhooks',
      payload: { url: `${rx.base}/budgets`, eventTypes: ['budget.threshold_crossed'] },
    });
    expect(other.statusCode, other.body).toBe(201);
    const e1 = await emit('cus_sub', 'customer.updated');
    const e2 = await emit('cus_sub', 'budget.threshold_crossed', { threshold: 90 });
    expect((await deliveriesOf(e1.id)).map((d) => d.endpointId)).toEqual([endpointId]);
    expect((await deliveriesOf(e2.id)).map((d) => d.endpointId).sort()).toEqual(
      [endpointId, other.json().id].sort(),
    );
    const off = await asA({
      method: 'PATCH',
      url: `/api/developer/webhooks/${other.json().id}`,
      payload: { status: 'disabled' },
    });
    expect(off.json().status).toBe('disabled');
    // A pending delivery of a disabled endpoint is given up at its next try (no request sent).
    await deliverDue(t.ctx);
    expect(rx.at('/budgets')).toEqual([]);
    const e3 = await emit('cus_sub', 'budget.threshold_crossed');
    expect((await deliveriesOf(e3.id)).map((d) => d.endpointId)).toEqual([endpointId]);
    await deliverDue(t.ctx);
  });

  it('signs with the rotated secret after a rotation', async () => {
    const res = await asA({ method: 'POST', url: `/api/developer/webhooks/${endpointId}/rotate-secret` });
    expect(res.statusCode, res.body).toBe(200);
    const fresh = res.json().secret as string;
    expect(fresh).not.toBe(secret);
    const before = rx.at('/hook').length;
    await emit('cus_rot');
    await deliverDue(t.ctx);
    const [req] = rx.at('/hook').slice(before);
    if (!req) throw new Error('nothing received');
    const sig = String(req.headers['x-pc-signature']);
    const ts = String(req.headers['x-pc-timestamp']);
    expect(verifyWebhookSignature(fresh, ts, req.body, sig)).toBe(true);
    expect(verifyWebhookSignature(secret, ts, req.body, sig)).toBe(false);
    secret = fresh;
  });

  it('posts the bind callback form, verifiable with the published certificate', async () => {
    const none = await t.ctx.db.transaction((tx) =>
      enqueueBindCallback(t.ctx, tx, {
        partnerId: a.partner.id,
        domainName: 'acme',
        domainId: 'dom_none',
        xUserId: 'u1',
        bindAction: '1',
      }),
    );
    expect(none).toBeNull();
    const save = await asA({
      method: 'PUT',
      url: '/api/developer/integration',
      payload: { xaccountType: 'partner_acme', bindNotifyUrl: `${rx.base}/bind` },
    });
    expect(save.statusCode, save.body).toBe(200);
    expect(save.json()).toMatchObject({ xaccountType: 'partner_acme', bindNotifyUrl: `${rx.base}/bind` });
    const queued = await t.ctx.db.transaction((tx) =>
      enqueueBindCallback(t.ctx, tx, {
        partnerId: a.partner.id,
        domainName: 'acme-cloud',
        domainId: 'dom_123',
        xUserId: 'x-user-9',
        bindAction: '1',
      }),
    );
    expect(queued?.deliveryId).toMatch(/^dlv_/);
    await deliverDue(t.ctx);
    const [req] = rx.at('/bind');
    if (!req) throw new Error('no callback received');
    expect(req.headers['content-type']).toBe('application/x-www-form-urlencoded');
    const form = new URLSearchParams(req.body);
    expect(form.get('SigAlg')).toBe('http://www.w3.org/2001/04/xmldsig-more#rsa-sha256');
    const bindRequest = form.get('bindRequest') ?? '';
    expect(JSON.parse(Buffer.from(bindRequest, 'base64').toString('utf8'))).toEqual({
      domainName: 'acme-cloud',
      domainId: 'dom_123',
      xUserId: 'x-user-9',
      bindAction: '1',
    });
    const certRes = await t.app.inject({ method: 'GET', url: '/api/developer/platform-certificate' });
    expect(certRes.statusCode).toBe(200);
    expect(certRes.headers['content-type']).toContain('application/x-pem-file');
    expect(certRes.body).toMatch(/^-----BEGIN CERTIFICATE-----/);
    const cert = new X509Certificate(certRes.body);
    expect(cert.publicKey.asymmetricKeyDetails?.modulusLength).toBe(2048);
    const verify = (text: string) =>
      createVerify('RSA-SHA256')
        .update(text)
        .verify(cert.publicKey, form.get('Signature') ?? '', 'base64');
    expect(verify(bindRequest)).toBe(true);
    expect(verify(`${bindRequest}x`)).toBe(false);
    const list = (await asA({ method: 'GET', url: '/api/developer/deliveries?kind=bind_callback' })).json();
    expect(list.items).toMatchObject([
      { id: queued?.deliveryId, status: 'succeeded', kind: 'bind_callback' },
    ]);
    // A replay posts the identical signed form again.
    const replay = await asA({
      method: 'POST',
      url: `/api/developer/deliveries/${queued?.deliveryId}/replay`,
    });
    expect(replay.statusCode, replay.body).toBe(201);
    await deliverDue(t.ctx);
    expect(rx.at('/bind').map((r) => r.body)).toEqual([req.body, req.body]);
    // The same certificate is served again (one platform key).
    const again = await t.app.inject({ method: 'GET', url: '/api/developer/platform-certificate' });
    expect(again.body).toBe(certRes.body);
  });

  it('refuses a notification URL that is not https (except localhost)', async () => {
    const res = await asA({
      method: 'PUT',
      url: '/api/developer/integration',
      payload: { bindNotifyUrl: 'http://example.com/bind' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('events.invalid_url');
  });
});
