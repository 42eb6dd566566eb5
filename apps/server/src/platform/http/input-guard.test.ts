// The "found by probing" list, over a real socket where the wire matters: NUL bytes, URLs the
// router refuses, charsets, oversize uploads, CSRF with a percent-encoded path, no-store, CSP.
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  asUser,
  createPartnerWithAdmin,
  createTestApp,
  getCsrf,
  signIn,
  type TestApp,
} from '../../../test/index.ts';
import { callV2, createApiKey } from '../../../test/v2.ts';
import { declaredCharset, findNul } from './input-guard.ts';

let t: TestApp;
let port: number;

beforeAll(async () => {
  t = await createTestApp({ config: { bodyLimit: 64 * 1024 } });
  await t.app.listen({ host: '127.0.0.1', port: 0 });
  port = (t.app.server.address() as { port: number }).port;
});
afterAll(() => t.close());

interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** The socket was reset instead of closed after the answer. */
  reset: boolean;
}

/** Sends raw bytes on a new connection and reads the whole answer (the server closes, or we do). */
function rawHttp(head: string, body: Buffer | string = '', opts: { pace?: number } = {}): Promise<RawAnswer> {
  return new Promise((ok, fail) => {
    const socket = connect(port, '127.0.0.1');
    let data = '';
    let reset = false;
    socket.on('data', (d) => {
      data += d.toString('latin1');
    });
    socket.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'ECONNRESET' || e.code === 'EPIPE') reset = true;
      else fail(e);
    });
    socket.on('close', () => {
      const [top = '', ...rest] = data.split('\r\n\r\n');
      const [statusLine = '', ...lines] = top.split('\r\n');
      const headers: Record<string, string> = {};
      for (const l of lines) {
        const i = l.indexOf(':');
        headers[l.slice(0, i).toLowerCase()] = l.slice(i + 1).trim();
      }
      ok({ status: Number(statusLine.split(' ')[1] ?? 0), headers, body: rest.join('\r\n\r\n'), reset });
    });
    socket.write(head);
    const buf = Buffer.isBuffer(body) ? body : Buffer.from(body);
    if (!opts.pace) {
      socket.end(buf);
      return;
    }
    // Upload in chunks like a slow client, so the answer can come before the body is complete.
    let at = 0;
    const next = () => {
      if (socket.destroyed) return;
      if (at >= buf.length) return void socket.end();
      socket.write(buf.subarray(at, at + opts.pace!), () => setTimeout(next, 1));
      at += opts.pace!;
    };
    next();
  });
}

