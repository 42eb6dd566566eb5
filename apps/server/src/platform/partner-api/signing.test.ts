import { describe, expect, it } from 'vitest';
import {
  canonicalQuery,
  canonicalUri,
  parseAuthorization,
  type SignInput,
  sha256Hex,
  signRequest,
  type VerifyInput,
  verifySignature,
} from './signing.ts';

// The contract's test vector (fake keys).
const AK = 'FAKEAK0123456789ABCD';
const SK = 'fakeSkXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX';
const DATE = new Date('2024-01-01T00:00:00Z');
const BODY = '{"offset":0,"limit":10}';
const VECTOR_SIGNATURE = 'c43cfff21cdcbbe3ba34e3b0fc5c2394924c791ad4318baad46851f882e97ab8';

function baseSign(overrides: Partial<SignInput> = {}): SignInput {
  return {
    method: 'POST',
    path: '/v2/partners/sub-customers/query',
    query: '',
    headers: {
      'content-type': 'application/json',
      host: 'bss.example.test',
      'X-Domain-Id': 'partnerDomainId123',
    },
    body: BODY,
    accessKey: AK,
    secretKey: SK,
    date: DATE,
    ...overrides,
  };
}

function verifyInput(
  signed: { headers: Record<string, string> },
  overrides: Partial<VerifyInput> = {},
): VerifyInput {
  return {
    method: 'POST',
    path: '/v2/partners/sub-customers/query',
    query: '',
    // Fastify hands headers over lower-cased.
    headers: Object.fromEntries(Object.entries(signed.headers).map(([k, v]) => [k.toLowerCase(), v])),
    rawBody: Buffer.from(BODY),
    secretFor: (ak) => (ak === AK ? SK : undefined),
    now: DATE,
    ...overrides,
  };
}

const VECTOR_HEADERS = {
  'content-type': 'application/json',
  host: 'bss.example.test',
  'x-domain-id': 'partnerDomainId123',
  'x-sdk-date': '20240101T000000Z',
  authorization: `SDK-HMAC-SHA256 Access=${AK}, SignedHeaders=content-type;host;x-domain-id;x-sdk-date, Signature=${VECTOR_SIGNATURE}`,
};

describe('contract test vector', () => {
  it('signs to the published signature', () => {
    const signed = signRequest(baseSign());
    expect(signed.sdkDate).toBe('20240101T000000Z');
    expect(signed.signature).toBe(VECTOR_SIGNATURE);
    expect(signed.authorization).toBe(VECTOR_HEADERS.authorization);
  });

  it('verifies the published request', async () => {
    const result = await verifySignature(verifyInput({ headers: VECTOR_HEADERS }));
    expect(result).toEqual({ ok: true, accessKey: AK });
  });
});

