/**
 * Bills: customers' monthly bill summaries and resource-level fee records, from spend (usage) and
 * orders (yearly/monthly charges and refunds). What other modules may use:
 * - `getCustomerMonthlySummary(ctx, customerId, 'YYYY-MM')`: a customer's bill for a month;
 * - `addSpendToBills(tx, records, at)`: spend's accepted records, in spend's transaction;
 * - `addOrderFeesToBills(tx, fees, at)`: order lines paid or refunded, in the order's transaction.
 */
export {
  addOrderFeesToBills,
  addSpendToBills,
  BILL_TYPE,
  CHARGING_MODE,
  type OrderFeeInput,
  type SpendForBills,
} from './bills.ingest.ts';
export { getCustomerMonthlySummary, type MonthlySummary } from './bills.service.ts';
