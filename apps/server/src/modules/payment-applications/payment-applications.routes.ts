import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context.ts';
import { actorOf, type OperatorRole, requireOperator, requirePartnerUser } from '../../platform/http/auth.ts';
import {
  applicationDetail,
  applicationList,
  applicationView,
  applyBody,
  consoleQuery,
  idParams,
  overviewResponse,
  returnBody,
  reviewManyBody,
  reviewManyResponse,
} from './payment-applications.schemas.ts';
import {
  applyForPayment,
  approveApplication,
  getApplication,
  listApplications,
  paymentOverview,
  returnApplication,
  reviewMany,
} from './payment-applications.service.ts';

const security = [{ session: [] }];
const portal = { tags: ['payment-applications'], security };
const consoleTags = { tags: ['console'], security };
/** Finance reviews; ecosystem managers and reviewers may look. */
const REVIEW_ROLES: readonly OperatorRole[] = ['finance'];
const VIEW_ROLES: readonly OperatorRole[] = ['finance', 'ecosystem_manager', 'reviewer'];

/** R19/R4: Benefits > Delivery capability support > Payment application, and finance's queue. */
export const paymentApplicationsRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const finance = async (req: Parameters<typeof requireOperator>[0]) => {
    requireOperator(req, REVIEW_ROLES);
  };
  app.get(
    '/api/payment-applications',
    {
      schema: {
        ...portal,
        summary: 'The payout gate (R4) and my payment applications',
        response: { 200: overviewResponse },
      },
      preValidation: async (req) => {
        requirePartnerUser(req);
      },
    },
    async (req) => paymentOverview(ctx, requirePartnerUser(req).partnerId, req.locale),
  );
  app.post(
    '/api/payment-applications',
    {
      schema: {
        ...portal,
        summary:
          'Apply for the payment of a quarter’s confirmed incentives (administrators; one per quarter)',
        body: applyBody,
        response: { 200: applicationView },
      },
      preValidation: async (req) => {
        requirePartnerUser(req, ['admin']);
      },
    },
    async (req) => {
      const u = requirePartnerUser(req, ['admin']);
      return applyForPayment(ctx, { ...actorOf(req), partnerId: u.partnerId }, req.body.quarter);
    },
  );
  app.get(
    '/api/payment-applications/:id',
    {
      schema: {
        ...portal,
        summary: 'One application with its notices',
        params: idParams,
        response: { 200: applicationDetail },
      },
      preValidation: async (req) => {
        requirePartnerUser(req);
      },
    },
    async (req) => getApplication(ctx, req.params.id, requirePartnerUser(req).partnerId),
  );

  app.get(
    '/api/console/payment-applications',
    {
      schema: {
        ...consoleTags,
        summary: 'Payment applications with filters and counts by state',
        querystring: consoleQuery,
        response: { 200: applicationList },
      },
      preValidation: async (req) => {
        requireOperator(req, VIEW_ROLES);
      },
    },
    async (req) => listApplications(ctx, req.query),
  );
  app.get(
    '/api/console/payment-applications/:id',
    {
      schema: {
        ...consoleTags,
        summary: 'One application with its notices',
        params: idParams,
        response: { 200: applicationDetail },
      },
      preValidation: async (req) => {
        requireOperator(req, VIEW_ROLES);
      },
    },
    async (req) => getApplication(ctx, req.params.id),
  );
  app.post(
    '/api/console/payment-applications/:id/approve',
    {
      schema: {
        ...consoleTags,
        summary: 'Approve: the invoicing notice is created with it (finance)',
        params: idParams,
        response: { 200: applicationView },
      },
      preValidation: finance,
    },
    async (req) => approveApplication(ctx, actorOf(req), req.params.id),
  );
  app.post(
    '/api/console/payment-applications/:id/return',
    {
      schema: {
        ...consoleTags,
        summary: 'Return with a reason (finance)',
        params: idParams,
        body: returnBody,
        response: { 200: applicationView },
      },
      preValidation: finance,
    },
    async (req) => returnApplication(ctx, actorOf(req), req.params.id, req.body.reason),
  );
  app.post(
    '/api/console/payment-applications/review',
    {
      schema: {
        ...consoleTags,
        summary: 'Bulk approve or return (finance)',
        body: reviewManyBody,
        response: { 200: reviewManyResponse },
      },
      preValidation: finance,
    },
    async (req) => reviewMany(ctx, actorOf(req), req.body),
  );
};
