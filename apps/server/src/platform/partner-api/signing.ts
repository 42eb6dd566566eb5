import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

// SDK-HMAC-SHA256 request signing, wire-compatible with the provider's partner SDKs.
// Pure: no framework, no storage, no clock (the caller passes `now`).

export const SIGNING_ALGORITHM = 'SDK-HMAC-SHA256';
export const MAX_CLOCK_SKEW_MS = 15 * 60 * 1000;

export type HeaderValue = string | readonly string[] | undefined;
export type RequestHeaders = Readonly<Record<string, HeaderValue>>;
export type RawBody = string | Uint8Array;

export type SignatureFailure =
  | 'missing_authorization'
  | 'malformed_authorization'
  | 'host_not_signed'
  | 'date_not_signed'
  | 'signed_header_missing'
  | 'missing_date'
  | 'malformed_date'
  | 'date_out_of_range'
  | 'malformed_request'
  | 'unknown_key'
  | 'signature_mismatch';

export type VerifyResult = { ok: true; accessKey: string } | { ok: false; reason: SignatureFailure };

export interface ParsedAuthorization {
  accessKey: string;
  signedHeaders: string[];
  signature: string;
}

export interface VerifyInput {
  method: string;
  /** Raw request path without the query, as received (still percent-encoded). */
  path: string;
  /** Raw query string, with or without the leading "?"; "" when none. */
  query: string;
  headers: RequestHeaders;
  rawBody: RawBody | undefined;
  /** Secret key for an access key, or undefined when the key is unknown/disabled. */
  secretFor: (accessKey: string) => string | undefined | Promise<string | undefined>;
  now: Date;
}

export interface SignInput {
  method: string;
  path: string;
  query?: string;
  /** Must contain `host`; `x-sdk-date` is added from `date`. */
  headers: RequestHeaders;
  body?: RawBody;
  accessKey: string;
  secretKey: string;
  date: Date;
  /** Header names to sign; defaults to every header given (plus x-sdk-date). */
  signedHeaders?: readonly string[];
}

export interface SignedRequest {
  /** Input headers plus `X-Sdk-Date` and `Authorization`. */
  headers: Record<string, string>;
  authorization: string;
  sdkDate: string;
  signature: string;
}

class MalformedRequest extends Error {}

export function headerValue(headers: RequestHeaders, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== wanted || value === undefined) continue;
    return typeof value === 'string' ? value : value.join(',');
  }
  return undefined;
}

/**
 * The headers under their lower-case names, joined as `headerValue` reads them (the first of names
 * differing only in case wins): built once per verification, so each lookup is one property read
 * instead of a scan of every header. Node's request headers are already lower case, and then the
 * object itself serves.
 */
function lowerCaseHeaders(headers: RequestHeaders): Readonly<Record<string, string>> {
  const out: Record<string, string> = Object.create(null);
  for (const key of Object.keys(headers)) {
    const value = headers[key];
    if (value === undefined) continue;
    const lower = key.toLowerCase();
    if (lower in out) continue;
    out[lower] = typeof value === 'string' ? value : value.join(',');
  }
  return out;
}

/** RFC 3986 unreserved set kept as is; everything else percent-encoded from UTF-8. */
export function rfc3986Encode(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

function decode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    throw new MalformedRequest('bad percent-encoding');
  }
}

/** Canonical forms of the paths seen (a route's path repeats on every call); bounded. */
const canonicalUris = new Map<string, string>();
const CANONICAL_URI_CACHE = 512;

export function canonicalUri(path: string): string {
  const cached = canonicalUris.get(path);
  if (cached !== undefined) return cached;
  const uri = computeCanonicalUri(path);
  if (canonicalUris.size >= CANONICAL_URI_CACHE) canonicalUris.clear();
  canonicalUris.set(path, uri);
  return uri;
}

