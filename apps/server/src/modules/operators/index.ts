import { defineModule } from '../../platform/module.ts';
import { operatorsConsoleRoutes } from './operators.console.routes.ts';
import { OperatorErrors } from './operators.errors.ts';
import { operatorsPublicRoutes } from './operators.public.routes.ts';
import { operatorsTemplates } from './operators.templates.ts';

/** Operator management (issue #13): invitations, roles, disabling; identity keeps the accounts. */
export const operatorsModule = defineModule({
  name: 'operators',
  routes: [operatorsPublicRoutes],
  consoleRoutes: [operatorsConsoleRoutes],
  jobs: [],
  templates: operatorsTemplates,
  errors: OperatorErrors,
  tenancy: {
    public: [/^\/api\/operator-invitations(\/|$)/],
    operatorRoles: [{ path: /^\/api\/console\/operators/, roles: ['admin'] }],
  },
});
