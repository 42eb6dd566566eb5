/**
 * The retry schedule of every delivery (webhooks and bind callbacks). After the n-th failed attempt
 * the next one waits RETRY_DELAYS_MS[n-1], then every 6 hours; a delivery whose first attempt was
 * 72 hours or more before a failure is given up (`failed`). So a receiver that is down is tried for
 * at least 3 days: at 0, 10 s, 1 min 10 s, 6 min 10 s, 36 min 10 s, 2 h 36 min, then every 6 h up
 * to about 74.6 h (18 attempts).
 */
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

export const RETRY_DELAYS_MS: readonly number[] = [10 * SECOND, MINUTE, 5 * MINUTE, 30 * MINUTE, 2 * HOUR];
export const STEADY_RETRY_MS = 6 * HOUR;
export const GIVE_UP_AFTER_MS = 72 * HOUR;
/** One HTTP attempt may take this long before it is aborted. */
export const ATTEMPT_TIMEOUT_MS = 10 * SECOND;
/** A claimed delivery whose worker dies becomes due again after this. */
export const CLAIM_LEASE_MS = 2 * MINUTE;
/** How much of a response body is kept on the attempt. */
export const RESPONSE_KEEP_BYTES = 2048;

/** Delay before the next attempt after `failures` failed attempts (1-based). */
export function retryDelayMs(failures: number): number {
  return RETRY_DELAYS_MS[failures - 1] ?? STEADY_RETRY_MS;
}

/** The time of the next attempt, or null when the delivery is given up. */
export function nextAttemptAfterFailure(failures: number, firstAttemptAt: Date, now: Date): Date | null {
  if (now.getTime() - firstAttemptAt.getTime() >= GIVE_UP_AFTER_MS) return null;
  return new Date(now.getTime() + retryDelayMs(failures));
}