const get = (path: string) => rawHttp(`GET ${path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);

function expectDocumentedError(a: RawAnswer, status: number, code: string) {
  expect(a.status).toBe(status);
  const json = JSON.parse(a.body);
  expect(json.code ?? json.error_code).toBe(code);
  const id = json.requestId ?? json.request_id;
  expect(id).toMatch(/^[A-Za-z0-9._-]{8,}$/);
  expect(a.headers['x-request-id']).toBe(id);
}

describe('helpers', () => {
  it('find NUL anywhere and read the declared charset', () => {
    expect(findNul({ a: [{ b: 'x' }, { c: 'y\u0000' }] })).toBe('a.1.c');
    expect(findNul({ 'k\u0000': 1 })).toBe('k\u0000');
    expect(findNul('\u0000')).toBe('');
    expect(findNul({ a: 'ok', n: 1, z: null })).toBeUndefined();
    expect(declaredCharset('application/json; charset="UTF-16"')).toBe('utf-16');
    expect(declaredCharset('application/json')).toBeUndefined();
  });
});

describe('NUL characters are refused as 400 naming the field', () => {
  it('in a JSON body, a query value and a path id of the portal API', async () => {
    const p = await createPartnerWithAdmin(t);
    const as = asUser(t, await signIn(t, p.user.email, p.password));
    const body = await as({ method: 'PATCH', url: '/api/me/profile', payload: { name: 'a\u0000b' } });
    expect(body.statusCode).toBe(400);
    expect(body.json()).toMatchObject({
      code: 'common.nul_character',
      details: { field: 'name', in: 'body' },
    });
    expect(body.json().message).toContain('name');
    const en = await as({
      method: 'PATCH',
      url: '/api/me/profile',
      payload: { name: 'a\u0000b' },
      headers: { 'x-language': 'en-US' },
    });
    expect(en.json().message).toBe(
      'Invalid request: name contains a NUL character (U+0000), which is not allowed',
    );

    const query = await as({ method: 'GET', url: '/api/customers?keyword=%00' });
    expect(query.statusCode).toBe(400);
    expect(query.json().details, query.body).toMatchObject({ field: 'keyword', in: 'query' });

    const path = await as({ method: 'GET', url: '/api/console/certificate-reviews/rev%00x' });
    expect([400, 401, 403]).toContain(path.statusCode); // a partner is refused or the id is; never 500
  });

  it('on the partner API after the signature check, in the CBC shape', async () => {
    const p = await createPartnerWithAdmin(t);
    const key = await createApiKey(t, p.partner.id);
    const res = await callV2(t, key, {
      method: 'GET',
      url: '/v2/partners/sub-customers/budget?customer_id=%00',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error_code).toBe('CBC.0100');
    expect(res.json().error_msg).toContain('customer_id');
    const unsigned = await t.app.inject({
      method: 'GET',
      url: '/v2/partners/sub-customers/budget?customer_id=%00',
    });
    expect(unsigned.statusCode).toBe(401);
  });
});

describe('errors in the documented shape with a request id', () => {
  it('a %ff in the path', async () => {
    expectDocumentedError(await get('/api/%ff'), 400, 'common.bad_url');
    expectDocumentedError(await get('/v2/partners/%ff'), 400, 'CBC.0100');
  });

  it('a path id longer than the router takes', async () => {
    const id = 'a'.repeat(5000);
    const a = await rawHttp(`POST /api/messages/${id}/read HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
    expectDocumentedError(a, 414, 'common.uri_too_long');
  });

  it('a body declared in another charset than UTF-8', async () => {
    const body = Buffer.from('{"email":"a@b.cd","password":"x"}', 'utf16le');
    const a = await rawHttp(
      `POST /api/auth/sign-in HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/json; charset=utf-16\r\nContent-Length: ${body.length}\r\n\r\n`,
      body,
    );
    expectDocumentedError(a, 415, 'common.unsupported_charset');
  });

  it('an oversize upload is answered 413 and the connection closed, not reset, while the client still sends', async () => {
    const size = 2 * 1024 * 1024;
    const { cookie, csrf } = await getCsrf(t);
    const a = await rawHttp(
      `POST /api/auth/sign-in HTTP/1.1\r\nHost: x\r\nCookie: ${cookie}\r\nX-CSRF-Token: ${csrf}\r\nContent-Type: application/json\r\nContent-Length: ${size}\r\n\r\n`,
      Buffer.alloc(size, 0x20),
      { pace: 16 * 1024 },
    );
    expectDocumentedError(a, 413, 'common.body_too_large');
    expect(a.reset).toBe(false);

    // Without a length (chunked), the limit is found while reading.
    const chunk = Buffer.alloc(16 * 1024, 0x20);
    const chunked = Buffer.concat([
      ...Array.from({ length: 128 }, () =>
        Buffer.concat([Buffer.from('4000\r\n'), chunk, Buffer.from('\r\n')]),
      ),
      Buffer.from('0\r\n\r\n'),
    ]);
    const b = await rawHttp(
      `POST /api/auth/sign-in HTTP/1.1\r\nHost: x\r\nCookie: ${cookie}\r\nX-CSRF-Token: ${csrf}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n`,
      chunked,
      { pace: 16 * 1024 },
    );
    expectDocumentedError(b, 413, 'common.body_too_large');
    expect(b.reset).toBe(false);
  });
});

describe('CSRF is decided on the routed path', () => {
  it('refuses /%61pi/auth/sign-in from a foreign origin without a token', async () => {
    for (const url of ['/%61pi/auth/sign-in', '/api/auth/sign-in', '/%61%70%69/auth/sign-up']) {
      const res = await t.app.inject({
        method: 'POST',
        url,
        headers: { origin: 'https://evil.example', 'content-type': 'application/json' },
        payload: { email: 'a@b.cd', password: 'xxxxxxxxxx' },
      });
      expect(res.statusCode, url).toBe(403);
      expect(res.json().code).toBe('common.csrf');
    }
  });
});

describe('headers', () => {
  it('API answers are not stored by caches; the CSP allows no inline script', async () => {
    const p = await createPartnerWithAdmin(t);
    const as = asUser(t, await signIn(t, p.user.email, p.password));
    const me = await as({ method: 'GET', url: '/api/me' });
    expect(me.statusCode).toBe(200);
    expect(me.headers['cache-control']).toBe('no-store');
    const csp = String(me.headers['content-security-policy']);
    const scripts = csp.split(';').find((d) => d.trim().startsWith('script-src '));
    expect(scripts?.trim()).toBe("script-src 'self'");
    const health = await t.app.inject({ method: 'GET', url: '/health' });
    expect(health.headers['cache-control']).toBeUndefined();
  });
});
