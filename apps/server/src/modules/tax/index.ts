import { defineModule } from '../../platform/module.ts';
import { TaxErrors } from './tax.errors.ts';
import { taxRoutes } from './tax.routes.ts';

/** The tax module (R14): VAT rates by taxpayer status, effective-dated, and invoice amounts. */
export {
  computeInvoiceAmounts,
  DEFAULT_RATE_BP,
  type InvoiceAmounts,
  type InvoiceSubject,
  LEGACY_CUTOFF,
  type TaxpayerStatus,
  type TaxRule,
} from './tax.rules.ts';
export {
  invoiceAmounts,
  invoiceAmountsOfPeriod,
  partnerInvoiceAmounts,
  rateAt,
  taxpayerStatusesOf,
  taxpayerStatusOf,
} from './tax.service.ts';

/** The tax module's manifest. */
export const taxModule = defineModule({
  name: 'tax',
  routes: [],
  consoleRoutes: [taxRoutes],
  jobs: [],
  templates: {},
  errors: TaxErrors,
});
export { shanghaiDayStart } from './tax.rules.ts';
