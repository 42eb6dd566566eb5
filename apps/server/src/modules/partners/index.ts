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

// What other modules may use (the only way in).
export { DEMO_PARTNERS } from './partners.demo.ts';
export { findPartnerByDomainId } from './partners.repository.ts';
export {
  createPartner,
  getPartner,
  getPartnerByDomainId,
  getPartnerCached,
  listRecentPartners,
  newDomainId,
  PARTNER_TOPIC,
  partnersByIds,
  searchPartnersByName,
} from './partners.service.ts';
