// Cross-check of request signing against the provider's own Node.js SDK (R18): the unchanged
// @huaweicloud/huaweicloud-sdk-core, pointed at this server, must be accepted. A second, independent
// signer written here from the contract (not the server's signing.ts) must agree with it and with
// the contract's test vector.
import { createHash, createHmac } from 'node:crypto';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPartnerWithAdmin, type PartnerWithAdmin } from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/index.ts';
import { createApiKey, type TestApiKey } from '../../../test/v2.ts';
import { grantMembership } from '../../modules/memberships/applications.service.ts';
import { systemActor } from '../context.ts';

// The SDK is CommonJS without type declarations for its deep modules: load it as the SDK's own
// users do and describe only what this test touches.
interface SdkCredentials {
  withAk(ak: string): SdkCredentials;
  withSk(sk: string): SdkCredentials;
  withDomainId(id: string): SdkCredentials;
}
interface SdkRequest {
  endpoint: string;
  method: string;
  headers: Record<string, string>;
  queryParams?: Record<string, string | string[]>;
  data?: unknown;
}
interface SdkResponse {
  httpStatusCode: number;
  [field: string]: unknown;
}
interface HcClient {
  sendRequest(options: object): Promise<SdkResponse>;
}
const require = createRequire(import.meta.url);
const core = require('@huaweicloud/huaweicloud-sdk-core') as {
  GlobalCredentials: new () => SdkCredentials;
};
const { AKSKSigner } = require('@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner') as {
  AKSKSigner: { sign(request: SdkRequest, credential: SdkCredentials): Record<string, string> };
};
const { ClientBuilder } = require('@huaweicloud/huaweicloud-sdk-core/ClientBuilder') as {
  ClientBuilder: new (
    init: (c: HcClient) => HcClient,
  ) => {
    withCredential(c: SdkCredentials): { withEndpoint(e: string): { build(): HcClient } };
  };
};

// ---- An independent SDK-HMAC-SHA256 signer, written from the contract text. ----------------------

const hex = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const encode = (s: string) =>
  encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** `YYYYMMDDTHHMMSSZ` in UTC. */
function sdkDate(d: Date): string {
  return `${d.toISOString().replace(/[-:]/g, '').slice(0, 15)}Z`;
}

function independentSign(input: {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body: string;
  ak: string;
  sk: string;
  date: Date;
}): { headers: Record<string, string>; signature: string } {
  const date = sdkDate(input.date);
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(input.headers)) headers[k.toLowerCase()] = v;
  headers['x-sdk-date'] = date;
  headers.host ??= input.url.host;
  const names = Object.keys(headers).sort();
  const segments = input.url.pathname.split('/').map((s) => encode(decodeURIComponent(s)));
  let uri = segments.join('/');
  if (!uri.endsWith('/')) uri += '/';
  const pairs = [...input.url.searchParams.entries()].map(([k, v]) => [encode(k), encode(v)] as const);
  pairs.sort(([a, x], [b, y]) => (a === b ? (x < y ? -1 : x > y ? 1 : 0) : a < b ? -1 : 1));
  const canonical = [
    input.method.toUpperCase(),
    uri,
    pairs.map(([k, v]) => `${k}=${v}`).join('&'),
    names.map((n) => `${n}:${(headers[n] ?? '').trim()}\n`).join(''),
    names.join(';'),
    hex(input.body),
  ].join('\n');
  const toSign = ['SDK-HMAC-SHA256', date, hex(canonical)].join('\n');
  const signature = createHmac('sha256', input.sk).update(toSign).digest('hex');
  return {
    signature,
    headers: {
      ...headers,
      authorization: `SDK-HMAC-SHA256 Access=${input.ak}, SignedHeaders=${names.join(';')}, Signature=${signature}`,
    },
  };
}

interface CbcError {
  error_code: string;
  error_msg: string;
  request_id: string;
}

/** fetch cannot set Host itself; it sends the URL's host, which is what was signed. */
const withoutHost = (h: Record<string, string>) =>
  Object.fromEntries(Object.entries(h).filter(([k]) => k.toLowerCase() !== 'host'));

// ---- The contract's test vector --------------------------------------------------------------------

const VECTOR = {
  ak: 'FAKEAK0123456789ABCD',
  sk: 'fakeSkXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX',
  url: 'https://bss.example.test/v2/partners/sub-customers/query',
  headers: { 'content-type': 'application/json', 'X-Domain-Id': 'partnerDomainId123' },
  body: '{"offset":0,"limit":10}',
  signature: 'c43cfff21cdcbbe3ba34e3b0fc5c2394924c791ad4318baad46851f882e97ab8',
};

describe('the contract test vector', () => {
  it('is reproduced by the independent signer', () => {
    const signed = independentSign({
      method: 'POST',
      url: new URL(VECTOR.url),
      headers: VECTOR.headers,
      body: VECTOR.body,
      ak: VECTOR.ak,
      sk: VECTOR.sk,
      date: new Date('2024-01-01T00:00:00Z'),
    });
    expect(signed.signature).toBe(VECTOR.signature);
    expect(signed.headers.authorization).toBe(
      `SDK-HMAC-SHA256 Access=${VECTOR.ak}, SignedHeaders=content-type;host;x-domain-id;x-sdk-date, Signature=${VECTOR.signature}`,
    );
  });

  it('is reproduced by the official SDK’s AKSKSigner', () => {
    const credentials = new core.GlobalCredentials().withAk(VECTOR.ak).withSk(VECTOR.sk);
    const headers = AKSKSigner.sign(
      {
        endpoint: VECTOR.url,
        method: 'POST',
        headers: { ...VECTOR.headers, 'X-Sdk-Date': '20240101T000000Z' },
        queryParams: {},
        data: JSON.parse(VECTOR.body),
      },
      credentials,
    );
    expect(headers.Authorization).toBe(
      `SDK-HMAC-SHA256 Access=${VECTOR.ak}, SignedHeaders=content-type;host;x-domain-id;x-sdk-date, Signature=${VECTOR.signature}`,
    );
  });
});

