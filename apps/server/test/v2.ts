import { randomBytes } from 'node:crypto';
import { schema } from '@pc/db';
import type { LightMyRequestResponse } from 'fastify';
import { newId } from '../src/platform/ids/ids.ts';
import { signRequest } from '../src/platform/partner-api/signing.ts';
import { sealSecret } from '../src/platform/seal/seal.ts';
import type { TestApp } from './app.ts';

export interface TestApiKey {
  keyId: string;
  accessKey: string;
  secretKey: string;
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const randomText = (n: number, alphabet: string) =>
  Array.from(randomBytes(n), (b) => alphabet[b % alphabet.length]).join('');

/** An active AK/SK pair for a partner, written straight to the table (the keys service is tested on its own). */
export async function createApiKey(t: TestApp, partnerId: string, name = 'test key'): Promise<TestApiKey> {
  const keyId = newId('key');
  const accessKey = randomText(20, ALNUM);
  const secretKey = randomText(40, `${ALNUM}abcdefghijklmnopqrstuvwxyz`);
  await t.ctx.db.insert(schema.apiKeys).values({
    id: keyId,
    partnerId,
    name,
    accessKey,
    secretSealed: sealSecret(t.ctx.config.secretKey, 'api-key', keyId, secretKey),
    status: 'active',
    createdAt: t.clock.now(),
  });
  return { keyId, accessKey, secretKey };
}

export interface V2Call {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Path with query, e.g. `/v2/partners/sub-customers/budget?customer_id=…`. */
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** `zh_CN` / `en_US`, sent as X-Language. */
  language?: string;
  /** Signing time; the app clock by default. */
  date?: Date;
}

let calls = 0;

/**
 * Calls the partner API signed like the provider's SDKs (host, content-type, x-sdk-date signed).
 * The test clock stands still, so each call without an explicit `date` also signs a header of its
 * own: two such calls are two requests, not a replay (the replay cache answers a repeated signed
 * write with its first answer). Pass `date` to send the very same request again.
 */
export async function callV2(t: TestApp, key: TestApiKey, call: V2Call): Promise<LightMyRequestResponse> {
  const q = call.url.indexOf('?');
  const body = call.body === undefined ? '' : JSON.stringify(call.body);
  const headers: Record<string, string> = {
    host: 'localhost',
    'content-type': 'application/json',
    ...call.headers,
  };
  if (call.language) headers['x-language'] = call.language;
  if (!call.date) headers['x-test-call'] = String(++calls);
  const signed = signRequest({
    method: call.method,
    path: q < 0 ? call.url : call.url.slice(0, q),
    query: q < 0 ? '' : call.url.slice(q + 1),
    headers,
    body,
    accessKey: key.accessKey,
    secretKey: key.secretKey,
    date: call.date ?? t.clock.now(),
  });
  return t.app.inject({
    method: call.method,
    url: call.url,
    headers: signed.headers,
    ...(body === '' ? {} : { payload: body }),
  });
}
