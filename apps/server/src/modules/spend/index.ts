import { defineModule } from '../../platform/module.ts';
import { SpendErrors } from './spend.errors.ts';
import { spendRoutes } from './spend.routes.ts';

/** The spend module's manifest; other modules import only this file. */
export const spendModule = defineModule({
  name: 'spend',
  routes: [spendRoutes],
  jobs: [],
  templates: {},
  errors: SpendErrors,
});

/** Published in the ingesting transaction; listen with `listen(spendAccepted, …)`. */
export { type SpendApplied, spendAccepted } from './spend.events.ts';
