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
      const calls = await countCall(database, key, now);
      if (calls >= perSecond && window === now) exhausted.add(key);
      if (now - prunedAt >= PRUNE_EVERY_SECONDS) {
        prunedAt = now;
        database.query('delete from api_flow_counts where second < $1', [now - KEEP_SECONDS]).catch(onError);
      }
      return calls <= perSecond;
    },
  };
}

/**
 * One upsert of the window's counter in one round trip. A lost count (a crash) only matters for the
 * current second, so the commit does not wait for the disk (`synchronous_commit = off`): without it
 * every partner API call would be a flushed write. The statement is sent as text (several statements
 * in one round trip take no parameters); the bucket is an access key verified before this point and a
 * route, quoted as a literal.
 */
async function countCall(database: Database, bucket: string, second: number): Promise<number> {
  if (!database.pool) throw new Error('shared flow control needs PostgreSQL');
  const client = await database.pool.connect();
  try {
    const results = (await client.query(
      `begin; set local synchronous_commit = off;
       insert into api_flow_counts (bucket, second, calls) values ('${bucket.replace(/'/g, "''")}', ${Math.trunc(second)}, 1)
       on conflict (bucket, second) do update set calls = api_flow_counts.calls + 1 returning calls;
       commit`,
    )) as unknown as { rows: { calls: number }[] }[];
    return results.find((r) => r.rows.length > 0)?.rows[0]?.calls ?? 1;
  } catch (err) {
    await client.query('rollback').catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}
