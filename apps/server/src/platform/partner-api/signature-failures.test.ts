// Signature failures through the real /v2 plugin (R18): every refusal is 401 APIGW.0301 with the
// request id, before the operation sees the request. Flow control: 10 calls per second per key and
// operation, the 11th is 429 CBC.0250 while other operations still pass.
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPartnerWithAdmin, type PartnerWithAdmin } from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/index.ts';
import { callV2, createApiKey, type TestApiKey } from '../../../test/v2.ts';
import { createKey, rotateKey, setKeyEnabled } from '../../modules/developer/keys.service.ts';
import { grantMembership } from '../../modules/memberships/applications.service.ts';
import { systemActor } from '../context.ts';
import { signRequest } from './signing.ts';

const CHECK = '/v2/partners/sub-customers/users/check-identity';
const RESELLERS = '/v2/partners/indirect-partners/query';
const BODY = { search_type: 'email', search_value: 'nobody@example.test' };

function expectRefused(res: LightMyRequestResponse, what: string) {
  expect(res.statusCode, `${what}: ${res.body}`).toBe(401);
  const body = res.json();
  expect(body.error_code, what).toBe('APIGW.0301');
  expect(body.error_msg, what).toBeTruthy();
  expect(body.request_id, what).toBe(res.headers['x-request-id']);
}

