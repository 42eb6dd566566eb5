import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../../platform/context.ts';
import { actorOf, type OperatorRole, requireOperator } from '../../platform/http/auth.ts';
import {
  directoryQuery,
  directoryResponse,
  partnerParams,
  standingView,
  statusBody,
} from './directory.schemas.ts';
import { changePartnerStatus, partnerStanding, searchDirectory } from './directory.service.ts';

type Req = Parameters<typeof requireOperator>[0];
const roles = (r?: readonly OperatorRole[]) => ({
  preValidation: async (req: Req) => void requireOperator(req, r),
});
/** Who may suspend and resume (operator admins always may). */
export const STATUS_ROLES: OperatorRole[] = ['ecosystem_manager'];
const read = { tags: ['console'], security: [{ session: [] }] };
const write = { tags: ['console'], security: [{ session: [], csrf: [] }] };

/** Console: the partner directory, a partner's standing, suspend and resume. */
export const directoryRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/api/console/partner-directory',
    {
      schema: {
        ...read,
        summary:
          'Partner directory: search by name, partner id or domain id; filters; sorted pages (any operator)',
        querystring: directoryQuery,
        response: { 200: directoryResponse },
      },
      ...roles(),
    },
    async (req) => searchDirectory(ctx, req.query),
  );
  app.get(
    '/api/console/partners/:partnerId/standing',
    {
      schema: {
        ...read,
        summary: 'Whether the partner is active or suspended, since when and why (any operator)',
        params: partnerParams,
        response: { 200: standingView },
      },
      ...roles(),
    },
    async (req) => partnerStanding(ctx, req.params.partnerId),
  );
  for (const [action, status] of [
    ['suspend', 'suspended'],
    ['resume', 'active'],
  ] as const) {
    app.post(
      `/api/console/partners/:partnerId/${action}`,
      {
        schema: {
          ...write,
          summary:
            action === 'suspend'
              ? 'Suspend a partner with a reason; its administrators are told (operator admin, ecosystem manager)'
              : 'Resume a suspended partner with a reason; its administrators are told (operator admin, ecosystem manager)',
          params: partnerParams,
          body: statusBody,
          response: { 200: standingView },
        },
        ...roles(STATUS_ROLES),
      },
      async (req) => changePartnerStatus(ctx, actorOf(req), req.params.partnerId, status, req.body.reason),
    );
  }
};
