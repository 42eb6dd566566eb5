import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';

/** The OpenAPI document (from the zod schemas) at /openapi.json and its reference page at /docs. */
async function openapi(app: FastifyInstance) {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Partner Center API',
        version: '0.1.0',
        description:
          'Portal and console API (`/api`, cookie session + CSRF) and the partner API (`/v2`, SDK-HMAC-SHA256).',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'pc_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
          akSk: { type: 'apiKey', in: 'header', name: 'Authorization', description: 'SDK-HMAC-SHA256' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  app.get('/openapi.json', { schema: { hide: true }, config: { api: 'system' } }, async () => app.swagger());
}

export default fp(openapi, { name: 'openapi' });
