import { defineModule } from '../../platform/module.ts';
import { seedDemoOrganization } from './organization.demo.ts';
import { OrganizationErrors } from './organization.errors.ts';
import { organizationJobs } from './organization.jobs.ts';
import { ORGANIZATION_READER_ROLES } from './organization.policy.ts';
import { organizationRoutes } from './organization.routes.ts';
import { organizationTemplates } from './organization.templates.ts';
import { organizationConsoleRoutes } from './organization-console.routes.ts';
import { organizationPublicRoutes } from './organization-public.routes.ts';

/** The organization module's manifest; other modules import only this file. */
export const organizationModule = defineModule({
  name: 'organization',
  partnerTabs: [{ key: 'organization', roles: ORGANIZATION_READER_ROLES }],
  routes: [organizationRoutes, organizationPublicRoutes],
  consoleRoutes: [organizationConsoleRoutes],
  jobs: organizationJobs,
  templates: organizationTemplates,
  errors: OrganizationErrors,
  demo: seedDemoOrganization,
  tenancy: { public: [/^\/api\/invitations\//], partnerOnly: [/^\/api\/organization/] },
});
