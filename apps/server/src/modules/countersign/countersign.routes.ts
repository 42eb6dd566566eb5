import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Actor, AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors/errors.ts';
import { actorOf, requireOperator, requirePartnerUser } from '../../platform/http/auth.ts';
import { safeEqual } from '../identity/index.ts';
import { listChains, setChain } from './countersign.chains.ts';
import {
  billDetail as billDetailSchema,
  billExportQuery,
  billListQuery,
  billPage as billPageSchema,
  bulkBody,
  bulkResponse,
  chainBody,
  chainsResponse,
  chainView,
  idParams,
  ingestBody,
  ingestResponse,
  kindParams,
  returnBody,
} from './countersign.schemas.ts';
import { approveBill, bulkApprove, ingestBills, returnBill } from './countersign.service.ts';
import { billDetail, billPage, exportBills } from './countersign.views.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const OPERATOR_APPROVERS = ['ecosystem_manager', 'reviewer', 'finance', 'admin'];

function sendTable(reply: FastifyReply, file: { body: Buffer; contentType: string; fileName: string }) {
  return reply
    .header('content-type', file.contentType)
    .header('content-disposition', `attachment; filename="${file.fileName}"`)
    .header('cache-control', 'no-store')
    .send(file.body);
}

/** R21 countersigned bills: ingestion, the partner's confirmation step and lists, the console's queue. */
export const countersignRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const portal = { tags: ['billing'], security: [{ session: [] }] };
  const portalWrite = { tags: ['billing'], security: [{ session: [], csrf: [] }] };
  const partner = { preValidation: async (req: FastifyRequest) => void requirePartnerUser(req) };
  const partnerAdmin = {
    preValidation: async (req: FastifyRequest) => void requirePartnerUser(req, ['admin']),
  };

  /** Like spend ingestion: a valid bearer token (the billing system) or a finance/admin operator (console upload). */
  function ingestActor(req: FastifyRequest): Actor {
    const h = req.headers.authorization;
    if (h?.startsWith('Bearer ')) {
      const token = ctx.config.ingestToken;
      if (!token || !safeEqual(h.slice(7).trim(), token)) throw new AppError('countersign.invalid_token');
      return { ...actorOf(req), type: 'system', id: 'ingest_token', partnerId: null, roles: [] };
    }
    const op = requireOperator(req, ['finance']);
    return { ...actorOf(req), id: op.id };
  }

  app.post(
    '/api/ingest/countersign-bills',
    {
      bodyLimit: 8 * 1024 * 1024,
      schema: {
        tags: ['ingest'],
        summary:
          'Marketplace and procurement bills to countersign (≤ 500): stored once by kind and external id',
        description:
          'Authorization: Bearer <INGEST_TOKEN> (the billing system), or an operator session (finance, admin) for the console upload. A returned bill sent again starts a new round.',
        security: [{ session: [], csrf: [] }],
        body: ingestBody,
        response: { 200: ingestResponse },
      },
      preValidation: async (req) => void ingestActor(req),
    },
    async (req) => ingestBills(ctx, ingestActor(req), req.body.bills),
  );

  app.get(
    '/api/countersign-bills',
    {
      schema: {
        ...portal,
        summary: 'My bills to countersign and countersigned',
        querystring: billListQuery.omit({ partnerId: true, mine: true }),
        response: { 200: billPageSchema },
      },
      ...partner,
    },
    async (req) => {
      const u = requirePartnerUser(req);
      const { limit, offset, ...f } = req.query;
      return billPage(ctx, { ...f, partnerId: u.partnerId }, limit, offset);
    },
  );

  app.get(
    '/api/countersign-bills/export',
    {
      schema: {
        ...portal,
        summary: 'My bills as CSV or XLSX',
        querystring: billExportQuery.omit({ partnerId: true }),
        produces: ['text/csv', XLSX],
      },
      ...partner,
    },
    async (req, reply) => {
      const { format, ...f } = req.query;
      return sendTable(
        reply,
        await exportBills(ctx, { ...f, partnerId: requirePartnerUser(req).partnerId }, format, req.locale),
      );
    },
  );

  app.get(
    '/api/countersign-bills/:id',
    {
      schema: {
        ...portal,
        summary: 'One bill with its lines and approver steps',
        params: idParams,
        response: { 200: billDetailSchema },
      },
      ...partner,
    },
    async (req) => billDetail(ctx, req.params.id, requirePartnerUser(req).partnerId),
  );

  app.post(
    '/api/countersign-bills/:id/approve',
    {
      schema: {
        ...portalWrite,
        summary: 'Confirm the bill (the partner’s step)',
        params: idParams,
        response: { 200: billDetailSchema },
      },
      ...partnerAdmin,
    },
    async (req) => {
      const u = requirePartnerUser(req, ['admin']);
      await approveBill(ctx, actorOf(req), req.params.id, u.partnerId);
      return billDetail(ctx, req.params.id, u.partnerId);
    },
  );

  app.post(
    '/api/countersign-bills/:id/return',
    {
      schema: {
        ...portalWrite,
        summary: 'Return the bill with a reason (the partner’s step)',
        params: idParams,
        body: returnBody,
        response: { 200: billDetailSchema },
      },
      ...partnerAdmin,
    },
    async (req) => {
      const u = requirePartnerUser(req, ['admin']);
      await returnBill(ctx, actorOf(req), req.params.id, req.body.reason, u.partnerId);
      return billDetail(ctx, req.params.id, u.partnerId);
    },
  );
};

