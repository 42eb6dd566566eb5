import { defineModule } from '../../platform/module.ts';
import { programsRoutes } from './programs.routes.ts';

/** The programs module's manifest; other modules import only this file. */
export const programsModule = defineModule({
  name: 'programs',
  routes: [programsRoutes],
  jobs: [],
  templates: {},
  errors: {},
  tenancy: { public: [/^\/api\/programs/] },
});
