import { TZDate } from '@date-fns/tz';
import { BUSINESS_TZ, inBusinessTz } from '../../platform/clock/clock.ts';
import { billCycleOf } from '../spend/spend.validate.ts';

export const THRESHOLDS = [75, 90, 100] as const;
export type BudgetType = 'MONTHLY' | 'PACKAGE';
export const PACKAGE_PERIOD = 'package';

/** 00:00 on the 1st of the instant's month, Asia/Shanghai. */
export function monthStartOf(d: Date): Date {
  const z = inBusinessTz(d);
  return new Date(new TZDate(z.getFullYear(), z.getMonth(), 1, 0, 0, 0, BUSINESS_TZ).getTime());
}

/** The period a budget of this type is in at `now`: `YYYY-MM` (monthly) or `package`. */
export function periodKeyAt(type: BudgetType | string, now: Date): string {
  return type === 'MONTHLY' ? billCycleOf(now) : PACKAGE_PERIOD;
}

/**
 * Thresholds (percent) reached by `usedFen` of `amountFen`: used × 100 ≥ T × amount, in exact
 * integers (reaching 100 % counts as passing it: the budget is used up).
 */
export function reachedThresholds(usedFen: number, amountFen: number): number[] {
  const used = BigInt(usedFen) * 100n;
  return THRESHOLDS.filter((t) => used >= BigInt(t) * BigInt(amountFen));
}
