import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context.ts';
import { requireOperator } from '../../platform/http/auth.ts';
import { OUTBOX_ROLES } from './outbox.policy.ts';
import { outboxQuery, outboxResponse } from './outbox.schemas.ts';
import { readOutbox } from './outbox.service.ts';

/** Console: recorded and sent mail, SMS and in-app messages with their delivery state. */
export const outboxRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/api/console/outbox',
    {
      schema: {
        tags: ['console'],
        summary: 'Outbox: messages and their delivery records, newest first (support, admin)',
        security: [{ session: [] }],
        querystring: outboxQuery,
        response: { 200: outboxResponse },
      },
      preValidation: async (req) => {
        requireOperator(req, OUTBOX_ROLES);
      },
    },
    async (req) => readOutbox(ctx, req.query),
  );
};
