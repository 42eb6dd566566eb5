import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context.ts';
import { actorOf, type OperatorRole, requireOperator } from '../../platform/http/auth.ts';
import {
  listApplicationQueue,
  reviewApplication,
  reviewApplications,
  viewApplications,
} from './applications.service.ts';
import { assignManager, listEcosystemManagers } from './managers.service.ts';
import {
  applicationView,
  bulkResponse,
  bulkReviewBody,
  detailResponse,
  idParams,
  importBody,
  importResponse,
  managerBody,
  managerContact,
  managersResponse,
  partnerParams,
  performanceBody,
  performanceParams,
  performanceResponse,
  queueQuery,
  queueResponse,
  reviewBody,
} from './memberships.schemas.ts';
import { partnerMembershipDetail } from './memberships.service.ts';
import { importPerformance, setPerformance } from './performance.service.ts';

type Req = Parameters<typeof requireOperator>[0];
const roles = (r?: readonly OperatorRole[]) => ({
  preValidation: async (req: Req) => void requireOperator(req, r),
});
const REVIEWERS: OperatorRole[] = ['ecosystem_manager', 'reviewer'];
const PERFORMANCE: OperatorRole[] = ['ecosystem_manager', 'finance'];

/** R2, R5 in the console: application queues, partner detail, managers, performance. */
export const membershipsConsoleRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const read = { tags: ['console'], security: [{ session: [] }] };
  const write = { tags: ['console'], security: [{ session: [], csrf: [] }] };

  app.get(
    '/api/console/membership-applications',
    {
      schema: {
        ...read,
        summary: 'Program applications queue with filters (ecosystem manager, reviewer)',
        querystring: queueQuery,
        response: { 200: queueResponse },
      },
      ...roles(REVIEWERS),
    },
    async (req) => {
      const { mine, ...q } = req.query;
      return listApplicationQueue(ctx, actorOf(req), { ...q, mine: mine === 'true' });
    },
  );
  for (const decision of ['approve', 'reject'] as const) {
    app.post(
      `/api/console/membership-applications/:id/${decision}`,
      {
        schema: {
          ...write,
          summary: `${decision === 'approve' ? 'Approve' : 'Reject (reason required)'} an application`,
          params: idParams,
          body: reviewBody,
          response: { 200: applicationView },
        },
        ...roles(REVIEWERS),
      },
      async (req) => {
        const row = await reviewApplication(ctx, actorOf(req), req.params.id, decision, req.body.reason);
        const [view] = await viewApplications(ctx, [row]);
        return view;
      },
    );
  }
  app.post(
    '/api/console/membership-applications/bulk',
    {
      schema: {
        ...write,
        summary: 'Approve or reject several applications; one result per id',
        body: bulkReviewBody,
        response: { 200: bulkResponse },
      },
      ...roles(REVIEWERS),
    },
    async (req) => reviewApplications(ctx, actorOf(req), req.body.ids, req.body.action, req.body.reason),
  );
  app.get(
    '/api/console/partners/:partnerId/memberships',
    {
      schema: {
        ...read,
        summary: 'A partner’s programs, applications, performance, hierarchy and manager (any operator)',
        params: partnerParams,
        response: { 200: detailResponse },
      },
      ...roles(),
    },
    async (req) => partnerMembershipDetail(ctx, req.params.partnerId),
  );
  app.get(
    '/api/console/ecosystem-managers',
    {
      schema: {
        ...read,
        summary: 'Active ecosystem managers (any operator)',
        response: { 200: managersResponse },
      },
      ...roles(),
    },
    async () => ({ items: await listEcosystemManagers(ctx) }),
  );
  app.put(
    '/api/console/partners/:partnerId/ecosystem-manager',
    {
      schema: {
        ...write,
        summary: 'Assign the partner’s ecosystem manager (operator admin)',
        params: partnerParams,
        body: managerBody,
        response: { 200: managerContact },
      },
      ...roles([]),
    },
    async (req) => assignManager(ctx, actorOf(req), req.params.partnerId, req.body.managerId),
  );
  app.put(
    '/api/console/partners/:partnerId/performance/:year',
    {
      schema: {
        ...write,
        summary: 'Set a partner’s annual performance (ecosystem manager, finance)',
        params: performanceParams,
        body: performanceBody,
        response: { 200: performanceResponse },
      },
      ...roles(PERFORMANCE),
    },
    async (req) => {
      const row = await setPerformance(
        ctx,
        actorOf(req),
        req.params.partnerId,
        req.params.year,
        req.body.amountFen,
      );
      return { partnerId: row.partnerId, year: row.year, amountFen: row.amountFen };
    },
  );
  app.post(
    '/api/console/performance/import',
    {
      schema: {
        ...write,
        summary: 'Import annual performance from CSV `partner,year,amount` (finance)',
        body: importBody,
        response: { 200: importResponse },
      },
      ...roles(['finance']),
    },
    async (req) => importPerformance(ctx, actorOf(req), req.body.csv),
  );
};
