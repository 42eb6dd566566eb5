import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { DEFAULT_LOCALE, type Locale, localeFromAcceptLanguage, parseLocale } from '../i18n/i18n.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The language of messages for this request. Identity refines it from the user's choice. */
    locale: Locale;
  }
  interface FastifyContextConfig {
    /** `cbc` routes speak the partner API's error dialect. */
    api?: 'portal' | 'cbc' | 'system';
  }
}

const REQUEST_ID = /^[A-Za-z0-9._-]{8,128}$/;

/** Keeps a caller's X-Request-Id when it is sane, else makes one. */
export function requestIdFor(header: string | string[] | undefined): string {
  const v = Array.isArray(header) ? header[0] : header;
  return v && REQUEST_ID.test(v) ? v : randomUUID().replaceAll('-', '');
}

/** Picks the language: explicit X-Language, then the `lang` cookie, then Accept-Language. */
export function localeOf(req: FastifyRequest): Locale {
  const h = req.headers['x-language'];
  return (
    parseLocale(Array.isArray(h) ? h[0] : h) ??
    parseLocale(req.cookies?.lang) ??
    localeFromAcceptLanguage(req.headers['accept-language']) ??
    DEFAULT_LOCALE
  );
}

async function requestContext(app: FastifyInstance) {
  app.decorateRequest('locale', DEFAULT_LOCALE);
  app.addHook('onRequest', async (req, reply) => {
    req.locale = localeOf(req);
    reply.header('x-request-id', req.id);
  });
}

export default fp(requestContext, { name: 'request-context', dependencies: ['@fastify/cookie'] });
