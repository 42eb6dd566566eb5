import { yuanToFen } from '../../platform/money/money.ts';

/** Largest budget accepted: far below 2^53 fen, so sums and percentages stay exact. */
export const MAX_BUDGET_YUAN = '999999999999.99';
export const MAX_RECIPIENTS = 20;

/**
 * A budget amount in yuan → fen, exactly. A JSON number is taken by its shortest round-trip
 * decimal text (`String(n)`, what the sender's decimal literal denotes): it must be > 0 with at
 * most two decimals (`12.3`, `12.30` and `12` pass; `12.345`, `1e-7` fail), and is then converted
 * digit by digit — no float arithmetic. Strings (the portal) follow the same rule. Null when refused.
 */
export function budgetAmountToFen(amount: number | string): number | null {
  const text = typeof amount === 'number' ? (Number.isFinite(amount) ? String(amount) : '') : amount.trim();
  if (!/^\d{1,12}(\.\d{1,2})?$/.test(text)) return null;
  const fen = yuanToFen(text);
  return fen > 0 ? fen : null;
}
