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
  // Calls arriving while an upsert is on its way are counted together by the next one: one
  // statement adds n to each (bucket, second) and the calls take the ordinals total − n + 1 … total
  // in arrival order. Every call is still counted in the shared table before it is answered, so
  // the limit holds exactly across processes; under load this costs one round trip per batch
  // instead of one per call, and nothing waits when the process is idle.
  let batch = new Map<string, Pending>();
  let flushing = false;
  const flush = async () => {
    flushing = true;
    while (batch.size > 0) {
      const current = batch;
      batch = new Map();
      try {
        const totals = await countCalls(database, [...current.values()]);
        for (const p of current.values()) {
          const total = totals.get(`${p.second} ${p.bucket}`) ?? p.waiters.length;
          if (total >= perSecond && window === p.second) exhausted.add(p.bucket);
          const first = total - p.waiters.length + 1;
          p.waiters.forEach((w, i) => {
            w.resolve(first + i);
          });
        }
      } catch (err) {
        for (const p of current.values()) for (const w of p.waiters) w.reject(err);
      }
    }
    flushing = false;
  };
  return {
    async take(key) {
      const now = Math.floor(clock.now().getTime() / 1000);
      roll(now);
      if (exhausted.has(key)) return false;
      const calls = await new Promise<number>((resolve, reject) => {
        const id = `${now} ${key}`;
        let p = batch.get(id);
        if (!p) {
          p = { bucket: key, second: now, waiters: [] };
          batch.set(id, p);
        }
        p.waiters.push({ resolve, reject });
        if (!flushing) void flush();
      });
      if (now - prunedAt >= PRUNE_EVERY_SECONDS) {
        prunedAt = now;
        database.query('delete from api_flow_counts where second < $1', [now - KEEP_SECONDS]).catch(onError);
      }
      return calls <= perSecond;
    },
  };
}

interface Pending {
  bucket: string;
  second: number;
  waiters: { resolve: (ordinal: number) => void; reject: (err: unknown) => void }[];
}

/**
 * One upsert of the batch's counters in one round trip: a named prepared statement (parsed and planned
 * once per connection) over arrays, rows in (bucket, second) order so two processes lock them in the
 * same order. The table is unlogged (migration 0023): a lost count after a crash only matters for the
 * current second, and a transaction that writes only unlogged rows does not wait for the disk, so the
 * call costs no flushed write.
 */
async function countCalls(database: Database, batch: Pending[]): Promise<Map<string, number>> {
  const { rows } = await database.prepared<{ bucket: string; second: number | string; calls: number }>(
    'pc_api_flow_count',
    `insert into api_flow_counts (bucket, second, calls)
     select * from unnest($1::text[], $2::bigint[], $3::int[]) order by 1, 2
     on conflict (bucket, second) do update set calls = api_flow_counts.calls + excluded.calls
     returning bucket, second, calls`,
    [batch.map((p) => p.bucket), batch.map((p) => Math.trunc(p.second)), batch.map((p) => p.waiters.length)],
  );
  const totals = new Map<string, number>();
  for (const r of rows) totals.set(`${Number(r.second)} ${r.bucket}`, Number(r.calls));
  return totals;
}
