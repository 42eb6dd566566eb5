// Generated malformed requests over every operation of the OpenAPI document, sent through the whole
// app (app.inject): wrong types, huge and unicode strings, missing fields, bad JSON, oversize bodies,
// traversal- and SQL-shaped strings, NUL characters, other charsets, bad signatures. Each answer must
// be below 500, carry a request id, be in the documented error shape when it is an error, and leak
// no stack, SQL or file path. Used by the fast test (a few cases per operation) and by the
// reliability suite (≥ 10,000 requests).
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { signRequest } from '../src/platform/partner-api/signing.ts';
import type { TestApp } from './app.ts';
import { createOperator, createPartnerWithAdmin, signIn, type TestSession } from './factories.ts';
import { createApiKey, type TestApiKey } from './v2.ts';

interface Schema {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
}
interface Operation {
  method: string;
  path: string;
  params: { name: string; in: string; schema?: Schema }[];
  body?: Schema;
}

/** Strings that go where a value is expected. */
export const NASTY = [
  '',
  ' ',
  'x'.repeat(5_000),
  '界'.repeat(20_000),
  '𠜎😀\u202e\ufeff',
  '../../../../etc/passwd',
  '..%2f..%2f..%2fetc%2fpasswd',
  "' or '1'='1",
  '1; drop table users; --',
  "'); select pg_sleep(5); --",
  '%00',
  'a\u0000b',
  '\u0024{jndi:ldap://x}',
  '<script>alert(1)</script>',
  '-1',
  '1e309',
  'NaN',
  '9'.repeat(40),
  'null',
  '[object Object]',
];

/** Values of the wrong type for a field. */
const WRONG: unknown[] = [
  123,
  -1,
  1.5,
  1e308,
  true,
  null,
  {},
  [],
  ['x'],
  { $gt: '' },
  'x'.repeat(100_000),
  'a\u0000b',
];

const BAD_JSON = [
  '{',
  '{"a":',
  '[1,2',
  'nul',
  '"\\ud800"',
  '{"a":1}}',
  '\u0000',
  '{"__proto__":{"x":1}}',
  '1',
  '[]',
];

/** What the leaks look like: a stack frame, a driver message, a file of ours. */
const LEAK =
  /\bat (async )?\S+ \(|\.ts:\d+|node_modules|\/work\/|\/apps\/server|syntax error at|invalid byte sequence|violates .* constraint|duplicate key|relation "|column "|ECONNREFUSED|TypeError|ReferenceError|Cannot read propert/;

export interface BadInputResult {
  requests: number;
  operations: number;
  byStatus: Record<string, number>;
  serverErrors: string[];
  leaks: string[];
  badShape: string[];
}

export interface Callers {
  /** Session of a partner administrator (portal routes). */
  partner: TestSession;
  /** Session of an operator administrator (console routes). */
  operator: TestSession;
  /** An API key for /v2 operations. */
  key: TestApiKey;
  /** Signs in again when a case ended a session (sign-out). */
  refresh(): Promise<void>;
}

/** A partner administrator, an operator administrator and an API key to send the requests as. */
export async function createCallers(t: TestApp): Promise<Callers> {
  const partner = await createPartnerWithAdmin(t);
  const operator = await createOperator(t, ['admin']);
  const callers: Callers = {
    partner: await signIn(t, partner.user.email, partner.password),
    operator: await signIn(t, operator.user.email, operator.password),
    key: await createApiKey(t, partner.partner.id),
    async refresh() {
      for (const [name, who] of [
        ['partner', partner],
        ['operator', operator],
      ] as const) {
        const me = await t.app.inject({
          method: 'GET',
          url: '/api/me',
          headers: { cookie: callers[name].cookie },
        });
        if (me.statusCode === 401) callers[name] = await signIn(t, who.user.email, who.password);
      }
    },
  };
  return callers;
}

export function operationsOf(t: TestApp): Operation[] {
  const doc = t.app.swagger() as {
    paths: Record<
      string,
      Record<
        string,
        { parameters?: Operation['params']; requestBody?: { content?: Record<string, { schema?: Schema }> } }
      >
    >;
  };
  const ops: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      ops.push({
        method: method.toUpperCase(),
        path,
        params: op.parameters ?? [],
        body: op.requestBody?.content?.['application/json']?.schema,
      });
    }
  }
  return ops.sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
}

