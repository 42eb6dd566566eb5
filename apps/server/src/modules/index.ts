import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.ts';
import { registerPartnerApi } from '../open-api/index.ts';
import auth from '../plugins/auth.ts';
import csrf from '../plugins/csrf.ts';
import { auditRoutes } from './audit/audit.routes.ts';
import { budgetsRoutes } from './budgets/budgets.routes.ts';
import { certificatesRoutes } from './certificates/certificates.routes.ts';
import { certificationRoutes } from './certification/certification.routes.ts';
import { certificationReviewRoutes } from './certification/review.routes.ts';
import { customersRoutes } from './customers/customers.routes.ts';
import { developerRoutes } from './developer/developer.routes.ts';
import { eventsRoutes } from './events/events.routes.ts';
import { identityRoutes } from './identity/identity.routes.ts';
import { meRoutes } from './identity/me.routes.ts';
import { membershipsRoutes } from './memberships/memberships.routes.ts';
import { membershipsConsoleRoutes } from './memberships/memberships-console.routes.ts';
import { messagesRoutes } from './messages/messages.routes.ts';
import { ordersRoutes } from './orders/orders.routes.ts';
import { organizationRoutes } from './organization/organization.routes.ts';
import { organizationConsoleRoutes } from './organization/organization-console.routes.ts';
import { organizationPublicRoutes } from './organization/organization-public.routes.ts';
import { outboxRoutes } from './outbox/outbox.routes.ts';
import { partnersRoutes } from './partners/partners.routes.ts';
import { programsRoutes } from './programs/programs.routes.ts';
import { spendRoutes } from './spend/spend.routes.ts';
import { subscriptionsRoutes } from './subscriptions/subscriptions.routes.ts';
import { systemRoutes } from './system/system.routes.ts';
import { testControlRoutes } from './test-control/test-control.routes.ts';
import { ticketsRoutes } from './tickets/tickets.routes.ts';
import { ticketsConsoleRoutes } from './tickets/tickets-console.routes.ts';

/** Every module's routes. Portal/console routes live under /api, the partner API under /v2. */
export async function registerModules(app: FastifyInstance, ctx: AppContext): Promise<void> {
  // CSRF refusal first, then the session: both global hooks for every /api request.
  await app.register(csrf);
  await app.register(auth);
  await app.register(systemRoutes, { ctx });
  await app.register(programsRoutes);
  await app.register(identityRoutes, { ctx });
  await app.register(meRoutes, { ctx });
  await app.register(partnersRoutes, { ctx });
  await app.register(membershipsRoutes, { ctx });
  await app.register(membershipsConsoleRoutes, { ctx });
  await app.register(messagesRoutes, { ctx });
  await app.register(auditRoutes, { ctx });
  await app.register(outboxRoutes, { ctx });
  await app.register(certificatesRoutes, { ctx });
  // Test servers with CLOCK_CONTROL=1 only; registers nothing otherwise.
  await app.register(testControlRoutes, { ctx });
  await app.register(certificationRoutes, { ctx });
  await app.register(certificationReviewRoutes, { ctx });
  await app.register(ticketsRoutes, { ctx });
  await app.register(ticketsConsoleRoutes, { ctx });
  await app.register(organizationRoutes, { ctx });
  await app.register(organizationPublicRoutes, { ctx });
  await app.register(organizationConsoleRoutes, { ctx });
  await app.register(budgetsRoutes, { ctx });
  await app.register(spendRoutes, { ctx });
  await app.register(developerRoutes, { ctx });
  await registerPartnerApi(app, ctx);
  await app.register(eventsRoutes, { ctx });
  await app.register(customersRoutes, { ctx });
  await app.register(ordersRoutes, { ctx });
  await app.register(subscriptionsRoutes, { ctx });
}
