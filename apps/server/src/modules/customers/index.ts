import { defineModule } from '../../platform/module.ts';
import { identityV2Routes } from './customer-identity.v2.routes.ts';
import { seedDemoCustomers } from './customers.demo.ts';
import { CustomersErrors } from './customers.errors.ts';
import { customersRoutes } from './customers.routes.ts';
import { customersTemplates } from './customers.templates.ts';
import { customersV2Routes } from './customers.v2.routes.ts';

/** The customers module's manifest; other modules import only this file. */
export const customersModule = defineModule({
  name: 'customers',
  routes: [customersRoutes],
  partnerApiRoutes: [customersV2Routes, identityV2Routes],
  jobs: [],
  templates: customersTemplates,
  errors: CustomersErrors,
  demo: seedDemoCustomers,
  tenancy: { partnerOnly: [/^\/api\/customers/, /^\/api\/customer\//] },
});

// What other modules may use (the only way in).
export {
  customersVisibleTo,
  requireManagedCustomer,
  requireVisibleCustomer,
  resolveActingPartner,
} from './customers.access.ts';
export { demoCustomerId } from './customers.demo.ts';
export {
  type BudgetListColumns,
  provideBudgetListColumns,
} from './customers.list-columns.ts';
export { customerNotice, notifyCustomer } from './customers.notify.ts';
export {
  associationHistory,
  type CustomerRow,
  findActiveAssociation,
  findCustomer,
  findCustomerByDomainId,
  findCustomerByDomainName,
  findCustomersByIds,
} from './customers.repository.ts';
export {
  liftPurchaseRestriction,
  restrictPurchasesMany,
} from './customers.restriction.ts';
export { businessDateTime } from './customers.rules.ts';
