import { TZDate } from '@date-fns/tz';
import { addMonths, differenceInCalendarDays } from 'date-fns';
import { BUSINESS_TZ } from '../../platform/clock/clock.ts';
import { applyRate } from '../../platform/money/money.ts';

export type PeriodType = 'month' | 'year';

/** Renewals: 1–11 months or 1–3 years. */
export const PERIOD_LIMITS: Record<PeriodType, number> = { month: 11, year: 3 };
/** A resource is never paid for more than this far ahead. */
export const MAX_PREPAID_MONTHS = 60;

const months = (type: PeriodType, n: number) => (type === 'year' ? 12 * n : n);

/**
 * The expiry after buying `n` periods from `from`, counted in Asia/Shanghai wall time: the same
 * day and time `n` months (or years) later, the month's last day when it is shorter (Jan 31 + 1
 * month = Feb 28/29).
 */
export function addPeriod(from: Date, type: PeriodType, n: number): Date {
  return new Date(addMonths(new TZDate(from.getTime(), BUSINESS_TZ), months(type, n)).getTime());
}

/** Calendar days from `now` to `at` in Asia/Shanghai (0 on the day itself, negative after). */
export function daysUntil(now: Date, at: Date): number {
  return differenceInCalendarDays(
    new TZDate(at.getTime(), BUSINESS_TZ),
    new TZDate(now.getTime(), BUSINESS_TZ),
  );
}

export interface Price {
  officialFen: number;
  discountFen: number;
  amountFen: number;
}

/**
 * List price of `n` periods and the best discount for that length (percent off, rounded half-up
 * to the fen).
 */
export function priceOf(
  unit: { monthlyFen: number; yearlyFen: number },
  discounts: readonly { periodType: string; minPeriods: number; percentOff: number }[],
  type: PeriodType,
  n: number,
): Price {
  const officialFen = (type === 'year' ? unit.yearlyFen : unit.monthlyFen) * n;
  const pct = Math.max(
    0,
    ...discounts.filter((d) => d.periodType === type && d.minPeriods <= n).map((d) => d.percentOff),
  );
  const discountFen = applyRate(officialFen, pct, 100);
  return { officialFen, discountFen, amountFen: officialFen - discountFen };
}

/** The unused part of a paid amount for [from, to) at `now`, rounded half-up to the fen. */
export function unusedPart(amountFen: number, from: Date, to: Date, now: Date): number {
  const total = to.getTime() - from.getTime();
  if (total <= 0 || now >= to) return 0;
  if (now <= from) return amountFen;
  // Whole minutes keep the integer ratio small and exact.
  const left = Math.floor((to.getTime() - now.getTime()) / 60_000);
  return applyRate(amountFen, left, Math.max(1, Math.floor(total / 60_000)));
}
