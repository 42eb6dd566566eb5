import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context.ts';
import { actorOf, requireOperator, requirePartnerUser } from '../../platform/http/auth.ts';
import { bulkFreeze } from './bulk.service.ts';
import { customerAreaRoutes } from './customer-area.routes.ts';
import {
  bulkBody,
  bulkResult,
  consoleList,
  consoleListQuery,
  customerDetail,
  customerExportQuery,
  customerListQuery,
  customerPage,
  freezeBody,
  idParams,
  inviteBody,
  labelBody,
  okResponse,
  requestList,
  requestView,
  switchTypeBody,
  unfreezeBody,
} from './customers.schemas.ts';
import { freezeOwnCustomer, setLabel, switchAssociationType, unbindCustomer } from './customers.service.ts';
import {
  consoleCustomers,
  exportPortalCustomers,
  listPortalCustomers,
  portalCustomerDetail,
} from './customers.views.ts';
import {
  answerApplication,
  inviteCustomer,
  requestsOfPartner,
  revokeInvitation,
} from './requests.service.ts';

type Req = Parameters<typeof requirePartnerUser>[0];
const guard = {
  preValidation: async (req: Req) => {
    requirePartnerUser(req);
  },
};
/** Unbinding, switching the type and freezing are the administrator's. */
const adminGuard = {
  preValidation: async (req: Req) => {
    requirePartnerUser(req, ['admin']);
  },
};
const partnerActor = (req: Req) => {
  const u = requirePartnerUser(req);
  return { ...actorOf(req), id: u.id, partnerId: u.partnerId };
};

/**
 * Portal: Customers (R6). Every partner user sees its customers (a distributor also its resellers'),
 * invites and answers applications; changes to an association act on the partner's own customers.
 */
