import { defineModule } from '../../platform/module.ts';
import { seedDemoCountersign } from './countersign.demo.ts';
import { CountersignErrors } from './countersign.errors.ts';
import { countersignJobs } from './countersign.jobs.ts';
import { countersignConsoleRoutes, countersignRoutes } from './countersign.routes.ts';
import { countersignTemplates } from './countersign.templates.ts';

/**
 * The countersign module (R21): marketplace and procurement bills, countersigned by a configurable
 * chain of approvers per bill kind; the last approval issues the invoicing notice (invoices module).
 */
export const countersignModule = defineModule({
  name: 'countersign',
  routes: [countersignRoutes],
  consoleRoutes: [countersignConsoleRoutes],
  jobs: countersignJobs,
  templates: countersignTemplates,
  errors: CountersignErrors,
  demo: seedDemoCountersign,
  tenancy: { partnerOnly: [/^\/api\/countersign-bills/] },
});
