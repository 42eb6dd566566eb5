import { defineModule } from '../../platform/module.ts';
import { seedDemoPartners } from './partners.demo.ts';

/** The partners module's manifest; other modules import only this file. */
export const partnersModule = defineModule({
  name: 'partners',
  routes: [],
  jobs: [],
  templates: {},
  errors: {},
  demo: seedDemoPartners,
});
