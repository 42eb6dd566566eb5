import { defineModule } from '../../platform/module.ts';
import { directoryRoutes } from './directory.routes.ts';
import { directoryTemplates } from './directory.templates.ts';

/** The console's partner directory: search and filters over every partner, suspend and resume. */
export const directoryModule = defineModule({
  name: 'directory',
  routes: [],
  consoleRoutes: [directoryRoutes],
  jobs: [],
  templates: directoryTemplates,
  errors: {},
  tenancy: {
    operatorRoles: [
      { path: /^\/api\/console\/partners\/\{[^}]+\}\/(suspend|resume)$/, roles: ['ecosystem_manager'] },
    ],
  },
});