describe('partner API signature failures and flow control', () => {
  let t: TestApp;
  let p: PartnerWithAdmin;
  let key: TestApiKey;

  /** A signed check-identity request, as headers and body, that the test may then tamper with. */
  const signed = (
    opts: { date?: Date; signedHeaders?: string[]; secretKey?: string; body?: string } = {},
  ) => {
    const body = opts.body ?? JSON.stringify(BODY);
    const s = signRequest({
      method: 'POST',
      path: CHECK,
      headers: { host: 'localhost', 'content-type': 'application/json', 'x-domain-id': p.partner.domainId },
      body,
      accessKey: key.accessKey,
      secretKey: opts.secretKey ?? key.secretKey,
      date: opts.date ?? t.clock.now(),
      signedHeaders: opts.signedHeaders,
    });
    return { headers: s.headers, body };
  };
  const send = (req: { headers: Record<string, string>; body: string }) =>
    t.app.inject({ method: 'POST', url: CHECK, headers: req.headers, payload: req.body });

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set('2026-05-04T06:00:00Z');
    p = await createPartnerWithAdmin(t);
    key = await createApiKey(t, p.partner.id);
  });
  afterAll(() => t.close());

  it('accepts the well-signed request (the baseline of every case below)', async () => {
    const res = await send(signed());
    expect(res.statusCode, res.body).toBe(200);
  });

  it('refuses a wrong secret, an unknown key and a missing or malformed Authorization', async () => {
    t.clock.advance(1000);
    expectRefused(await send(signed({ secretKey: `${key.secretKey.slice(0, -1)}x` })), 'wrong secret');
    const unknown = signed();
    unknown.headers.Authorization =
      unknown.headers.Authorization?.replace(key.accessKey, 'NOSUCHKEY00000000000') ?? '';
    expectRefused(await send(unknown), 'unknown key');
    const none = signed();
    delete none.headers.Authorization;
    expectRefused(await send(none), 'no authorization');
    const malformed = signed();
    malformed.headers.Authorization = 'SDK-HMAC-SHA256 garbage';
    expectRefused(await send(malformed), 'malformed authorization');
  });

  it('refuses a date more than 15 minutes off (the test clock), both ways', async () => {
    t.clock.set('2026-05-04T07:00:00Z');
    const now = t.clock.now().getTime();
    expect((await send(signed({ date: new Date(now - 14 * 60_000) }))).statusCode).toBe(200);
    expectRefused(await send(signed({ date: new Date(now - 16 * 60_000) })), 'stale date');
    expectRefused(await send(signed({ date: new Date(now + 16 * 60_000) })), 'future date');
  });

  it('refuses a replay outside the window', async () => {
    t.clock.set('2026-05-04T08:00:00Z');
    const request = signed();
    expect((await send(request)).statusCode).toBe(200);
    t.clock.advance(15 * 60_000 + 1000);
    expectRefused(await send(request), 'replayed 15 min later');
  });

  it('refuses a tampered body, method or signed header', async () => {
    t.clock.set('2026-05-04T09:00:00Z');
    const request = signed();
    expectRefused(
      await send({ ...request, body: JSON.stringify({ ...BODY, search_value: 'other@example.test' }) }),
      'body',
    );
    expectRefused(await send({ ...request, body: `${request.body} ` }), 'body whitespace');
    const res = await t.app.inject({
      method: 'PUT',
      url: CHECK,
      headers: request.headers,
      payload: request.body,
    });
    expect(res.statusCode).not.toBe(200);
    expectRefused(
      await send({ ...request, headers: { ...request.headers, 'x-domain-id': 'someone-else' } }),
      'signed x-domain-id',
    );
  });

  it('refuses requests whose host or x-sdk-date is not signed, or whose signed header is absent', async () => {
    t.clock.set('2026-05-04T10:00:00Z');
    expectRefused(
      await send(signed({ signedHeaders: ['content-type', 'x-domain-id', 'x-sdk-date'] })),
      'host not signed',
    );
    expectRefused(
      await send(signed({ signedHeaders: ['content-type', 'host', 'x-domain-id'] })),
      'date not signed',
    );
    const absent = signed();
    delete absent.headers['x-domain-id'];
    expectRefused(await send(absent), 'signed x-domain-id absent');
    const noDate = signed();
    delete noDate.headers['X-Sdk-Date'];
    expectRefused(await send(noDate), 'x-sdk-date absent');
  });

  it('refuses a disabled key and accepts it again once enabled', async () => {
    t.clock.set('2026-05-04T11:00:00Z');
    const actor = {
      ...systemActor(),
      type: 'user' as const,
      id: p.user.id,
      partnerId: p.partner.id,
      roles: ['admin'],
    };
    const k = await createKey(t.ctx, actor, { name: 'to disable' });
    const k2: TestApiKey = { keyId: k.id, accessKey: k.accessKey, secretKey: k.secretKey };
    const call = () => callV2(t, k2, { method: 'POST', url: CHECK, body: BODY });
    expect((await call()).statusCode).toBe(200);
    await setKeyEnabled(t.ctx, actor, k.id, false);
    expectRefused(await call(), 'disabled key');
    await setKeyEnabled(t.ctx, actor, k.id, true);
    expect((await call()).statusCode).toBe(200);
  });

  it('after rotation accepts the old secret for 24 hours only, the new one throughout', async () => {
    t.clock.set('2026-05-05T00:00:00Z');
    const actor = {
      ...systemActor(),
      type: 'user' as const,
      id: p.user.id,
      partnerId: p.partner.id,
      roles: ['admin'],
    };
    const created = await createKey(t.ctx, actor, { name: 'to rotate' });
    const rotated = await rotateKey(t.ctx, actor, created.id);
    const oldKey: TestApiKey = {
      keyId: created.id,
      accessKey: created.accessKey,
      secretKey: created.secretKey,
    };
    const newKey: TestApiKey = { ...oldKey, secretKey: rotated.secretKey };
    const call = (k: TestApiKey) => callV2(t, k, { method: 'POST', url: CHECK, body: BODY });
    expect((await call(oldKey)).statusCode).toBe(200);
    expect((await call(newKey)).statusCode).toBe(200);
    t.clock.set('2026-05-05T23:59:58Z');
    expect((await call(oldKey)).statusCode).toBe(200);
    t.clock.set('2026-05-06T00:00:01Z');
    expectRefused(await call(oldKey), 'old secret after 24 h');
    expect((await call(newKey)).statusCode).toBe(200);
  });

  it('flow control: the 11th call of one operation in a second is 429 CBC.0250; another operation passes', async () => {
    t.clock.set('2026-05-06T12:00:00Z');
    await t.ctx.db.transaction((tx) =>
      grantMembership(t.ctx, tx, systemActor(), {
        partnerId: p.partner.id,
        program: 'distributor',
        source: 'operator',
      }),
    );
    const flowKey = await createApiKey(t, p.partner.id, 'flow');
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      statuses.push((await callV2(t, flowKey, { method: 'POST', url: CHECK, body: BODY })).statusCode);
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(200));
    const eleventh = await callV2(t, flowKey, { method: 'POST', url: CHECK, body: BODY, language: 'en_US' });
    expect(eleventh.statusCode).toBe(429);
    expect(eleventh.json()).toMatchObject({
      error_code: 'CBC.0250',
      request_id: eleventh.headers['x-request-id'],
    });
    const other = await callV2(t, flowKey, { method: 'POST', url: RESELLERS, body: {} });
    expect(other.statusCode, other.body).toBe(200);
    // Another key of the same partner has its own allowance.
    expect((await callV2(t, key, { method: 'POST', url: CHECK, body: BODY })).statusCode).toBe(200);
    t.clock.advance(1000);
    expect((await callV2(t, flowKey, { method: 'POST', url: CHECK, body: BODY })).statusCode).toBe(200);
  });
});
