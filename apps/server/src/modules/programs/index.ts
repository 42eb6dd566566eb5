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

export type { ProgramCode } from './programs.data.ts';
// What other modules may use (the only way in).
export { PROGRAM_CODES, PROGRAMS } from './programs.data.ts';