export const countersignConsoleRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const base = { tags: ['console'], security: [{ session: [] }] };
  const write = { tags: ['console'], security: [{ session: [], csrf: [] }] };
  const operator = { preValidation: async (req: FastifyRequest) => void requireOperator(req) };

  app.get(
    '/api/console/countersign-bills',
    {
      schema: {
        ...base,
        summary: 'Bills with filters; mine=true: those whose current step is mine; with counts',
        querystring: billListQuery,
        response: { 200: billPageSchema },
      },
      ...operator,
    },
    async (req) => {
      const me = requireOperator(req);
      const { limit, offset, mine, ...f } = req.query;
      const approvers = me.roles.includes('admin') ? OPERATOR_APPROVERS : me.roles;
      return billPage(ctx, { ...f, ...(mine === 'true' ? { approvers } : {}) }, limit, offset);
    },
  );

  app.get(
    '/api/console/countersign-bills/export',
    {
      schema: {
        ...base,
        summary: 'Bills as CSV or XLSX',
        querystring: billExportQuery,
        produces: ['text/csv', XLSX],
      },
      ...operator,
    },
    async (req, reply) => {
      const { format, ...f } = req.query;
      return sendTable(reply, await exportBills(ctx, f, format, req.locale));
    },
  );

  app.get(
    '/api/console/countersign-bills/:id',
    {
      schema: {
        ...base,
        summary: 'One bill with its lines and steps',
        params: idParams,
        response: { 200: billDetailSchema },
      },
      ...operator,
    },
    async (req) => billDetail(ctx, req.params.id, null),
  );

  app.post(
    '/api/console/countersign-bills/:id/approve',
    {
      schema: {
        ...write,
        summary: 'Approve my step of the bill',
        params: idParams,
        response: { 200: billDetailSchema },
      },
      ...operator,
    },
    async (req) => {
      await approveBill(ctx, actorOf(req), req.params.id);
      return billDetail(ctx, req.params.id, null);
    },
  );

  app.post(
    '/api/console/countersign-bills/:id/return',
    {
      schema: {
        ...write,
        summary: 'Return the bill with a reason at my step',
        params: idParams,
        body: returnBody,
        response: { 200: billDetailSchema },
      },
      ...operator,
    },
    async (req) => {
      await returnBill(ctx, actorOf(req), req.params.id, req.body.reason);
      return billDetail(ctx, req.params.id, null);
    },
  );

  app.post(
    '/api/console/countersign-bills/bulk-approve',
    {
      schema: {
        ...write,
        summary: 'Approve my step of many bills; each outcome reported',
        body: bulkBody,
        response: { 200: bulkResponse },
      },
      ...operator,
    },
    async (req) => bulkApprove(ctx, actorOf(req), req.body.ids),
  );

  app.get(
    '/api/console/countersign-chains',
    {
      schema: { ...base, summary: 'The approver chain of each bill kind', response: { 200: chainsResponse } },
      ...operator,
    },
    async () => listChains(ctx),
  );

  app.put(
    '/api/console/countersign-chains/:kind',
    {
      schema: {
        ...write,
        summary: 'Set the approver chain of a bill kind (operator admin)',
        params: kindParams,
        body: chainBody,
        response: { 200: chainView },
      },
      preValidation: async (req) => void requireOperator(req, ['admin']),
    },
    async (req) => setChain(ctx, actorOf(req), req.params.kind, req.body.steps),
  );
};
