import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context.ts';
import { requireOperator } from '../../platform/http/auth.ts';
import { auditQuery, auditResponse } from './audit.schemas.ts';
import { readAuditLog } from './audit.service.ts';

/** Console: the audit log, for any operator. */
export const auditRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/api/console/audit',
    {
      schema: {
        tags: ['console'],
        summary: 'Audit log, newest first, filtered and paged (any operator)',
        security: [{ session: [] }],
        querystring: auditQuery,
        response: { 200: auditResponse },
      },
      preValidation: async (req) => {
        requireOperator(req);
      },
    },
    async (req) => readAuditLog(ctx, req.query),
  );
};
