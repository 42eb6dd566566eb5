import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context.ts';
import { requireOperator } from '../../platform/http/auth.ts';
import { listInvitationViews } from './invitations.service.ts';
import { listMembers } from './members.service.ts';
import { ORGANIZATION_READER_ROLES } from './organization.policy.ts';
import { consoleOrganization, overview, overviewQuery, partnerIdParams } from './organization.schemas.ts';
import { organizationQualifications } from './qualifications.service.ts';

/** Console, partner detail: the partner's members, invitations and qualifications (read only). */
export const organizationConsoleRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const base = { tags: ['console'], security: [{ session: [] }] };
  const guard = {
    preValidation: async (req: Parameters<typeof requireOperator>[0]) => {
      requireOperator(req, ORGANIZATION_READER_ROLES);
    },
  };

  app.get(
    '/api/console/partners/:partnerId/organization',
    {
      schema: {
        ...base,
        summary: 'A partner’s members and invitations (partner detail)',
        params: partnerIdParams,
        response: { 200: consoleOrganization },
      },
      ...guard,
    },
    async (req) => ({
      members: (await listMembers(ctx, req.params.partnerId)).items,
      invitations: (await listInvitationViews(ctx, req.params.partnerId)).items,
    }),
  );

  app.get(
    '/api/console/partners/:partnerId/qualifications',
    {
      schema: {
        ...base,
        summary: 'A partner’s member qualifications (partner detail)',
        params: partnerIdParams,
        querystring: overviewQuery,
        response: { 200: overview },
      },
      ...guard,
    },
    async (req) => organizationQualifications(ctx, req.params.partnerId, req.query),
  );
};
