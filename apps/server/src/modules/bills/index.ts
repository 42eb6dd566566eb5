import { defineModule, listen } from '../../platform/module.ts';
import { spendAccepted } from '../spend/index.ts';
import { seedDemoBills } from './bills.demo.ts';
import { BillErrors } from './bills.errors.ts';
import { addSpendToBills } from './bills.ingest.ts';
import { billsRoutes } from './bills.routes.ts';
import { billsV2Routes } from './bills.v2.routes.ts';

/**
 * Bills: customers' monthly bill summaries and resource-level fee records, from spend (usage, via
 * the spendAccepted event in spend's transaction) and orders (yearly/monthly charges and refunds,
 * via addOrderFeesToBills in the order's transaction). Other modules import only this file.
 */
export const billsModule = defineModule({
  name: 'bills',
  routes: [billsRoutes],
  partnerApiRoutes: [billsV2Routes],
  jobs: [],
  templates: {},
  errors: BillErrors,
  demo: seedDemoBills,
  listeners: [
    listen(spendAccepted, (ctx, tx, { relation }) => addSpendToBills(tx, relation, ctx.clock.now())),
  ],
  tenancy: { partnerOnly: [/^\/api\/bills/] },
});

/**
 * - `getCustomerMonthlySummary(ctx, customerId, 'YYYY-MM')`: a customer's bill for a month;
 * - `addOrderFeesToBills(tx, fees, at)`: order lines paid or refunded, in the order's transaction.
 */
export {
  addOrderFeesToBills,
  BILL_TYPE,
  CHARGING_MODE,
  type OrderFeeInput,
} from './bills.ingest.ts';
export { getCustomerMonthlySummary, type MonthlySummary } from './bills.service.ts';