export const customersRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const base = { tags: ['customers'], security: [{ session: [] }] };
  const unsafe = { tags: ['customers'], security: [{ session: [], csrf: [] }] };

  app.get(
    '/api/customers',
    {
      schema: {
        ...base,
        summary: 'My customers (a distributor also sees its resellers’), filtered and paged',
        querystring: customerListQuery,
        response: { 200: customerPage },
      },
      ...guard,
    },
    async (req) => listPortalCustomers(ctx, requirePartnerUser(req).partnerId, req.query),
  );

  app.get(
    '/api/customers/export',
    {
      schema: {
        ...base,
        summary: 'The filtered customer list as a CSV or XLSX file (up to 10,000 rows)',
        querystring: customerExportQuery,
        produces: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      },
      ...guard,
    },
    async (req, reply) => {
      const { format, ...filter } = req.query;
      const file = await exportPortalCustomers(
        ctx,
        requirePartnerUser(req).partnerId,
        filter,
        format,
        req.locale,
      );
      reply.header('content-type', file.contentType);
      reply.header('content-disposition', `attachment; filename="${file.filename}"`);
      reply.header('cache-control', 'no-store');
      return reply.send(file.body);
    },
  );

  app.get(
    '/api/customers/requests',
    {
      schema: {
        ...base,
        summary: 'Invitations I sent and applications customers made to me',
        response: { 200: requestList },
      },
      ...guard,
    },
    async (req) => ({ items: await requestsOfPartner(ctx, requirePartnerUser(req).partnerId) }),
  );

  app.post(
    '/api/customers/invitations',
    {
      schema: {
        ...unsafe,
        summary: 'Invite a customer by email (link valid 7 days)',
        body: inviteBody,
        response: { 201: requestView },
      },
      ...guard,
    },
    async (req, reply) => {
      reply.status(201);
      return inviteCustomer(ctx, partnerActor(req), req.body);
    },
  );

  app.post(
    '/api/customers/invitations/:id/revoke',
    {
      schema: {
        ...unsafe,
        summary: 'Withdraw a pending invitation',
        params: idParams,
        response: { 200: okResponse },
      },
      ...guard,
    },
    async (req) => {
      await revokeInvitation(ctx, partnerActor(req), req.params.id);
      return { ok: true as const };
    },
  );

  for (const [action, accept] of [
    ['accept', true],
    ['decline', false],
  ] as const) {
    app.post(
      `/api/customers/applications/:id/${action}`,
      {
        schema: {
          ...unsafe,
          summary: accept ? 'Accept a customer’s application' : 'Decline a customer’s application',
          params: idParams,
          response: { 200: okResponse },
        },
        ...guard,
      },
      async (req) => {
        await answerApplication(ctx, partnerActor(req), req.params.id, accept);
        return { ok: true as const };
      },
    );
  }

  app.post(
    '/api/customers/bulk',
    {
      schema: {
        ...unsafe,
        summary:
          'Freeze or unfreeze many of my customers (selected, or all matching a filter, up to 200); results per customer; idempotent on requestKey',
        body: bulkBody,
        response: { 200: bulkResult },
      },
      ...adminGuard,
    },
    async (req) => bulkFreeze(ctx, partnerActor(req), req.body, req.locale),
  );

  app.get(
    '/api/customers/:id',
    {
      schema: {
        ...base,
        summary: 'One customer: account, association, frozen and restricted state',
        params: idParams,
        response: { 200: customerDetail },
      },
      ...guard,
    },
    async (req) => portalCustomerDetail(ctx, requirePartnerUser(req).partnerId, req.params.id),
  );

  app.post(
    '/api/customers/:id/unbind',
    {
      schema: {
        ...unsafe,
        summary: 'End the association (once per 3 months per customer)',
        params: idParams,
        response: { 200: okResponse },
      },
      ...adminGuard,
    },
    async (req) => {
      const actor = partnerActor(req);
      await unbindCustomer(ctx, actor, req.params.id, [actor.partnerId]);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/customers/:id/association-type',
    {
      schema: {
        ...unsafe,
        summary: 'Switch referral ↔ resale (once per 3 months per customer)',
        params: idParams,
        body: switchTypeBody,
        response: { 200: okResponse },
      },
      ...adminGuard,
    },
    async (req) => {
      const actor = partnerActor(req);
      await switchAssociationType(ctx, actor, req.params.id, [actor.partnerId], req.body.type);
      return { ok: true as const };
    },
  );

  app.put(
    '/api/customers/:id/label',
    {
      schema: {
        ...unsafe,
        summary: 'Set my label on the customer',
        params: idParams,
        body: labelBody,
        response: { 200: okResponse },
      },
      ...guard,
    },
    async (req) => {
      const actor = partnerActor(req);
      await setLabel(ctx, actor, req.params.id, [actor.partnerId], req.body.label || null);
      return { ok: true as const };
    },
  );

  for (const [action, frozen] of [
    ['freeze', true],
    ['unfreeze', false],
  ] as const) {
    app.post(
      `/api/customers/:id/${action}`,
      {
        schema: {
          ...unsafe,
          summary: frozen ? 'Freeze the customer account' : 'Unfreeze the customer account',
          params: idParams,
          body: frozen ? freezeBody : unfreezeBody,
          response: { 200: okResponse },
        },
        ...adminGuard,
      },
      async (req) => {
        const actor = partnerActor(req);
        const body = req.body as { reason: string; freezeType?: 'ACCOUNT' | 'ACCOUNT_AND_RESOURCE' };
        await freezeOwnCustomer(ctx, actor, req.params.id, { frozen, ...body });
        return { ok: true as const };
      },
    );
  }

  app.get(
    '/api/console/customers',
    {
      schema: {
        tags: ['customers'],
        security: [{ session: [] }],
        summary: 'Operators: every customer account and its partner (read-only)',
        querystring: consoleListQuery,
        response: { 200: consoleList },
      },
      preValidation: async (req) => {
        requireOperator(req);
      },
    },
    async (req) => consoleCustomers(ctx, req.query),
  );

  await app.register(customerAreaRoutes, { ctx });
};
