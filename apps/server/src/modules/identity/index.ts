import { defineModule } from '../../platform/module.ts';
import { seedDemoUsers } from './identity.demo.ts';
import { IdentityErrors } from './identity.errors.ts';
import { identityJobs } from './identity.jobs.ts';
import { identityRoutes } from './identity.routes.ts';
import { identityTemplates } from './identity.templates.ts';
import { meRoutes } from './me.routes.ts';
import { registrationsConsoleRoutes } from './registrations.console.routes.ts';
import { loadSession } from './sessions.service.ts';

/** The identity module's manifest; other modules import only this file. */
export const identityModule = defineModule({
  name: 'identity',
  routes: [identityRoutes, meRoutes],
  consoleRoutes: [registrationsConsoleRoutes],
  jobs: identityJobs,
  templates: identityTemplates,
  errors: IdentityErrors,
  demo: seedDemoUsers,
  hooks: { resolveSession: loadSession },
  tenancy: { public: [/^\/api\/auth\//] },
});
