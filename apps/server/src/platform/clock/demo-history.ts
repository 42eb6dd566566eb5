import { BUSINESS_OFFSET_MS, type Clock } from './clock.ts';

/**
 * Where the demo solution provider's history starts: 09:00 Asia/Shanghai on the 1st of the month
 * before `now`, so that month has ended with the partner certified, in its program and holding its
 * customers, and the demo can settle it (an incentive notice to show on the first start). Null in
 * January: the month before belongs to the previous year, whose certificates end this 31 January.
 */
export function demoHistoryStart(now: Date): Date | null {
  const local = new Date(now.getTime() + BUSINESS_OFFSET_MS);
  const month0 = local.getUTCMonth();
  if (month0 === 0) return null;
  return new Date(Date.UTC(local.getUTCFullYear(), month0 - 1, 1, 9) - BUSINESS_OFFSET_MS);
}

/**
 * The context with its clock stopped at `demoHistoryStart` (demo data written as of that day), or the
 * context itself when there is no history (January).
 */
export function atDemoHistoryStart<T extends { clock: Clock }>(ctx: T): T {
  const at = demoHistoryStart(ctx.clock.now());
  return at ? { ...ctx, clock: { now: () => new Date(at.getTime()) } } : ctx;
}