describe('verifySignature', () => {
  it('round-trips a GET with query and no body', async () => {
    const signed = signRequest(
      baseSign({
        method: 'GET',
        path: '/v2/partners/sub-customers/budget',
        query: 'customer_id=c1',
        body: undefined,
      }),
    );
    const result = await verifySignature(
      verifyInput(signed, {
        method: 'GET',
        path: '/v2/partners/sub-customers/budget',
        query: '?customer_id=c1',
        rawBody: undefined,
      }),
    );
    expect(result).toEqual({ ok: true, accessKey: AK });
  });

  it('accepts an async key lookup', async () => {
    const signed = signRequest(baseSign());
    const result = await verifySignature(verifyInput(signed, { secretFor: async () => SK }));
    expect(result.ok).toBe(true);
  });

  it('rejects a wrong secret', async () => {
    const signed = signRequest(baseSign({ secretKey: `${SK}x` }));
    expect(await verifySignature(verifyInput(signed))).toEqual({ ok: false, reason: 'signature_mismatch' });
  });

  it('rejects an unknown access key', async () => {
    const signed = signRequest(baseSign({ accessKey: 'OTHERAK' }));
    expect(await verifySignature(verifyInput(signed))).toEqual({ ok: false, reason: 'unknown_key' });
  });

  it('accepts dates up to 15 minutes off and rejects beyond, both ways', async () => {
    const signed = signRequest(baseSign());
    const at = (ms: number) => verifySignature(verifyInput(signed, { now: new Date(DATE.getTime() + ms) }));
    const min15 = 15 * 60 * 1000;
    expect((await at(min15)).ok).toBe(true);
    expect((await at(-min15)).ok).toBe(true);
    expect(await at(min15 + 1000)).toEqual({ ok: false, reason: 'date_out_of_range' });
    expect(await at(-min15 - 1000)).toEqual({ ok: false, reason: 'date_out_of_range' });
  });

  it('rejects a tampered body', async () => {
    const signed = signRequest(baseSign());
    const result = await verifySignature(
      verifyInput(signed, { rawBody: Buffer.from('{"offset":0,"limit":100}') }),
    );
    expect(result).toEqual({ ok: false, reason: 'signature_mismatch' });
  });

  it('hashes the raw bytes, so re-serialised equivalent JSON fails', async () => {
    const signed = signRequest(baseSign({ body: '{ "offset": 0, "limit": 10 }' }));
    expect((await verifySignature(verifyInput(signed))).ok).toBe(false);
  });

  it('rejects a tampered query', async () => {
    const signed = signRequest(baseSign({ query: 'limit=10' }));
    expect((await verifySignature(verifyInput(signed, { query: 'limit=10' }))).ok).toBe(true);
    expect(await verifySignature(verifyInput(signed, { query: 'limit=11' }))).toEqual({
      ok: false,
      reason: 'signature_mismatch',
    });
  });

  it('rejects a tampered signed header and method', async () => {
    const signed = signRequest(baseSign());
    const input = verifyInput(signed);
    expect(
      await verifySignature({ ...input, headers: { ...input.headers, 'x-domain-id': 'someoneElse' } }),
    ).toEqual({ ok: false, reason: 'signature_mismatch' });
    expect(await verifySignature({ ...input, method: 'PUT' })).toEqual({
      ok: false,
      reason: 'signature_mismatch',
    });
  });

  it('requires host and x-sdk-date to be signed', async () => {
    const noHost = signRequest(baseSign({ signedHeaders: ['content-type', 'x-domain-id', 'x-sdk-date'] }));
    expect(await verifySignature(verifyInput(noHost))).toEqual({ ok: false, reason: 'host_not_signed' });
    const noDate = signRequest(baseSign({ signedHeaders: ['content-type', 'host', 'x-domain-id'] }));
    expect(await verifySignature(verifyInput(noDate))).toEqual({ ok: false, reason: 'date_not_signed' });
  });

  it('rejects a signed header absent from the request', async () => {
    const signed = signRequest(baseSign());
    const { host: _host, ...headers } = verifyInput(signed).headers;
    expect(await verifySignature(verifyInput(signed, { headers }))).toEqual({
      ok: false,
      reason: 'signed_header_missing',
    });
  });

  it('allows changes to unsigned headers', async () => {
    const signed = signRequest(baseSign({ signedHeaders: ['content-type', 'host', 'x-sdk-date'] }));
    const input = verifyInput(signed);
    const result = await verifySignature({
      ...input,
      headers: { ...input.headers, 'x-domain-id': 'changed', 'user-agent': 'proxy/1.0' },
    });
    expect(result).toEqual({ ok: true, accessKey: AK });
  });

  it('accepts an extra signed user-agent and trims header values', async () => {
    const signed = signRequest(
      baseSign({ headers: { ...baseSign().headers, 'User-Agent': 'huaweicloud-sdk-go/3.1' } }),
    );
    expect(signed.authorization).toContain(
      'SignedHeaders=content-type;host;user-agent;x-domain-id;x-sdk-date',
    );
    const input = verifyInput(signed);
    expect((await verifySignature(input)).ok).toBe(true);
    const padded = { ...input.headers, 'user-agent': '  huaweicloud-sdk-go/3.1 ' };
    expect((await verifySignature({ ...input, headers: padded })).ok).toBe(true);
    const changed = { ...input.headers, 'user-agent': 'huaweicloud-sdk-go/3.2' };
    expect((await verifySignature({ ...input, headers: changed })).ok).toBe(false);
  });

  it('canonicalises percent-encoded path segments and repeated query keys', async () => {
    // Client encodes minimally; server receives an equivalent but differently encoded URL.
    const signed = signRequest(
      baseSign({
        method: 'DELETE',
        path: '/v2/orders/subscriptions/resources/autorenew/res id:1',
        query: 'b=2&a=y&a=x&c',
        body: '',
      }),
    );
    const result = await verifySignature(
      verifyInput(signed, {
        method: 'DELETE',
        path: '/v2/orders/subscriptions/resources/autorenew/res%20id%3a1',
        query: 'a=x&c=&b=2&a=%79',
        rawBody: Buffer.alloc(0),
      }),
    );
    expect(result).toEqual({ ok: true, accessKey: AK });
  });

  it('honours X-Sdk-Content-Sha256 instead of hashing the body', async () => {
    const signed = signRequest(
      baseSign({ headers: { ...baseSign().headers, 'X-Sdk-Content-Sha256': 'UNSIGNED-PAYLOAD' } }),
    );
    const result = await verifySignature(verifyInput(signed, { rawBody: Buffer.from('anything at all') }));
    expect(result).toEqual({ ok: true, accessKey: AK });
  });

  it('reports missing and malformed authorization and dates', async () => {
    const signed = signRequest(baseSign());
    const input = verifyInput(signed);
    const { authorization: _a, ...noAuth } = input.headers;
    expect(await verifySignature({ ...input, headers: noAuth })).toEqual({
      ok: false,
      reason: 'missing_authorization',
    });
    const bad = ['Bearer abc', 'SDK-HMAC-SHA256 Access=AK, Signature=00', 'SDK-HMAC-SHA256 garbage'];
    for (const authorization of bad) {
      expect(await verifySignature({ ...input, headers: { ...input.headers, authorization } })).toEqual({
        ok: false,
        reason: 'malformed_authorization',
      });
    }
    expect(
      await verifySignature({
        ...input,
        headers: { ...input.headers, 'x-sdk-date': '2024-01-01T00:00:00Z' },
      }),
    ).toEqual({ ok: false, reason: 'malformed_date' });
    expect(
      await verifySignature({ ...input, headers: { ...input.headers, 'x-sdk-date': '20240231T000000Z' } }),
    ).toEqual({ ok: false, reason: 'malformed_date' });
    expect(await verifySignature({ ...input, path: '/v2/%E0%A4%A' })).toEqual({
      ok: false,
      reason: 'malformed_request',
    });
  });
});

