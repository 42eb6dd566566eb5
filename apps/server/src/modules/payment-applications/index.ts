import { defineModule } from '../../platform/module.ts';
import { PaymentApplicationErrors } from './payment-applications.errors.ts';
import { paymentApplicationsRoutes } from './payment-applications.routes.ts';
import { paymentApplicationsTemplates } from './payment-applications.templates.ts';

/** The payment-applications module (R19, R4): one application per partner and quarter, finance review. */
export const paymentApplicationsModule = defineModule({
  name: 'payment-applications',
  routes: [paymentApplicationsRoutes],
  jobs: [],
  templates: paymentApplicationsTemplates,
  errors: PaymentApplicationErrors,
  tenancy: { partnerOnly: [/^\/api\/payment-applications/] },
});

export { applyForPayment, approveApplication, returnApplication } from './payment-applications.service.ts';
export { paymentApplicationsQueue } from './payment-applications.work-queue.ts';
