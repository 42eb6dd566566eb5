import { defineModule } from '../../platform/module.ts';
import { testControlRoutes } from './test-control.routes.ts';

/** The test-control module's manifest; other modules import only this file. */
export const testControlModule = defineModule({
  name: 'test-control',
  routes: [testControlRoutes],
  jobs: [],
  templates: {},
  errors: {},
  tenancy: { public: [/^\/api\/test\//] },
});
