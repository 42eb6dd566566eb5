import type { Clock } from './clock.ts';

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/**
 * Where the demo solution provider's history starts: 09:00 Asia/Shanghai on the 1st of the month
 * before `now`, so that month has ended with the partner certified, in its program and holding its
 * customers, and the demo can settle it (an incentive notice to show on the first start). Null in
 * January: the month before belongs to the previous year, whose certificates end this 31 January.
 */
export function demoHistoryStart(now: Date): Date | null {
  const local = new Date(now.getTime() + SHANGHAI_OFFSET_MS);
  const month0 = local.getUTCMonth();
  if (month0 === 0) return null;
  return new Date(Date.UTC(local.getUTCFullYear(), month0 - 1, 1, 9) - SHANGHAI_OFFSET_MS);
}

/** The context with its clock stopped at `at` (demo data written as of an earlier day). */
export function atTime<T extends { clock: Clock }>(ctx: T, at: Date): T {
  return { ...ctx, clock: { now: () => new Date(at.getTime()) } };
}
