import { createHmac, randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../errors/errors.ts';
import { safeEqual } from '../seal/digest.ts';
import { routedPath } from './request-context.ts';

export const CSRF_COOKIE = 'pc_csrf';
export const CSRF_HEADER = 'x-csrf-token';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function sign(secret: string, nonce: string): string {
  return createHmac('sha256', `csrf:${secret}`).update(nonce).digest('base64url').slice(0, 32);
}

/** A token is a nonce and its HMAC, so a cookie planted by a sibling domain is not accepted. */
function isValidToken(secret: string, token: string | undefined): token is string {
  if (!token || token.length > 100) return false;
  const [nonce, mac] = token.split('.');
  return !!nonce && !!mac && safeEqual(sign(secret, nonce), mac);
}

/** Returns the caller's valid token or sets a new one in the readable `pc_csrf` cookie. */
export function issueCsrfToken(req: FastifyRequest, reply: FastifyReply): string {
  const { secretKey, publicUrl } = req.server.ctx.config;
  const existing = req.cookies[CSRF_COOKIE];
  if (isValidToken(secretKey, existing)) return existing;
  const nonce = randomBytes(18).toString('base64url');
  const token = `${nonce}.${sign(secretKey, nonce)}`;
  reply.setCookie(CSRF_COOKIE, token, {
    path: '/',
    sameSite: 'lax',
    secure: publicUrl.startsWith('https:'),
    httpOnly: false,
  });
  return token;
}

/**
 * Double-submit: every unsafe `/api` request must echo the `pc_csrf` cookie in `x-csrf-token`.
 * The partner API (`/v2`) signs requests with AK/SK instead of cookies and is not covered.
 */
async function csrf(app: FastifyInstance) {
  app.addHook('onRequest', async (req) => {
    if (!UNSAFE.has(req.method)) return;
    const path = routedPath(req);
    if (!path.startsWith('/api/')) return;
    // The billing feed authenticates with a bearer token, which a browser never sends cross-site.
    if (path.startsWith('/api/ingest/') && req.headers.authorization?.startsWith('Bearer ')) return;
    // SMS gateways post delivery reports with a secret path token, without cookies.
    if (path.startsWith('/api/notifications/sms-status/')) return;
    const cookie = req.cookies[CSRF_COOKIE];
    const header = req.headers[CSRF_HEADER];
    const sent = Array.isArray(header) ? header[0] : header;
    const { secretKey } = req.server.ctx.config;
    if (!sent || !isValidToken(secretKey, cookie) || !safeEqual(cookie, sent))
      throw new AppError('common.csrf');
  });
}

export default fp(csrf, { name: 'csrf', dependencies: ['@fastify/cookie'] });
