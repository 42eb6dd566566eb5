import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context.ts';
import { actorOf } from '../../platform/http/auth.ts';
import { acceptInvitation, describeInvitation } from './invitations.service.ts';
import { acceptBody, acceptResult, publicInvitation, tokenParams } from './organization.schemas.ts';

/** The invitation link from the email: no session, the token is the credential. */
export const organizationPublicRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const tags = ['organization'];

  app.get(
    '/api/invitations/:token',
    {
      schema: {
        tags,
        summary: 'The invitation behind an email link (company, address, status)',
        params: tokenParams,
        response: { 200: publicInvitation },
      },
    },
    async (req) => describeInvitation(ctx, req.params.token),
  );

  app.post(
    '/api/invitations/accept',
    {
      schema: {
        tags,
        summary: 'Accept an invitation: creates the partner user with the invited roles',
        body: acceptBody,
        response: { 201: acceptResult },
      },
    },
    async (req, reply) => {
      reply.status(201);
      return acceptInvitation(ctx, actorOf(req), req.body);
    },
  );
};
