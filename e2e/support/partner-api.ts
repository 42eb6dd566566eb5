import { signRequest } from '../../apps/server/src/platform/partner-api/signing.ts';

export interface PartnerKey {
  accessKey: string;
  secretKey: string;
  domainId: string;
}

/** Calls the partner API over HTTP, signed as the provider's SDKs sign (host, content-type, x-sdk-date). */
export async function callPartnerApi<T = unknown>(
  baseUrl: string,
  key: PartnerKey,
  method: 'GET' | 'POST',
  pathAndQuery: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  const url = new URL(pathAndQuery, baseUrl);
  const payload = body === undefined ? '' : JSON.stringify(body);
  const signed = signRequest({
    method,
    path: url.pathname,
    query: url.search.replace(/^\?/, ''),
    headers: { host: url.host, 'content-type': 'application/json', 'x-domain-id': key.domainId },
    body: payload,
    accessKey: key.accessKey,
    secretKey: key.secretKey,
    date: new Date(),
  });
  const { host: _host, ...headers } = Object.fromEntries(
    Object.entries(signed.headers).map(([k, v]) => [k.toLowerCase(), v]),
  );
  const res = await fetch(url, { method, headers, body: payload === '' ? undefined : payload });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
}
