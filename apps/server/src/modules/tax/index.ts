/** The tax module (R14): VAT rates by taxpayer status, effective-dated, and invoice amounts. */
export { taxRoutes } from './tax.routes.ts';
export {
  computeInvoiceAmounts,
  DEFAULT_RATE_BP,
  type InvoiceAmounts,
  LEGACY_CUTOFF,
  type TaxpayerStatus,
  type TaxRule,
} from './tax.rules.ts';
export { invoiceAmounts, partnerInvoiceAmounts, rateAt, taxpayerStatusOf } from './tax.service.ts';
