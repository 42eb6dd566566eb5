import type { ModuleManifest } from '../platform/module.ts';
import { auditModule } from './audit/index.ts';
import { billsModule } from './bills/index.ts';
import { budgetsModule } from './budgets/index.ts';
import { certificatesModule } from './certificates/index.ts';
import { certificationModule } from './certification/index.ts';
import { countersignModule } from './countersign/index.ts';
import { customersModule } from './customers/index.ts';
import { dashboardModule } from './dashboard/index.ts';
import { developerModule } from './developer/index.ts';
import { directoryModule } from './directory/index.ts';
import { eventsModule } from './events/index.ts';
import { identityModule } from './identity/index.ts';
import { incentivesModule } from './incentives/index.ts';
import { invoicesModule } from './invoices/index.ts';
import { membershipsModule } from './memberships/index.ts';
import { messagesModule } from './messages/index.ts';
import { operatorsModule } from './operators/index.ts';
import { ordersModule } from './orders/index.ts';
import { organizationModule } from './organization/index.ts';
import { outboxModule } from './outbox/index.ts';
import { partnersModule } from './partners/index.ts';
import { paymentApplicationsModule } from './payment-applications/index.ts';
import { paymentsModule } from './payments/index.ts';
import { programsModule } from './programs/index.ts';
import { spendModule } from './spend/index.ts';
import { subscriptionsModule } from './subscriptions/index.ts';
import { systemModule } from './system/index.ts';
import { taxModule } from './tax/index.ts';
import { testControlModule } from './test-control/index.ts';
import { ticketsModule } from './tickets/index.ts';

/**
 * The one list of modules. App wiring (routes, partner API, session and other platform hooks),
 * the job and template registries, demo seeding, the OpenAPI document and the tenancy test all
 * come from it. Order matters only for demo data (partners before their users before the rest)
 * and for domain-event listeners (they run in this order).
 */
export const MODULES: readonly ModuleManifest[] = [
  systemModule,
  programsModule,
  partnersModule,
  identityModule,
  operatorsModule,
  messagesModule,
  auditModule,
  outboxModule,
  ticketsModule,
  certificatesModule,
  certificationModule,
  membershipsModule,
  directoryModule,
  organizationModule,
  customersModule,
  spendModule,
  budgetsModule,
  billsModule,
  ordersModule,
  subscriptionsModule,
  developerModule,
  eventsModule,
  taxModule,
  incentivesModule,
  invoicesModule,
  paymentsModule,
  countersignModule,
  paymentApplicationsModule,
  dashboardModule,
  testControlModule,
];
