import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context.ts';
import { actorOf } from '../../platform/http/auth.ts';
import { acceptInvitation, describeInvitation } from './invitations.service.ts';
import { acceptBody, acceptResult, publicInvitation, tokenQuery } from './operators.schemas.ts';

/** The link of the invitation email: no session, the signed token is the credential. */
export const operatorsPublicRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const tags = ['operators'];

  app.get(
    '/api/operator-invitations',
    {
      schema: {
        tags,
        summary: 'The operator invitation behind an email link (address, roles, status)',
        querystring: tokenQuery,
        response: { 200: publicInvitation },
      },
    },
    async (req) => describeInvitation(ctx, req.query.token),
  );

  app.post(
    '/api/operator-invitations/accept',
    {
      schema: {
        tags,
        summary:
          'Accept an operator invitation: sets name and password, creates the operator; the answer is the enrolment step of sign-in',
        body: acceptBody,
        response: { 201: acceptResult },
      },
    },
    async (req, reply) => reply.status(201).send(await acceptInvitation(ctx, actorOf(req), req.body)),
  );
};
