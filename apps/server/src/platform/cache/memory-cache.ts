import { performance } from 'node:perf_hooks';
import type { Invalidations } from './invalidations.ts';

// A small in-memory cache for the hot paths (verified API keys, sessions). It answers only while the
// process hears every invalidation (`Invalidations.live`): a change anywhere is forgotten here when it
// commits. Entries also lapse after TTL_MS (a bound if an announcement is ever lost) and when the app
// clock moves by more than TTL_MS, so tests that move time (rotation grace period, session expiry)
// see fresh state.

const TTL_MS = 30_000;
const MAX_ENTRIES = 10_000;

interface Entry<T> {
  value: T;
  at: number;
  clockAt: number;
  /** App-clock instant after which the value is stale (e.g. a rotated-out secret expiring). */
  until: number;
}

export interface MemoryCache<T> {
  get(key: string, clockNow: Date): T | undefined;
  /**
   * The cached value, or `load()`'s, kept unless something was forgotten while it loaded (a load
   * that raced an invalidation may have read the old state). `until`: when the value goes stale.
   */
  through(
    key: string,
    clockNow: Date,
    load: () => Promise<T | undefined>,
    until?: (value: T) => Date | null,
  ): Promise<T | undefined>;
  forget(key: string): void;
  /** Forgets every entry whose value matches. */
  forgetWhere(match: (value: T) => boolean): void;
  clear(): void;
}

export function createMemoryCache<T>(invalidations: Pick<Invalidations, 'live'>): MemoryCache<T> {
  const entries = new Map<string, Entry<T>>();
  let forgets = 0;
  const cache: MemoryCache<T> = {
    get(key, clockNow) {
      if (!invalidations.live) return undefined;
      const e = entries.get(key);
      if (!e) return undefined;
      const clock = clockNow.getTime();
      if (performance.now() - e.at > TTL_MS || Math.abs(clock - e.clockAt) > TTL_MS || clock >= e.until) {
        entries.delete(key);
        return undefined;
      }
      return e.value;
    },
    async through(key, clockNow, load, until) {
      const hit = cache.get(key, clockNow);
      if (hit !== undefined) return hit;
      const before = forgets;
      const wasLive = invalidations.live;
      const value = await load();
      if (value === undefined || !wasLive || !invalidations.live || forgets !== before) return value;
      if (entries.size >= MAX_ENTRIES) entries.clear();
      entries.set(key, {
        value,
        at: performance.now(),
        clockAt: clockNow.getTime(),
        until: until?.(value)?.getTime() ?? Infinity,
      });
      return value;
    },
    forget(key) {
      forgets++;
      entries.delete(key);
    },
    forgetWhere(match) {
      forgets++;
      for (const [key, e] of entries) if (match(e.value)) entries.delete(key);
    },
    clear() {
      forgets++;
      entries.clear();
    },
  };
  return cache;
}

/** One cache per app context (several apps may share a process: tests, benchmarks). */
export function perContext<C extends object, T>(make: (ctx: C) => T): (ctx: C) => T {
  const made = new WeakMap<C, T>();
  return (ctx) => {
    let v = made.get(ctx);
    if (!v) {
      v = make(ctx);
      made.set(ctx, v);
    }
    return v;
  };
}
