import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context.ts';
import { actorOf, requireOperator } from '../../platform/http/auth.ts';
import { inviteOperator, resendInvitation, revokeInvitation } from './invitations.service.ts';
import {
  idParams,
  invitationView,
  inviteBody,
  inviteResult,
  operatorsList,
  operatorView,
  rolesBody,
} from './operators.schemas.ts';
import { changeRoles, changeStatus, listOperators } from './operators.service.ts';

const tags = ['operators'];
const security = [{ session: [] }];
/** Operator management is for operator administrators only. */
const adminOnly = async (req: Parameters<typeof requireOperator>[0]) => {
  requireOperator(req, ['admin']);
};
const adminActor = (req: Parameters<typeof requireOperator>[0]) => {
  const u = requireOperator(req, ['admin']);
  return { ...actorOf(req), id: u.id };
};

/** Console: operators, their roles and status, and invitations (admin only). */
export const operatorsConsoleRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/api/console/operators',
    {
      schema: {
        tags,
        summary: 'Operators (status, roles, last sign-in) and pending invitations (admin)',
        security,
        response: { 200: operatorsList },
      },
      preValidation: adminOnly,
    },
    async () => listOperators(ctx),
  );

  app.post(
    '/api/console/operators/invitations',
    {
      schema: {
        tags,
        summary:
          'Invite an operator by email with roles (admin); a pending invitation to the address is sent again instead',
        security,
        body: inviteBody,
        response: { 201: inviteResult },
      },
      preValidation: adminOnly,
    },
    async (req, reply) => reply.status(201).send(await inviteOperator(ctx, adminActor(req), req.body)),
  );

  app.post(
    '/api/console/operators/invitations/:id/resend',
    {
      schema: {
        tags,
        summary: 'Send an invitation again with a new link and expiry (admin)',
        security,
        params: idParams,
        response: { 200: invitationView },
      },
      preValidation: adminOnly,
    },
    async (req) => resendInvitation(ctx, adminActor(req), req.params.id),
  );

  app.post(
    '/api/console/operators/invitations/:id/revoke',
    {
      schema: {
        tags,
        summary: 'Revoke a pending invitation; its link stops working (admin)',
        security,
        params: idParams,
        response: { 200: invitationView },
      },
      preValidation: adminOnly,
    },
    async (req) => revokeInvitation(ctx, adminActor(req), req.params.id),
  );

  app.put(
    '/api/console/operators/:id/roles',
    {
      schema: {
        tags,
        summary: "Replace an operator's roles (admin); the last active administrator keeps admin",
        security,
        params: idParams,
        body: rolesBody,
        response: { 200: operatorView },
      },
      preValidation: adminOnly,
    },
    async (req) => changeRoles(ctx, adminActor(req), req.params.id, req.body.roles),
  );

  app.post(
    '/api/console/operators/:id/disable',
    {
      schema: {
        tags,
        summary: 'Disable an operator and end their sessions (admin); never the last active administrator',
        security,
        params: idParams,
        response: { 200: operatorView },
      },
      preValidation: adminOnly,
    },
    async (req) => changeStatus(ctx, adminActor(req), req.params.id, 'inactive'),
  );

  app.post(
    '/api/console/operators/:id/enable',
    {
      schema: {
        tags,
        summary: 'Enable a disabled operator again (admin)',
        security,
        params: idParams,
        response: { 200: operatorView },
      },
      preValidation: adminOnly,
    },
    async (req) => changeStatus(ctx, adminActor(req), req.params.id, 'active'),
  );
};
