import { defineModule } from '../../platform/module.ts';
import { seedDemoPartners } from './partners.demo.ts';
import { PartnerErrors } from './partners.errors.ts';

/** The partners module's manifest; other modules import only this file. */
export const partnersModule = defineModule({
  name: 'partners',
  routes: [],
  jobs: [],
  templates: {},
  errors: PartnerErrors,
  demo: seedDemoPartners,
});

// What other modules may use (the only way in).
export { DEMO_PARTNERS } from './partners.demo.ts';
export { findPartnerByDomainId } from './partners.repository.ts';
export type { DirectoryQuery, DirectorySort, PartnerRow, PartnerStatus } from './partners.service.ts';
export {
  assertPartnerActive,
  createPartner,
  getPartner,
  getPartnerByDomainId,
  getPartnerCached,
  listRecentPartners,
  newDomainId,
  PARTNER_TOPIC,
  partnersByIds,
  searchPartnerDirectory,
  searchPartnersByName,
  setPartnerStatus,
} from './partners.service.ts';
