import type { Clock } from '../clock/clock.ts';

/**
 * Fixed one-second windows per (access key, operation), counted on the app clock so tests can hold
 * time still. In-process: with N API processes the effective limit is N × the configured one.
 */
export function createFlowControl(clock: Clock, perSecond: number) {
  let window = 0;
  let counts = new Map<string, number>();
  return {
    /** Counts one call; false when it is over the limit. */
    take(key: string): boolean {
      const now = Math.floor(clock.now().getTime() / 1000);
      if (now !== window) {
        window = now;
        counts = new Map();
      }
      const n = (counts.get(key) ?? 0) + 1;
      counts.set(key, n);
      return n <= perSecond;
    },
  };
}
