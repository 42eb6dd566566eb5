import { TZDate } from '@date-fns/tz';
import { BUSINESS_TZ } from './clock.ts';

/**
 * The working-day calendar of one zone: weekends are off, `holidays` are off, `workdays` are the
 * adjusted weekend days that are worked (调休). Dates are `YYYY-MM-DD` in Asia/Shanghai.
 */
export interface WorkingCalendar {
  holidays: ReadonlySet<string>;
  workdays: ReadonlySet<string>;
}

export const EMPTY_CALENDAR: WorkingCalendar = { holidays: new Set(), workdays: new Set() };

const pad = (n: number) => String(n).padStart(2, '0');

/** The Asia/Shanghai calendar date of an instant, `YYYY-MM-DD`. */
export function businessDate(at: Date): string {
  const d = new TZDate(at.getTime(), BUSINESS_TZ);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Whether a `YYYY-MM-DD` date is worked. An adjusted working day wins over everything. */
export function isWorkingDate(date: string, cal: WorkingCalendar): boolean {
  if (cal.workdays.has(date)) return true;
  if (cal.holidays.has(date)) return false;
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day !== 0 && day !== 6;
}

export function isWorkingDay(at: Date, cal: WorkingCalendar): boolean {
  return isWorkingDate(businessDate(at), cal);
}

/** The same wall-clock time on the next calendar day in Asia/Shanghai. */
function nextDay(d: TZDate): TZDate {
  const n = new TZDate(d.getTime(), BUSINESS_TZ);
  n.setDate(n.getDate() + 1);
  return n;
}

/** Guards a calendar that would make every day a holiday (e.g. a bad import). */
const MAX_SCAN_DAYS = 366 * 3;

/**
 * `start` plus `n` working days, in Asia/Shanghai: the same time of day on the n-th following
 * working day (Friday 15:00 + 3 → Wednesday 15:00). Opened on a day off, the clock starts at 00:00
 * of the next working day, so a ticket of Saturday gets three whole working days too.
 */
export function addWorkingDays(start: Date, n: number, cal: WorkingCalendar): Date {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a whole number ≥ 0: ${n}`);
  let d = new TZDate(start.getTime(), BUSINESS_TZ);
  let scanned = 0;
  const step = () => {
    d = nextDay(d);
    if (++scanned > MAX_SCAN_DAYS) throw new RangeError('no working day found in the calendar');
  };
  if (!isWorkingDay(d, cal)) {
    d.setHours(0, 0, 0, 0);
    while (!isWorkingDay(d, cal)) step();
  }
  for (let left = n; left > 0; ) {
    step();
    if (isWorkingDay(d, cal)) left--;
  }
  return new Date(d.getTime());
}

/** Whether a `YYYY-MM-DD` string names a real calendar date. */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}
