import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.ts';
import { systemRoutes } from './system/system.routes.ts';

/** Every module's routes. Portal/console routes live under /api, the partner API under /v2. */
export async function registerModules(app: FastifyInstance, ctx: AppContext): Promise<void> {
  await app.register(systemRoutes, { ctx });
}
