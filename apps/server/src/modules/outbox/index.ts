import { defineModule } from '../../platform/module.ts';
import { outboxRoutes } from './outbox.routes.ts';

/** The outbox module's manifest; other modules import only this file. */
export const outboxModule = defineModule({
  name: 'outbox',
  routes: [outboxRoutes],
  jobs: [],
  templates: {},
  errors: {},
});
