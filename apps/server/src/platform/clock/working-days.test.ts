import { describe, expect, it } from 'vitest';
import { CHINA_2026, CHINA_2027 } from '../../modules/tickets/holidays.data.ts';
import {
  addWorkingDays,
  businessDate,
  EMPTY_CALENDAR,
  isCalendarDate,
  isWorkingDate,
  type WorkingCalendar,
} from './working-days.ts';

function calendarOf(days: readonly { date: string; kind: 'holiday' | 'workday' }[]): WorkingCalendar {
  return {
    holidays: new Set(days.filter((d) => d.kind === 'holiday').map((d) => d.date)),
    workdays: new Set(days.filter((d) => d.kind === 'workday').map((d) => d.date)),
  };
}

const china = calendarOf([...CHINA_2026, ...CHINA_2027]);
/** Asia/Shanghai wall-clock time as an instant (UTC+8, no daylight saving). */
const sh = (local: string) => new Date(`${local}+08:00`);
const due = (local: string, cal = china, n = 3) => addWorkingDays(sh(local), n, cal).toISOString();

describe('businessDate', () => {
  it('is the Shanghai date, not the UTC one', () => {
    expect(businessDate(new Date('2026-03-02T15:59:59Z'))).toBe('2026-03-02');
    expect(businessDate(new Date('2026-03-02T16:00:00Z'))).toBe('2026-03-03');
  });
});

describe('isWorkingDate', () => {
  it('weekdays work, weekends rest', () => {
    expect(isWorkingDate('2026-03-06', EMPTY_CALENDAR)).toBe(true); // Friday
    expect(isWorkingDate('2026-03-07', EMPTY_CALENDAR)).toBe(false); // Saturday
    expect(isWorkingDate('2026-03-08', EMPTY_CALENDAR)).toBe(false); // Sunday
  });
  it('public holidays rest and adjusted weekends work', () => {
    expect(isWorkingDate('2026-02-16', china)).toBe(false); // Monday in the Spring Festival
    expect(isWorkingDate('2026-02-14', china)).toBe(true); // Saturday worked
    expect(isWorkingDate('2026-01-04', china)).toBe(true); // Sunday worked
    expect(isWorkingDate('2026-10-01', china)).toBe(false);
  });
  it('an adjusted working day wins over a holiday entry for the same date', () => {
    const cal: WorkingCalendar = { holidays: new Set(['2026-03-07']), workdays: new Set(['2026-03-07']) };
    expect(isWorkingDate('2026-03-07', cal)).toBe(true);
  });
});

