import { defineModule } from '../../platform/module.ts';
import { DeveloperErrors } from './developer.errors.ts';
import { developerRoutes } from './developer.routes.ts';
import { findKeyForVerification } from './keys.service.ts';

/** The developer module's manifest; other modules import only this file. */
export const developerModule = defineModule({
  name: 'developer',
  routes: [developerRoutes],
  jobs: [],
  templates: {},
  errors: DeveloperErrors,
  hooks: { findPartnerApiKey: findKeyForVerification },
});
