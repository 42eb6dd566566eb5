import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context.ts';
import { requireOperator } from '../../platform/http/auth.ts';
import { registrationsQuery, registrationsResponse } from './registrations.schemas.ts';
import { listRegistrations } from './registrations.service.ts';

/** Console: recent partner registrations (the company and its administrator). */
export const registrationsConsoleRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (
  app,
  { ctx },
) => {
  app.get(
    '/api/console/partners',
    {
      schema: {
        tags: ['console'],
        summary: 'Recent partner registrations, newest first (any operator)',
        security: [{ session: [] }],
        querystring: registrationsQuery,
        response: { 200: registrationsResponse },
      },
      preValidation: async (req) => {
        requireOperator(req);
      },
    },
    async (req) => listRegistrations(ctx, req.query),
  );
};
