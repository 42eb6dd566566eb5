import fastifyCompress from '@fastify/compress';
import type { FastifyInstance } from 'fastify';

/**
 * Compresses every text answer of 1 kB or more (JSON, HTML, the OpenAPI document) with brotli or
 * gzip, as the client accepts. Brotli at quality 4: near gzip's speed, smaller output. The web app's
 * static files are compressed once at build time and sent as they are (see web.ts).
 */
export async function registerCompression(app: FastifyInstance): Promise<void> {
  await app.register(fastifyCompress, { global: true, threshold: 1024, encodings: ['br', 'gzip'] });
}