describe('canonical parts', () => {
  it('builds CanonicalURI', () => {
    expect(canonicalUri('/v2/partners/sub-customers/query')).toBe('/v2/partners/sub-customers/query/');
    expect(canonicalUri('/v2/a/')).toBe('/v2/a/');
    expect(canonicalUri('/v2/%7euser/a%2Fb/(x)')).toBe('/v2/~user/a%2Fb/%28x%29/');
    expect(canonicalUri('')).toBe('/');
  });

  it('builds CanonicalQuery', () => {
    expect(canonicalQuery('')).toBe('');
    expect(canonicalQuery('?z=1&a=b%20c&a=a&k=%E4%B8%AD')).toBe('a=a&a=b%20c&k=%E4%B8%AD&z=1');
    expect(canonicalQuery('x=a+b&flag')).toBe('flag=&x=a%20b');
  });

  it('parses the Authorization header', () => {
    expect(parseAuthorization(VECTOR_HEADERS.authorization)).toEqual({
      accessKey: AK,
      signedHeaders: ['content-type', 'host', 'x-domain-id', 'x-sdk-date'],
      signature: VECTOR_SIGNATURE,
    });
    expect(
      parseAuthorization(VECTOR_HEADERS.authorization.replace('content-type', 'Content-Type')),
    ).toBeUndefined();
  });

  it('hashes an empty body like the SDKs', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });
});
