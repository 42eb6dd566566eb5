import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.ts';
import { billsV2Routes } from '../modules/bills/bills.v2.routes.ts';
import { ordersV2Routes } from '../modules/orders/orders.v2.routes.ts';
import {
  subscriptionsV2Routes,
  subscriptionsV3Routes,
} from '../modules/subscriptions/subscriptions.v2.routes.ts';
import { budgetsV2Routes } from './budgets.routes.ts';
import { customersV2Routes } from './customers.routes.ts';
import { identityV2Routes } from './identity.routes.ts';
import { partnerApiScope } from './plugin.ts';
import { resellersV2Routes } from './resellers.routes.ts';

type V2Routes = (app: FastifyInstance, opts: { ctx: AppContext }) => Promise<void>;

/** The partner API's route modules; each adds its operations inside the signed /v2 scope. */
const V2_ROUTES: V2Routes[] = [
  billsV2Routes,
  budgetsV2Routes,
  customersV2Routes,
  identityV2Routes,
  ordersV2Routes,
  resellersV2Routes,
  subscriptionsV2Routes,
];
/** Operations the provider serves under /v3 (same signing and dialect). */
const V3_ROUTES: V2Routes[] = [subscriptionsV3Routes];

export async function registerPartnerApi(app: FastifyInstance, ctx: AppContext): Promise<void> {
  await app.register(
    async (scope) => {
      await partnerApiScope(scope);
      for (const routes of V2_ROUTES) await scope.register(routes, { ctx });
    },
    { prefix: '/v2' },
  );
  await app.register(
    async (scope) => {
      await partnerApiScope(scope);
      for (const routes of V3_ROUTES) await scope.register(routes, { ctx });
    },
    { prefix: '/v3' },
  );
}
