import { defineModule } from '../../platform/module.ts';
import { seedDemoOrganization } from './organization.demo.ts';
import { OrganizationErrors } from './organization.errors.ts';
import { organizationJobs } from './organization.jobs.ts';
import { organizationRoutes } from './organization.routes.ts';
import { organizationTemplates } from './organization.templates.ts';
import { organizationConsoleRoutes } from './organization-console.routes.ts';
import { organizationPublicRoutes } from './organization-public.routes.ts';

/** The organization module's manifest; other modules import only this file. */
export const organizationModule = defineModule({
  name: 'organization',
  routes: [organizationRoutes, organizationPublicRoutes],
  consoleRoutes: [organizationConsoleRoutes],
  jobs: organizationJobs,
  templates: organizationTemplates,
  errors: OrganizationErrors,
  demo: seedDemoOrganization,
  tenancy: { public: [/^\/api\/invitations\//], partnerOnly: [/^\/api\/organization/] },
});
