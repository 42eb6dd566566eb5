import type { Database } from '@pc/db';
import type { Clock } from '../clock/clock.ts';
import { waitForLimits } from '../http/rate-limit.ts';

/**
 * Fixed one-second windows per (access key, operation), counted on the app clock so tests can hold
 * time still. A call over the limit in this process is refused at once; on PostgreSQL, where several
 * API processes may serve one key, the call is then counted in the shared `rate_limits` table too, so
 * the limit holds across processes. PGlite serves one process: the in-process count is the count.
 */
export function createFlowControl(clock: Clock, perSecond: number, database?: Database) {
  let window = 0;
  let counts = new Map<string, number>();
  const shared = database?.kind === 'postgres' ? database.db : undefined;
  return {
    /** Counts one call; false when it is over the limit. */
    async take(key: string): Promise<boolean> {
      const at = clock.now();
      const now = Math.floor(at.getTime() / 1000);
      if (now !== window) {
        window = now;
        counts = new Map();
      }
      const n = (counts.get(key) ?? 0) + 1;
      counts.set(key, n);
      if (n > perSecond) return false;
      if (!shared) return true;
      return (
        (await waitForLimits(shared, at, [{ key: `flow:${key}`, max: perSecond, windowMs: 1000 }])) === 0
      );
    },
  };
}
