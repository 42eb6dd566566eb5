import { TZDate } from '@date-fns/tz';

/** The one source of time. Tests pass a `TestClock` and move it. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export class TestClock implements Clock {
  private t: number;
  constructor(start: Date | string = '2026-01-15T02:00:00Z') {
    this.t = new Date(start).getTime();
  }
  now(): Date {
    return new Date(this.t);
  }
  set(at: Date | string): void {
    this.t = new Date(at).getTime();
  }
  advance(ms: number): void {
    this.t += ms;
  }
}

/** Periods, quarters and the December review are reckoned in this zone. */
export const BUSINESS_TZ = 'Asia/Shanghai';

/** The instant seen as wall-clock time in Asia/Shanghai. */
export function inBusinessTz(d: Date): TZDate {
  return new TZDate(d.getTime(), BUSINESS_TZ);
}

// Asia/Shanghai has been UTC+8 without daylight saving since 1992, so fixed-offset arithmetic is exact.
export const BUSINESS_OFFSET_MS = 8 * 3_600_000;

/** 00:00 Asia/Shanghai of a `YYYY-MM-DD` date (an invalid date gives an Invalid Date). */
export function businessDayStart(date: string): Date {
  return new Date(`${date}T00:00:00+08:00`);
}

/** `YYYY-MM-DD HH:mm:ss` as the wall clock reads in Asia/Shanghai (exports, notices). */
export function businessDateTime(d: Date): string {
  return new Date(d.getTime() + BUSINESS_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
}