interface Case {
  path: Record<string, string>;
  query: Record<string, string>;
  /** A raw body (sent as is), or a value to send as JSON. */
  raw?: string;
  json?: unknown;
  contentType?: string;
  signature?: 'none' | 'wrong' | 'stale';
}

const sample = (s: Schema | undefined): unknown => {
  const type = Array.isArray(s?.type) ? s?.type[0] : s?.type;
  if (type === 'integer' || type === 'number') return 1;
  if (type === 'boolean') return true;
  if (type === 'array') return [];
  if (type === 'object') return {};
  return 'x';
};

/** A body with every required field present with a plausible value. */
const plausible = (s: Schema | undefined): Record<string, unknown> =>
  Object.fromEntries((s?.required ?? []).map((k) => [k, sample(s?.properties?.[k])]));

/** The n-th malformed request for an operation (deterministic, cycling through the kinds). */
function caseOf(op: Operation, n: number): Case {
  const pathParams = op.params.filter((p) => p.in === 'path');
  const queryParams = op.params.filter((p) => p.in === 'query');
  const fields = Object.keys(op.body?.properties ?? {});
  const nasty = NASTY[n % NASTY.length] as string;
  const wrong = WRONG[n % WRONG.length];
  const base: Case = {
    path: Object.fromEntries(pathParams.map((p) => [p.name, 'id_1'])),
    query: {},
  };
  const kinds: (() => Case)[] = [];
  if (pathParams.length)
    kinds.push(() => ({ ...base, path: Object.fromEntries(pathParams.map((p) => [p.name, nasty])) }));
  if (queryParams.length) {
    kinds.push(() => ({ ...base, query: Object.fromEntries(queryParams.map((p) => [p.name, nasty])) }));
    kinds.push(() => ({
      ...base,
      query: { [(queryParams[n % queryParams.length] as { name: string }).name]: String(wrong) },
    }));
  }
  if (op.method !== 'GET' && op.method !== 'DELETE') {
    kinds.push(() => ({ ...base, raw: BAD_JSON[n % BAD_JSON.length] as string }));
    kinds.push(() => ({ ...base, json: {} }));
    if (fields.length) {
      const field = fields[n % fields.length] as string;
      kinds.push(() => ({ ...base, json: { ...plausible(op.body), [field]: wrong } }));
      kinds.push(() => ({ ...base, json: { ...plausible(op.body), [field]: nasty } }));
    }
    kinds.push(() => ({ ...base, json: { ...plausible(op.body), unexpected_field: nasty } }));
    kinds.push(() => ({ ...base, json: [plausible(op.body)] }));
    kinds.push(() => ({ ...base, raw: JSON.stringify({ a: 'x'.repeat(1_100_000) }) }));
    kinds.push(() => ({ ...base, raw: '{}', contentType: 'application/json; charset=utf-16' }));
    kinds.push(() => ({ ...base, raw: 'a=1&b=2', contentType: 'application/x-www-form-urlencoded' }));
    kinds.push(() => ({ ...base, raw: 'text', contentType: 'text/plain' }));
  }
  if (op.path.startsWith('/v2/') || op.path.startsWith('/v3/')) {
    kinds.push(() => ({ ...base, json: plausible(op.body), signature: 'wrong' }));
    kinds.push(() => ({ ...base, json: plausible(op.body), signature: 'none' }));
    kinds.push(() => ({ ...base, json: plausible(op.body), signature: 'stale' }));
  }
  if (!kinds.length) kinds.push(() => ({ ...base, query: { unexpected: nasty } }));
  return (kinds[n % kinds.length] as () => Case)();
}

function urlOf(op: Operation, c: Case): string {
  const path = op.path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(c.path[name] ?? 'x'));
  const q = new URLSearchParams(c.query).toString();
  return q ? `${path}?${q}` : path;
}

