import { defineModule } from '../../platform/module.ts';
import { auditRoutes } from './audit.routes.ts';

/** The audit module's manifest; other modules import only this file. */
export const auditModule = defineModule({
  name: 'audit',
  partnerTabs: [{ key: 'history' }],
  routes: [auditRoutes],
  jobs: [],
  templates: {},
  errors: {},
});

export { createAuditLog } from './audit.service.ts';