function computeCanonicalUri(path: string): string {
  const encoded = path
    .split('/')
    .map((segment) => rfc3986Encode(decode(segment)))
    .join('/');
  return encoded.endsWith('/') ? encoded : `${encoded}/`;
}

export function canonicalQuery(query: string): string {
  if (query === '' || query === '?') return '';
  const raw = query.startsWith('?') ? query.slice(1) : query;
  const pairs = new Map<string, string[]>();
  for (const part of raw.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    // "+" means space in query strings, as the SDKs' URL parsers read it.
    const name = decode((eq < 0 ? part : part.slice(0, eq)).replace(/\+/g, ' '));
    const value = eq < 0 ? '' : decode(part.slice(eq + 1).replace(/\+/g, ' '));
    const list = pairs.get(name);
    if (list) list.push(value);
    else pairs.set(name, [value]);
  }
  const out: string[] = [];
  for (const name of [...pairs.keys()].sort(compareCodeUnits)) {
    const values = (pairs.get(name) ?? []).slice().sort(compareCodeUnits);
    for (const value of values) out.push(`${rfc3986Encode(name)}=${rfc3986Encode(value)}`);
  }
  return out.join('&');
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function sha256Hex(data: RawBody): string {
  return createHash('sha256').update(data).digest('hex');
}

export function canonicalRequest(input: {
  method: string;
  path: string;
  query: string;
  headers: RequestHeaders;
  signedHeaders: readonly string[];
  rawBody: RawBody | undefined;
}): string {
  return canonicalRequestOf({ ...input, headers: lowerCaseHeaders(input.headers) });
}

/** `canonicalRequest` over headers already indexed by lower-case name (`lowerCaseHeaders`). */
function canonicalRequestOf(input: {
  method: string;
  path: string;
  query: string;
  headers: Readonly<Record<string, string>>;
  signedHeaders: readonly string[];
  rawBody: RawBody | undefined;
}): string {
  let lines = '';
  for (const name of input.signedHeaders) {
    const value = input.headers[name] ?? input.headers[name.toLowerCase()];
    if (value === undefined) throw new MalformedRequest(`signed header ${name} missing`);
    lines += `${name}:${value.trim()}\n`;
  }
  const payload = input.headers['x-sdk-content-sha256'] ?? sha256Hex(input.rawBody ?? '');
  return `${input.method.toUpperCase()}\n${canonicalUri(input.path)}\n${canonicalQuery(input.query)}\n${lines}\n${input.signedHeaders.join(';')}\n${payload}`;
}

export function stringToSign(sdkDate: string, canonical: string): string {
  return `${SIGNING_ALGORITHM}\n${sdkDate}\n${sha256Hex(canonical)}`;
}

export function computeSignature(secretKey: string, toSign: string): string {
  return createHmac('sha256', secretKey).update(toSign).digest('hex');
}

const HEADER_NAME = /^[a-z0-9!#$%&'*+.^_`|~-]+$/;
const HEX_SIGNATURE = /^[0-9a-fA-F]{64}$/;
const SDK_DATE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

export function parseAuthorization(header: string): ParsedAuthorization | undefined {
  const trimmed = header.trim();
  if (!trimmed.startsWith(`${SIGNING_ALGORITHM} `)) return undefined;
  const fields = new Map<string, string>();
  for (const part of trimmed.slice(SIGNING_ALGORITHM.length).split(',')) {
    const eq = part.indexOf('=');
    if (eq < 0) return undefined;
    const key = part.slice(0, eq).trim();
    if (fields.has(key)) return undefined;
    fields.set(key, part.slice(eq + 1).trim());
  }
  const accessKey = fields.get('Access');
  const signed = fields.get('SignedHeaders');
  const signature = fields.get('Signature');
  if (fields.size !== 3 || !accessKey || !signed || !signature) return undefined;
  const signedHeaders = signed.split(';');
  // Names must be lower case, non-empty and unique, as the SDKs emit them.
  for (const h of signedHeaders) if (!HEADER_NAME.test(h)) return undefined;
  if (new Set(signedHeaders).size !== signedHeaders.length) return undefined;
  if (!HEX_SIGNATURE.test(signature)) return undefined;
  return { accessKey, signedHeaders, signature: signature.toLowerCase() };
}

/** Parses `YYYYMMDDTHHMMSSZ`; undefined when not a real UTC instant. */
export function parseSdkDate(value: string): Date | undefined {
  const m = SDK_DATE.exec(value);
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const h = Number(m[4]);
  const mi = Number(m[5]);
  const s = Number(m[6]);
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  const roundTrip =
    date.getUTCFullYear() === y &&
    date.getUTCMonth() === mo - 1 &&
    date.getUTCDate() === d &&
    date.getUTCHours() === h &&
    date.getUTCMinutes() === mi &&
    date.getUTCSeconds() === s;
  return roundTrip ? date : undefined;
}

export function formatSdkDate(date: Date): string {
  return date
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

export async function verifySignature(input: VerifyInput): Promise<VerifyResult> {
  const headers = lowerCaseHeaders(input.headers);
  const header = headers.authorization;
  if (header === undefined || header.trim() === '') return fail('missing_authorization');
  const auth = parseAuthorization(header);
  if (!auth) return fail('malformed_authorization');
  if (!auth.signedHeaders.includes('host')) return fail('host_not_signed');
  if (!auth.signedHeaders.includes('x-sdk-date')) return fail('date_not_signed');
  for (const name of auth.signedHeaders)
    if (headers[name] === undefined) return fail('signed_header_missing');

  const rawDate = headers['x-sdk-date'];
  if (rawDate === undefined) return fail('missing_date');
  const sdkDate = rawDate.trim();
  const signedAt = parseSdkDate(sdkDate);
  if (!signedAt) return fail('malformed_date');
  if (Math.abs(input.now.getTime() - signedAt.getTime()) > MAX_CLOCK_SKEW_MS) {
    return fail('date_out_of_range');
  }

  const secret = await input.secretFor(auth.accessKey);
  if (secret === undefined) return fail('unknown_key');

  let canonical: string;
  try {
    canonical = canonicalRequestOf({
      method: input.method,
      path: input.path,
      query: input.query,
      headers,
      signedHeaders: auth.signedHeaders,
      rawBody: input.rawBody,
    });
  } catch (error) {
    if (error instanceof MalformedRequest) return fail('malformed_request');
    throw error;
  }
  const expected = createHmac('sha256', secret).update(stringToSign(sdkDate, canonical)).digest();
  const given = Buffer.from(auth.signature, 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return fail('signature_mismatch');
  }
  return { ok: true, accessKey: auth.accessKey };
}

function fail(reason: SignatureFailure): VerifyResult {
  return { ok: false, reason };
}

export function signRequest(input: SignInput): SignedRequest {
  const sdkDate = formatSdkDate(input.date);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(input.headers)) {
    if (value === undefined || name.toLowerCase() === 'x-sdk-date') continue;
    headers[name] = typeof value === 'string' ? value : value.join(',');
  }
  headers['X-Sdk-Date'] = sdkDate;
  const names =
    input.signedHeaders ?? Object.keys(headers).filter((n) => n.toLowerCase() !== 'authorization');
  const signedHeaders = [...new Set(names.map((n) => n.toLowerCase()))].sort(compareCodeUnits);
  const canonical = canonicalRequest({
    method: input.method,
    path: input.path,
    query: input.query ?? '',
    headers,
    signedHeaders,
    rawBody: input.body,
  });
  const signature = computeSignature(input.secretKey, stringToSign(sdkDate, canonical));
  const authorization = `${SIGNING_ALGORITHM} Access=${input.accessKey}, SignedHeaders=${signedHeaders.join(';')}, Signature=${signature}`;
  headers.Authorization = authorization;
  return { headers, authorization, sdkDate, signature };
}