describe('addWorkingDays (3 working days, Asia/Shanghai)', () => {
  it('Monday morning → Thursday, same time', () => {
    expect(due('2026-03-02T09:30:00')).toBe(sh('2026-03-05T09:30:00').toISOString());
  });
  it('Wednesday → Monday over a plain weekend', () => {
    expect(due('2026-03-04T10:00:00')).toBe(sh('2026-03-09T10:00:00').toISOString());
  });
  it('Friday afternoon → Wednesday afternoon', () => {
    expect(due('2026-03-06T16:45:00')).toBe(sh('2026-03-11T16:45:00').toISOString());
  });
  it('Friday 23:59 Shanghai, which is still Friday afternoon in UTC', () => {
    expect(due('2026-03-06T23:59:00')).toBe(sh('2026-03-11T23:59:00').toISOString());
  });
  it('Saturday → three whole working days from Monday 00:00', () => {
    expect(due('2026-03-07T11:00:00')).toBe(sh('2026-03-12T00:00:00').toISOString());
  });
  it('Sunday late evening counts like Saturday', () => {
    expect(due('2026-03-08T23:30:00')).toBe(sh('2026-03-12T00:00:00').toISOString());
  });
  it('Friday before the Spring Festival: the worked Saturday counts, then the nine days off', () => {
    // Fri 13 Feb → Sat 14 (worked) → 24, 25 Feb.
    expect(due('2026-02-13T15:00:00')).toBe(sh('2026-02-25T15:00:00').toISOString());
  });
  it('opened during the Spring Festival → three days from the first working day after it', () => {
    expect(due('2026-02-17T10:00:00')).toBe(sh('2026-02-27T00:00:00').toISOString());
  });
  it('the worked Saturday after the Spring Festival counts', () => {
    // Wed 25 → Thu 26, Fri 27, Sat 28 (worked).
    expect(due('2026-02-25T09:00:00')).toBe(sh('2026-02-28T09:00:00').toISOString());
  });
  it('opened on the adjusted working Sunday keeps its time of day', () => {
    // Sun 4 Jan 2026 is worked: Mon 5, Tue 6, Wed 7.
    expect(due('2026-01-04T14:00:00')).toBe(sh('2026-01-07T14:00:00').toISOString());
  });
  it('New Year: 31 December → 5 January over the holiday and the worked Sunday', () => {
    // Wed 31 Dec 2025 → (1–3 Jan off) → Sun 4 (worked), Mon 5, Tue 6.
    expect(due('2025-12-31T17:00:00')).toBe(sh('2026-01-06T17:00:00').toISOString());
  });
  it('National Day week and the worked Saturday 10 October', () => {
    // Wed 30 Sep → (1–7 Oct off) → Thu 8, Fri 9, Sat 10 (worked).
    expect(due('2026-09-30T12:00:00')).toBe(sh('2026-10-10T12:00:00').toISOString());
  });
  it('the worked Sunday before Mid-Autumn counts', () => {
    // Fri 18 Sep → Sun 20 (worked), Mon 21, Tue 22.
    expect(due('2026-09-18T10:00:00')).toBe(sh('2026-09-22T10:00:00').toISOString());
  });
  it('crosses the year boundary into the 2027 calendar', () => {
    // Wed 30 Dec 2026 → Thu 31, (1–3 Jan 2027 off), Mon 4, Tue 5.
    expect(due('2026-12-30T10:00:00')).toBe(sh('2027-01-05T10:00:00').toISOString());
  });
  it('Spring Festival 2027 with its worked Sunday before it', () => {
    // Fri 29 Jan 2027 → Sun 31 (worked), Mon 1, Tue 2 Feb.
    expect(due('2027-01-29T10:00:00')).toBe(sh('2027-02-02T10:00:00').toISOString());
  });
  it('without a calendar only weekends are off', () => {
    expect(due('2026-02-13T15:00:00', EMPTY_CALENDAR)).toBe(sh('2026-02-18T15:00:00').toISOString());
  });
  it('zero days from a working day is the start itself; from a day off the next working morning', () => {
    expect(due('2026-03-04T10:00:00', china, 0)).toBe(sh('2026-03-04T10:00:00').toISOString());
    expect(due('2026-03-07T10:00:00', china, 0)).toBe(sh('2026-03-09T00:00:00').toISOString());
  });
  it('refuses negative or fractional counts and a calendar without working days', () => {
    expect(() => addWorkingDays(sh('2026-03-04T10:00:00'), -1, china)).toThrow(RangeError);
    expect(() => addWorkingDays(sh('2026-03-04T10:00:00'), 1.5, china)).toThrow(RangeError);
    const allOff: WorkingCalendar = {
      holidays: { has: () => true } as unknown as ReadonlySet<string>,
      workdays: new Set(),
    };
    expect(() => addWorkingDays(sh('2026-03-04T10:00:00'), 3, allOff)).toThrow(RangeError);
  });
});

describe('the seeded China calendar', () => {
  const weekday = (d: string) => new Date(`${d}T00:00:00Z`).getUTCDay();
  it('adjusted working days fall on weekends only', () => {
    for (const d of [...CHINA_2026, ...CHINA_2027].filter((x) => x.kind === 'workday')) {
      expect([0, 6], d.date).toContain(weekday(d.date));
    }
  });
  it('has no duplicate dates, only real dates, names in both languages', () => {
    const all = [...CHINA_2026, ...CHINA_2027];
    expect(new Set(all.map((d) => d.date)).size).toBe(all.length);
    for (const d of all) {
      expect(isCalendarDate(d.date)).toBe(true);
      expect(d.name['zh-CN'] && d.name['en-US']).toBeTruthy();
    }
  });
  it('isCalendarDate refuses impossible dates', () => {
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2026-1-5')).toBe(false);
  });
});
