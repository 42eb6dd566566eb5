import { defineModule } from '../../platform/module.ts';
import { seedDemoCertificates } from './certificates.demo.ts';
import { CertificateErrors } from './certificates.errors.ts';
import { certificateJobs } from './certificates.jobs.ts';
import { VIEW_ROLES } from './certificates.policy.ts';
import { certificatesRoutes } from './certificates.routes.ts';
import { certificateTemplates } from './certificates.templates.ts';

/** The certificates module's manifest; other modules import only this file. */
export const certificatesModule = defineModule({
  name: 'certificates',
  partnerTabs: [{ key: 'certificate', roles: VIEW_ROLES }],
  routes: [certificatesRoutes],
  jobs: certificateJobs,
  templates: certificateTemplates,
  errors: CertificateErrors,
  demo: seedDemoCertificates,
  tenancy: { partnerOnly: [/^\/api\/certificate/] },
});

export { businessDate, businessDateTime } from './certificates.dates.ts';
// What other modules may use (the only way in).
export { issueCertificate } from './certificates.service.ts';
export { certificateReviewsQueue, certificateStateOf } from './certificates.work-queue.ts';
