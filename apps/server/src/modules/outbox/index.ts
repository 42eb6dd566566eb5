import { defineModule } from '../../platform/module.ts';
import { outboxRoutes } from './outbox.routes.ts';
import { smsStatusRoutes } from './sms-status.routes.ts';

/** The outbox module's manifest; other modules import only this file. */
export const outboxModule = defineModule({
  name: 'outbox',
  routes: [outboxRoutes, smsStatusRoutes],
  jobs: [],
  templates: {},
  errors: {},
  tenancy: { public: [/^\/api\/notifications\/sms-status\//] },
});
