import type { Database } from '@pc/db';
import type { Clock } from '../clock/clock.ts';

/** Shared windows older than this many seconds are deleted (by whichever process gets there). */
const KEEP_SECONDS = 5;
const PRUNE_EVERY_SECONDS = 10;

export interface FlowControl {
  /** Counts one call; false when it is over the limit. */
  take(key: string): Promise<boolean>;
}

/**
 * Fixed one-second windows per (access key, operation), counted on the app clock so tests can hold
 * time still. On PGlite (one process) the count is kept in memory. On PostgreSQL it is kept in
 * `api_flow_counts`, so the limit holds across every API process: one upsert per call until the
 * window's limit is reached, after which this process refuses locally for the rest of the window.
 */
export function createFlowControl(
  clock: Clock,
  perSecond: number,
  database?: Database,
  onError: (err: unknown) => void = () => {},
): FlowControl {
  let window = 0;
  let counts = new Map<string, number>();
  /** Buckets known to be over the limit in the current window (no need to ask again). */
  let exhausted = new Set<string>();
  let prunedAt = 0;
  const roll = (now: number) => {
    if (now === window) return;
    window = now;
    counts = new Map();
    exhausted = new Set();
  };
  if (database?.kind !== 'postgres') {
    return {
      async take(key) {
        roll(Math.floor(clock.now().getTime() / 1000));
        const n = (counts.get(key) ?? 0) + 1;
        counts.set(key, n);
        return n <= perSecond;
      },
    };
  }
  return {
    async take(key) {
      const now = Math.floor(clock.now().getTime() / 1000);
      roll(now);
      if (exhausted.has(key)) return false;
      const r = await database.query<{ calls: number }>(
        `insert into api_flow_counts (bucket, second, calls) values ($1, $2, 1)
         on conflict (bucket, second) do update set calls = api_flow_counts.calls + 1
         returning calls`,
        [key, now],
      );
      const calls = r.rows[0]?.calls ?? 1;
      if (calls >= perSecond && window === now) exhausted.add(key);
      if (now - prunedAt >= PRUNE_EVERY_SECONDS) {
        prunedAt = now;
        database.query('delete from api_flow_counts where second < $1', [now - KEEP_SECONDS]).catch(onError);
      }
      return calls <= perSecond;
    },
  };
}
