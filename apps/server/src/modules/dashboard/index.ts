import { defineModule } from '../../platform/module.ts';
import { dashboardRoutes } from './dashboard.routes.ts';

/**
 * The dashboard module: read-only summaries over other modules' services — the partner's landing
 * page and the console home's work queues (which the console's bell polls).
 */
export const dashboardModule = defineModule({
  name: 'dashboard',
  routes: [dashboardRoutes],
  jobs: [],
  templates: {},
  errors: {},
  tenancy: { partnerOnly: [/^\/api\/dashboard$/] },
});
