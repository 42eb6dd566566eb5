import { defineModule } from '../../platform/module.ts';
import { seedDemoCertification } from './certification.demo.ts';
import { CertificationErrors } from './certification.errors.ts';
import { certificationRoutes } from './certification.routes.ts';
import { certificationTemplates } from './certification.templates.ts';
import { certificationReviewRoutes } from './review.routes.ts';

/** The certification module's manifest; other modules import only this file. */
export const certificationModule = defineModule({
  name: 'certification',
  partnerTabs: [{ key: 'certification' }],
  routes: [certificationRoutes],
  consoleRoutes: [certificationReviewRoutes],
  jobs: [],
  templates: certificationTemplates,
  errors: CertificationErrors,
  demo: seedDemoCertification,
  tenancy: { partnerOnly: [/^\/api\/certification/, /^\/api\/payout-eligibility/] },
});

export { maskBankAccount } from './bank-account.crypto.ts';
export { canRevealBankAccount } from './certification.policy.ts';
// What other modules may use (the only way in).
export { stageView } from './certification.service.ts';
export { certificationsQueue } from './certification.work-queue.ts';
export { certifiedAccountNumber, certifiedPayee } from './payee.service.ts';
export {
  approvedTaxIdentities,
  approvedTaxIdentity,
  assertPayoutAllowed,
  payoutEligibility,
  type TaxIdentity,
} from './payout-gate.service.ts';
