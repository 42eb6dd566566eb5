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
export { type AcceptedSpendRecord, type SpendApplied, spendAccepted } from './spend.events.ts';
/** Spend records read as usage fee records (the bills module's detail and export). */
export {
  pageSpendFees,
  type SpendFeeFilter,
  type SpendFeeRow,
  walkSpendFees,
} from './spend.fees.ts';
// What other modules may use (the only way in).
/**
 * Per customer, the accepted records of the publishing batch spent since an instant (sum, latest);
 * chosen customers' new running totals of the cycles the batch touched.
 */
export { acceptedSince, acceptedTotals, spendInCycle, spendInCycleSql } from './spend.repository.ts';
export { ingestSpendBatch } from './spend.service.ts';
export { billCycleOf } from './spend.validate.ts';
