import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.ts';
import type { ModuleManifest } from '../module.ts';
import { type FindPartnerApiKey, partnerApiScope } from './scope.ts';
import { answerUnknownApiPaths } from './unknown-api.ts';

/**
 * The partner API: every module's `partnerApiRoutes` inside the signed /v2 scope, and its
 * `partnerApiV3Routes` inside an identical /v3 scope.
 */
export async function registerPartnerApi(
  app: FastifyInstance,
  ctx: AppContext,
  modules: readonly ModuleManifest[],
  findKey: FindPartnerApiKey,
): Promise<void> {
  answerUnknownApiPaths(app, ctx);
  const versions = [
    { prefix: '/v2', routesOf: (m: ModuleManifest) => m.partnerApiRoutes ?? [] },
    { prefix: '/v3', routesOf: (m: ModuleManifest) => m.partnerApiV3Routes ?? [] },
  ];
  for (const { prefix, routesOf } of versions) {
    if (!modules.some((m) => routesOf(m).length > 0)) continue;
    await app.register(
      async (scope) => {
        await partnerApiScope(scope, findKey);
        for (const m of modules) {
          for (const routes of routesOf(m)) await scope.register(routes, { ctx });
        }
      },
      { prefix },
    );
  }
}
