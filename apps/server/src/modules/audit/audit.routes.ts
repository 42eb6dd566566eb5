import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context.ts';
import { requireOperator } from '../../platform/http/auth.ts';
import { actionLabels } from './audit.labels.ts';
import { actionsResponse, auditFilters, auditQuery, auditResponse } from './audit.schemas.ts';
import { exportAuditCsv, readAuditLog } from './audit.service.ts';

const operatorOnly = {
  preValidation: async (req: Parameters<typeof requireOperator>[0]) => {
    requireOperator(req);
  },
};

/** Console: the audit log, for any operator. */
export const auditRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/api/console/audit',
    {
      schema: {
        tags: ['console'],
        summary:
          'Audit log with names, newest first, filtered (days in Asia/Shanghai) and paged (any operator)',
        security: [{ session: [] }],
        querystring: auditQuery,
        response: { 200: auditResponse },
      },
      ...operatorOnly,
    },
    async (req) => readAuditLog(ctx, req.query, req.locale),
  );
  app.get(
    '/api/console/audit/actions',
    {
      schema: {
        tags: ['console'],
        summary: 'Every audit action code with its label in the request language (any operator)',
        security: [{ session: [] }],
        response: { 200: actionsResponse },
      },
      ...operatorOnly,
    },
    async (req) => ({ items: actionLabels(req.locale) }),
  );
  app.get(
    '/api/console/audit/export',
    {
      schema: {
        tags: ['console'],
        summary:
          'The filtered audit log as CSV (UTF-8 with BOM, Asia/Shanghai times), streamed (any operator)',
        security: [{ session: [] }],
        querystring: auditFilters,
        produces: ['text/csv'],
      },
      ...operatorOnly,
    },
    async (req, reply) => {
      const file = exportAuditCsv(ctx, req.query, req.locale);
      reply.header('content-type', 'text/csv; charset=utf-8');
      reply.header('content-disposition', `attachment; filename="${file.filename}"`);
      reply.header('cache-control', 'no-store');
      return reply.send(file.stream);
    },
  );
};
