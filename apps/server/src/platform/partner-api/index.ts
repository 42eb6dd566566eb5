import type { FastifyInstance } from 'fastify';
import { budgetsV2Routes } from '../../modules/budgets/budgets.v2.routes.ts';
import { customersV2Routes } from '../../modules/customers/customers.v2.routes.ts';
import { identityV2Routes } from '../../modules/identity/identity.v2.routes.ts';
import { resellersV2Routes } from '../../modules/memberships/memberships.v2.routes.ts';
import type { AppContext } from '../context.ts';
import { partnerApiScope } from './scope.ts';

type V2Routes = (app: FastifyInstance, opts: { ctx: AppContext }) => Promise<void>;

/** The partner API's route modules; each adds its operations inside the signed /v2 scope. */
const V2_ROUTES: V2Routes[] = [budgetsV2Routes, customersV2Routes, identityV2Routes, resellersV2Routes];

export async function registerPartnerApi(app: FastifyInstance, ctx: AppContext): Promise<void> {
  await app.register(
    async (scope) => {
      await partnerApiScope(scope);
      for (const routes of V2_ROUTES) await scope.register(routes, { ctx });
    },
    { prefix: '/v2' },
  );
}