let signed = 0;

function requestOf(t: TestApp, callers: Callers, op: Operation, c: Case): InjectOptions {
  const url = urlOf(op, c);
  const hasBody =
    op.method !== 'GET' && op.method !== 'DELETE' && (c.raw !== undefined || c.json !== undefined);
  const body = c.raw ?? (c.json === undefined ? '' : JSON.stringify(c.json));
  const headers: Record<string, string> = {};
  if (hasBody) headers['content-type'] = c.contentType ?? 'application/json';
  const v2 = url.startsWith('/v2/') || url.startsWith('/v3/');
  if (v2) {
    headers.host = 'localhost';
    headers['x-fuzz'] = String(++signed);
    const q = url.indexOf('?');
    const { headers: withAuth } = signRequest({
      method: op.method,
      path: q < 0 ? url : url.slice(0, q),
      query: q < 0 ? '' : url.slice(q + 1),
      headers,
      body: hasBody ? body : '',
      accessKey: callers.key.accessKey,
      secretKey: c.signature === 'wrong' ? 'W'.repeat(40) : callers.key.secretKey,
      date: c.signature === 'stale' ? new Date(t.clock.now().getTime() - 3_600_000) : t.clock.now(),
    });
    if (c.signature !== 'none') Object.assign(headers, withAuth);
  } else {
    const session = url.startsWith('/api/console') ? callers.operator : callers.partner;
    headers.cookie = session.cookie;
    headers['x-csrf-token'] = session.csrf;
  }
  return {
    method: op.method as InjectOptions['method'],
    url,
    headers,
    ...(hasBody ? { payload: body } : {}),
  };
}

function check(res: LightMyRequestResponse, label: string, out: BadInputResult): void {
  out.byStatus[String(res.statusCode)] = (out.byStatus[String(res.statusCode)] ?? 0) + 1;
  const text = res.body;
  if (res.statusCode >= 500) out.serverErrors.push(`${label} → ${res.statusCode} ${text.slice(0, 200)}`);
  if (LEAK.test(text)) out.leaks.push(`${label} → ${res.statusCode} ${text.slice(0, 300)}`);
  if (!res.headers['x-request-id']) out.badShape.push(`${label} → ${res.statusCode} without X-Request-Id`);
  if (res.statusCode < 400) return;
  let body: Record<string, unknown> | null = null;
  try {
    body = JSON.parse(text) as Record<string, unknown>;
  } catch {
    // not JSON: a bad shape
  }
  const api =
    typeof body?.code === 'string' &&
    typeof body?.message === 'string' &&
    typeof body?.requestId === 'string';
  const cbc =
    (typeof body?.error_code === 'string' || typeof body?.errorCode === 'string') &&
    typeof (body?.error_msg ?? body?.errorMsg) === 'string';
  if (!api && !cbc) out.badShape.push(`${label} → ${res.statusCode} ${text.slice(0, 200)}`);
}

/** Sends `perOperation` malformed requests to every operation; returns the tally. */
export async function runBadInput(
  t: TestApp,
  callers: Callers,
  opts: { perOperation: number; skip?: RegExp },
): Promise<BadInputResult> {
  const ops = operationsOf(t).filter((op) => !opts.skip?.test(`${op.method} ${op.path}`));
  const out: BadInputResult = {
    requests: 0,
    operations: ops.length,
    byStatus: {},
    serverErrors: [],
    leaks: [],
    badShape: [],
  };
  for (const [i, op] of ops.entries()) {
    for (let n = 0; n < opts.perOperation; n++) {
      // Started at the operation's index, so a few cases per operation still cover every kind.
      const c = caseOf(op, n + i);
      const req = requestOf(t, callers, op, c);
      const res = await t.app.inject(req);
      out.requests++;
      check(
        res,
        `${op.method} ${String(req.url).slice(0, 120)}${c.raw !== undefined ? ` raw(${c.raw.length})` : ''}${c.json !== undefined ? ` json ${JSON.stringify(c.json).slice(0, 80)}` : ''}`,
        out,
      );
    }
    await callers.refresh();
  }
  return out;
}
