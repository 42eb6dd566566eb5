/** The payment-applications module (R19, R4): one application per partner and quarter, finance review. */
export { paymentApplicationsRoutes } from './payment-applications.routes.ts';
export { applyForPayment, approveApplication, returnApplication } from './payment-applications.service.ts';
