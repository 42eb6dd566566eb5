import { defineModule } from '../../platform/module.ts';
import { systemRoutes } from './system.routes.ts';

/** The system module's manifest; other modules import only this file. */
export const systemModule = defineModule({
  name: 'system',
  routes: [systemRoutes],
  jobs: [],
  templates: {},
  errors: {},
});
