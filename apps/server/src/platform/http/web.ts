import { existsSync } from 'node:fs';
import { relative } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../../config.ts';

/** Built files whose name carries a content hash (Vite's `assets/name-HASH.ext`): they never change. */
const HASHED = /^assets[\\/].+-[A-Za-z0-9_-]{8,}\.[a-z0-9]+$/;
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** index.html and the unhashed public files: the browser revalidates (ETag) before each use. */
export const REVALIDATE = 'no-cache';

/** The Cache-Control of one file of the built web app, by its path inside the dist folder. */
export function webCacheControl(pathInDist: string): string {
  return HASHED.test(pathInDist) ? IMMUTABLE : REVALIDATE;
}

/**
 * Serves the built web app: the portal at `/`, the operator console at `/console`. Unknown paths
 * that are not API calls fall back to index.html so client-side routes load on refresh.
 * Hashed assets are cached for a year as immutable, index.html is never used unchecked, and the
 * build's `.br`/`.gz` files are sent to browsers that accept them (no compression per request).
 */
export async function serveWeb(app: FastifyInstance, config: Config): Promise<void> {
  const index = `${config.webDist}/index.html`;
  if (!existsSync(index)) return;
  await app.register(fastifyStatic, {
    root: config.webDist,
    prefix: '/',
    wildcard: false,
    index: ['index.html'],
    preCompressed: true,
    cacheControl: false,
    // `path` is the file sent: for a pre-compressed answer, the `.br` or `.gz` beside the original.
    setHeaders: (res, path) => {
      // @fastify/static 9 does not add Vary for its pre-compressed files; caches must key on it.
      if (/\.(br|gz)$/.test(path)) res.setHeader('vary', 'accept-encoding');
      res.setHeader(
        'cache-control',
        webCacheControl(relative(config.webDist, path).replace(/\.(br|gz)$/, '')),
      );
    },
  });
  app.get('/*', { schema: { hide: true }, config: { api: 'system' } }, (req, reply) => {
    const path = req.url.split('?')[0] ?? '/';
    if (path.startsWith('/api/') || path.startsWith('/v2/') || path.includes('.')) {
      return reply.callNotFound();
    }
    return reply.sendFile('index.html');
  });
}
