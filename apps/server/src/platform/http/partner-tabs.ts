import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type ModuleManifest, partnerTabsFor } from '../module.ts';
import { requireOperator } from './auth.ts';

/**
 * Issue 14: the console's partner detail page asks which tabs the signed-in operator may open; the
 * answer comes from the modules' `partnerTabs` declarations, which name the role constants their
 * routes check, so a tab shown never answers 403.
 */
export const partnerTabsRoutes: FastifyPluginAsyncZod<{ modules: readonly ModuleManifest[] }> = async (
  app,
  { modules },
) => {
  app.get(
    '/api/console/partner-tabs',
    {
      schema: {
        tags: ['console'],
        security: [{ session: [] }],
        summary: 'The partner-detail tabs the signed-in operator’s roles may open',
        response: { 200: z.object({ tabs: z.array(z.string()) }) },
      },
    },
    async (req) => ({ tabs: partnerTabsFor(modules, requireOperator(req).roles) }),
  );
};