describe('official SDK and independent signer against a listening server', () => {
  let t: TestApp;
  let base: string;
  let p: PartnerWithAdmin;
  let key: TestApiKey;
  let credentials: SdkCredentials;

  beforeAll(async () => {
    t = await createTestApp();
    // The SDK signs with the real time; the server checks against its clock.
    t.clock.set(new Date());
    p = await createPartnerWithAdmin(t, { name: 'SDK Distributor' });
    await t.ctx.db.transaction((tx) =>
      grantMembership(t.ctx, tx, systemActor(), {
        partnerId: p.partner.id,
        program: 'distributor',
        source: 'operator',
      }),
    );
    key = await createApiKey(t, p.partner.id);
    credentials = new core.GlobalCredentials()
      .withAk(key.accessKey)
      .withSk(key.secretKey)
      .withDomainId(p.partner.domainId);
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  });
  afterAll(() => t.close());

  it('accepts the unchanged SDK client (ClientBuilder + GlobalCredentials, endpoint overridden)', async () => {
    const client = new ClientBuilder((c) => c).withCredential(credentials).withEndpoint(base).build();
    const result = await client.sendRequest({
      method: 'POST',
      url: '/v2/partners/indirect-partners/query',
      contentType: 'application/json',
      headers: {},
      pathParams: {},
      queryParams: {},
      data: { offset: 0, limit: 10 },
    });
    expect(result.httpStatusCode).toBe(200);
    expect(result.count).toBe(0);
    const identity = await client.sendRequest({
      method: 'POST',
      url: '/v2/partners/sub-customers/users/check-identity',
      contentType: 'application/json;charset=UTF-8',
      headers: {},
      pathParams: {},
      queryParams: {},
      data: { search_type: 'email', search_value: p.user.email },
    });
    expect(identity.httpStatusCode).toBe(200);
    expect(identity.check_result).toBe('used_by_user');
  });

  it('accepts a request signed by AKSKSigner and sent with fetch', async () => {
    const body = { search_type: 'name', search_value: 'nobody_here' };
    const url = `${base}/v2/partners/sub-customers/users/check-identity`;
    const headers = AKSKSigner.sign(
      {
        endpoint: url,
        method: 'POST',
        headers: { 'content-type': 'application/json', 'X-Domain-Id': p.partner.domainId },
        queryParams: {},
        data: body,
      },
      credentials,
    );
    expect(headers.Authorization).toContain('SignedHeaders=content-type;host;x-domain-id;x-sdk-date');
    const res = await fetch(url, {
      method: 'POST',
      headers: withoutHost(headers),
      body: JSON.stringify(body),
    });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(await res.json()).toEqual({ check_result: 'available' });
    expect(res.headers.get('x-request-id')).toBeTruthy();
  });

  it('signs query strings like the server expects (AKSKSigner, GET with query parameters)', async () => {
    const url = `${base}/v2/partners/sub-customers/budget?customer_id=no%20such%2Bcustomer&indirect_partner_id=x`;
    const headers = AKSKSigner.sign(
      {
        endpoint: `${base}/v2/partners/sub-customers/budget`,
        method: 'GET',
        headers: { 'content-type': 'application/json' },
        queryParams: { customer_id: 'no such+customer', indirect_partner_id: 'x' },
      },
      credentials,
    );
    const res = await fetch(url, { method: 'GET', headers: withoutHost(headers) });
    // Past the signature check: the operation itself answers (not the caller's reseller).
    // A signature failure would be 401 APIGW.0301; a missing route 404.
    expect(res.status).toBe(400);
    expect(((await res.json()) as CbcError).error_code).toBe('CBC.99000037');
  });

  it('accepts a request signed by the independent signer, and refuses it with a wrong secret', async () => {
    const body = JSON.stringify({ offset: 0, limit: 5, account_name: 'none' });
    const url = new URL(`${base}/v2/partners/indirect-partners/query`);
    const sign = (sk: string) =>
      independentSign({
        method: 'POST',
        url,
        headers: {
          'content-type': 'application/json',
          'x-domain-id': p.partner.domainId,
          'user-agent': 'independent/1.0',
        },
        body,
        ak: key.accessKey,
        sk,
        date: t.clock.now(),
      });
    const ok = await fetch(url, { method: 'POST', headers: withoutHost(sign(key.secretKey).headers), body });
    expect(ok.status, await ok.clone().text()).toBe(200);
    expect(await ok.json()).toEqual({ count: 0, indirect_partners: [] });
    const bad = await fetch(url, {
      method: 'POST',
      headers: withoutHost(sign(`${key.secretKey}x`).headers),
      body,
    });
    expect(bad.status).toBe(401);
    const err = (await bad.json()) as CbcError;
    expect(err.error_code).toBe('APIGW.0301');
    expect(err.request_id).toBe(bad.headers.get('x-request-id'));
  });
});
