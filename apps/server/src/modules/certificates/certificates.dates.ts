import { TZDate } from '@date-fns/tz';
import { BUSINESS_TZ, inBusinessTz } from '../../platform/clock/clock.ts';

/**
 * R7 date rules, all reckoned in Asia/Shanghai. Validity is a calendar date (always a
 * 31 January); instants are derived from it only where a moment is needed.
 */

const DAY = 24 * 3600_000;
/** A review opened late (certificate issued in December) still gets at least this long. */
export const LATE_REVIEW_MIN_DAYS = 14;

const pad = (n: number) => String(n).padStart(2, '0');

/** The calendar date of an instant in Asia/Shanghai, `YYYY-MM-DD`. */
export function businessDate(at: Date): string {
  const d = inBusinessTz(at);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** `YYYY-MM-DD HH:mm` in Asia/Shanghai, for messages. */
export function businessDateTime(at: Date): string {
  const d = inBusinessTz(at);
  return `${businessDate(at)} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function businessYear(at: Date): number {
  return inBusinessTz(at).getFullYear();
}

/** 00:00 Asia/Shanghai of a `YYYY-MM-DD` date. */
export function startOfBusinessDay(date: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(new TZDate(y, m - 1, d, 0, 0, 0, 0, BUSINESS_TZ).getTime());
}

/** The last millisecond of a `YYYY-MM-DD` date in Asia/Shanghai. */
export function endOfBusinessDay(date: string): Date {
  return new Date(startOfBusinessDay(date).getTime() + DAY - 1);
}

/** A certificate issued at `at` is valid to 31 January of the following year. */
export function validUntilForIssue(at: Date): string {
  return `${businessYear(at) + 1}-01-31`;
}

/** An approved review extends validity by one year: to 31 January of the next year. */
export function extendValidity(validUntil: string): string {
  return `${Number(validUntil.slice(0, 4)) + 1}-01-31`;
}

/** The moment a certificate stops being valid: 00:00 Asia/Shanghai of the day after `validUntil`. */
export function expiresAt(validUntil: string): Date {
  return new Date(endOfBusinessDay(validUntil).getTime() + 1);
}

export function isValidAt(validUntil: string, at: Date): boolean {
  return at.getTime() < expiresAt(validUntil).getTime();
}

/** The December whose review decides a certificate valid to `validUntil` (31 Jan Y → Dec Y-1). */
export function reviewCycleOf(validUntil: string): number {
  return Number(validUntil.slice(0, 4)) - 1;
}

/** The review of `cycleYear` opens on 1 December of that year, 00:00 Asia/Shanghai. */
export function reviewOpensAt(cycleYear: number): Date {
  return startOfBusinessDay(`${cycleYear}-12-01`);
}

/**
 * The materials deadline of a cycle from the configured `MM-DD` (December of the cycle year, or
 * January after it): the end of that day in Asia/Shanghai.
 */
export function reviewDeadline(cycleYear: number, monthDay: string): Date {
  const year = monthDay.startsWith('12-') ? cycleYear : cycleYear + 1;
  return endOfBusinessDay(`${year}-${monthDay}`);
}

/**
 * The deadline for a review opened at `openedAt`: the configured one, but never fewer than
 * `LATE_REVIEW_MIN_DAYS` days after opening (a certificate issued in December), and never after the
 * validity ends.
 */
export function deadlineForReview(
  openedAt: Date,
  cycleYear: number,
  monthDay: string,
  validUntil: string,
): Date {
  const configured = reviewDeadline(cycleYear, monthDay).getTime();
  const earliest = endOfBusinessDay(
    businessDate(new Date(openedAt.getTime() + LATE_REVIEW_MIN_DAYS * DAY)),
  ).getTime();
  const latest = endOfBusinessDay(validUntil).getTime();
  return new Date(Math.min(Math.max(configured, earliest), latest));
}

/** Whether the review of the certificate's cycle should be open at `at` (1 Dec ≤ at < expiry). */
export function reviewIsDue(validUntil: string, at: Date): boolean {
  return at.getTime() >= reviewOpensAt(reviewCycleOf(validUntil)).getTime() && isValidAt(validUntil, at);
}
