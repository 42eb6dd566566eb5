import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../errors/errors.ts';
import { routedPath } from './request-context.ts';

const UTF8 = new Set(['utf-8', 'utf8', 'us-ascii']);
const MAX_DEPTH = 64;

/** The charset a Content-Type declares, lower-cased, or undefined when it declares none. */
export function declaredCharset(contentType: string | undefined): string | undefined {
  const m = /;\s*charset\s*=\s*"?([^";\s]*)"?/i.exec(contentType ?? '');
  return m ? (m[1] ?? '').toLowerCase() : undefined;
}

/**
 * The dotted path of the first string (or object key) holding U+0000, '' for the value itself,
 * undefined when there is none. PostgreSQL text cannot store NUL and fails the whole statement.
 */
export function findNul(value: unknown, path = '', depth = 0): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path : undefined;
  if (depth > MAX_DEPTH || value === null || typeof value !== 'object') return undefined;
  // Streamed uploads and raw buffers are not parsed input (the query object has its own prototype).
  if (ArrayBuffer.isView(value) || typeof (value as { pipe?: unknown }).pipe === 'function') return undefined;
  for (const [k, v] of Object.entries(value)) {
    const at = path ? `${path}.${k}` : k;
    if (k.includes('\u0000')) return at;
    const found = findNul(v, at, depth + 1);
    if (found !== undefined) return found;
  }
  return undefined;
}

function refuseCharset(req: FastifyRequest): void {
  const charset = declaredCharset(req.headers['content-type']);
  if (charset !== undefined && !UTF8.has(charset))
    throw new AppError('common.unsupported_charset', { charset: charset.slice(0, 40) });
}

function refuseNul(req: FastifyRequest): void {
  const parts: [string, unknown][] = [
    ['path', req.params],
    ['query', req.query],
    ['body', req.body],
  ];
  for (const [where, value] of parts) {
    const field = findNul(value);
    if (field !== undefined) throw new AppError('common.nul_character', { field: field || where, in: where });
  }
}

const isPartnerApi = (req: FastifyRequest) => req.routeOptions.config?.api === 'cbc';

/**
 * The one place that refuses input no handler should see: a body in another charset than UTF-8
 * (it would be read as UTF-8 and garbled) and NUL characters anywhere in path, query or body. On
 * the partner API these checks run after the signature check (a bad signature answers 401 first).
 * Also: API answers are never stored by caches (`Cache-Control: no-store`), as they carry
 * account data.
 */
async function inputGuard(app: FastifyInstance) {
  app.addHook('onRequest', async (req) => {
    if (!isPartnerApi(req)) refuseCharset(req);
  });
  app.addHook('preValidation', async (req) => {
    if (!isPartnerApi(req)) refuseNul(req);
  });
  app.addHook('preHandler', async (req) => {
    if (!isPartnerApi(req)) return;
    refuseCharset(req);
    refuseNul(req);
  });
  app.addHook('onSend', async (req, reply, payload) => {
    if (reply.hasHeader('cache-control')) return payload;
    const path = routedPath(req);
    if (path.startsWith('/api/') || path.startsWith('/v2/')) reply.header('cache-control', 'no-store');
    return payload;
  });
}

export default fp(inputGuard, { name: 'input-guard', dependencies: ['errors'] });
