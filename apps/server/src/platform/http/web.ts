import { existsSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../../config.ts';

/**
 * Serves the built web app: the portal at `/`, the operator console at `/console`. Unknown paths
 * that are not API calls fall back to index.html so client-side routes load on refresh.
 */
export async function serveWeb(app: FastifyInstance, config: Config): Promise<void> {
  const index = `${config.webDist}/index.html`;
  if (!existsSync(index)) return;
  await app.register(fastifyStatic, {
    root: config.webDist,
    prefix: '/',
    wildcard: false,
    index: ['index.html'],
  });
  app.get('/*', { schema: { hide: true }, config: { api: 'system' } }, (req, reply) => {
    const path = req.url.split('?')[0] ?? '/';
    if (path.startsWith('/api/') || path.startsWith('/v2/') || path.includes('.')) {
      return reply.callNotFound();
    }
    return reply.sendFile('index.html');
  });
}
