import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';

const camel = (word: string) => word.replace(/[-_.]+(\w)/g, (_m, c: string) => c.toUpperCase());
const title = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/**
 * The operationId of a portal/console route that names none: method and path in camelCase,
 * `GET /api/customers/:id/budget` → `getCustomersByIdBudget`. Stable as long as the route is;
 * partner-API routes name theirs after the provider's SDK operations.
 */
export function operationIdOf(method: string, url: string): string {
  const words = url
    .split('/')
    .filter((s) => s !== '' && s !== 'api')
    .map((s) => (s.startsWith(':') ? `By${title(camel(s.slice(1)))}` : title(camel(s))));
  return method.toLowerCase() + words.join('');
}

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
  app.addHook('onRoute', (route) => {
    if (!route.schema || route.schema.hide) return;
    const method = Array.isArray(route.method) ? route.method[0] : route.method;
    route.schema.operationId ??= operationIdOf(String(method), route.url);
  });
  app.get('/openapi.json', { schema: { hide: true }, config: { api: 'system' } }, async () => app.swagger());
}

export default fp(openapi, { name: 'openapi' });
