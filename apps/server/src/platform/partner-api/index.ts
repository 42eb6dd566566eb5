import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.ts';
import type { ModuleManifest, PlatformHooks } from '../module.ts';
import { partnerApiScope } from './scope.ts';

/** The partner API: every module's `partnerApiRoutes` inside the signed /v2 scope. */
export async function registerPartnerApi(
  app: FastifyInstance,
  ctx: AppContext,
  modules: readonly ModuleManifest[],
  findKey: PlatformHooks['findPartnerApiKey'],
): Promise<void> {
  await app.register(
    async (scope) => {
      await partnerApiScope(scope, findKey);
      for (const m of modules) {
        for (const routes of m.partnerApiRoutes ?? []) await scope.register(routes, { ctx });
      }
    },
    { prefix: '/v2' },
  );
}
