import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context.ts';
import { requireOperator } from '../../platform/http/auth.ts';
import { registrationsQuery, registrationsResponse } from './partners.schemas.ts';
import { listRegistrations } from './partners.service.ts';

/** Console views of partner companies. */
export const partnersRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
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
