import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context.ts';
import { requireOperator, requirePartnerUser } from '../../platform/http/auth.ts';
import { dashboardResponse, workQueuesQuery, workQueuesResponse } from './dashboard.schemas.ts';
import { partnerDashboard } from './dashboard.service.ts';
import { workQueueCounts } from './work-queues.service.ts';

const security = [{ session: [] }];

/** The partner's dashboard summary and the console home's work-queue counts (also the bell's feed). */
export const dashboardRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/api/dashboard',
    {
      schema: {
        tags: ['dashboard'],
        security,
        summary: 'My dashboard: performance, certificate, open tasks, budget alerts, ecosystem manager',
        response: { 200: dashboardResponse },
      },
      preValidation: async (req) => void requirePartnerUser(req),
    },
    async (req) => partnerDashboard(ctx, requirePartnerUser(req).partnerId),
  );

  app.get(
    '/api/console/work-queues',
    {
      schema: {
        tags: ['console'],
        security,
        summary: 'Counts of the work queues this operator may open, and the items new since a time',
        querystring: workQueuesQuery,
        response: { 200: workQueuesResponse },
      },
      preValidation: async (req) => void requireOperator(req),
    },
    async (req) => {
      const u = requireOperator(req);
      return workQueueCounts(ctx, u.roles, req.query.since ? new Date(req.query.since) : null);
    },
  );
};
