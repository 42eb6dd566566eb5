import { defineModule } from '../../platform/module.ts';
import { PaymentsErrors } from './payments.errors.ts';
import { paymentsRoutes } from './payments.routes.ts';
import { paymentsTemplates } from './payments.templates.ts';

/** The payments module (R21, R4): payments of accepted invoicing notices to certified bank accounts. */
export const paymentsModule = defineModule({
  name: 'payments',
  routes: [paymentsRoutes],
  jobs: [],
  templates: paymentsTemplates,
  errors: PaymentsErrors,
  tenancy: { partnerOnly: [/^\/api\/payments/] },
});
