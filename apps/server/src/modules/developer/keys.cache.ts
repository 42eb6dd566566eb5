import { performance } from 'node:perf_hooks';

// Verified keys are kept for a second so a busy partner's calls do not each pay the key and partner
// reads and the decryption. A change in this process (disable, rotate) forgets the entry at once;
// other API processes see it within TTL_MS, so a revoked key stops working on every node within a
// second. An entry also lapses when the app clock moves by more than TTL_MS, so tests that move
// time (rotation grace period) see fresh state.

const TTL_MS = 1_000;
const MAX_ENTRIES = 10_000;

interface Entry<T> {
  value: T;
  at: number;
  clockAt: number;
  /** App-clock instant after which the value is stale (e.g. a rotated-out secret expiring). */
  until: number;
}

export function createKeyCache<T>() {
  const entries = new Map<string, Entry<T>>();
  return {
    get(accessKey: string, clockNow: Date): T | undefined {
      const e = entries.get(accessKey);
      if (!e) return undefined;
      const clock = clockNow.getTime();
      if (performance.now() - e.at > TTL_MS || Math.abs(clock - e.clockAt) > TTL_MS || clock >= e.until) {
        entries.delete(accessKey);
        return undefined;
      }
      return e.value;
    },
    set(accessKey: string, value: T, clockNow: Date, until?: Date | null): void {
      if (entries.size >= MAX_ENTRIES) entries.clear();
      const clockAt = clockNow.getTime();
      entries.set(accessKey, { value, at: performance.now(), clockAt, until: until?.getTime() ?? Infinity });
    },
    forget(accessKey: string): void {
      entries.delete(accessKey);
    },
  };
}
