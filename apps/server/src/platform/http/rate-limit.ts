import { type DbOrTx, schema } from '@pc/db';
import { lt, sql } from 'drizzle-orm';
import { AppError } from '../errors/errors.ts';

const { rateLimits } = schema;

/** At most `max` hits per fixed window of `windowMs` for `key` (e.g. `sign-up:ip:203.0.113.7`). */
export interface Limit {
  key: string;
  max: number;
  windowMs: number;
}

/** Seconds until the window that refused ends (≥ 1), or 0 when the hit is allowed. */
async function hit(db: DbOrTx, now: Date, limit: Limit): Promise<number> {
  const start = Math.floor(now.getTime() / limit.windowMs) * limit.windowMs;
  const end = start + limit.windowMs;
  const [row] = await db
    .insert(rateLimits)
    .values({ key: limit.key, windowStart: new Date(start), hits: 1, expiresAt: new Date(end) })
    .onConflictDoUpdate({
      target: [rateLimits.key, rateLimits.windowStart],
      set: { hits: sql`${rateLimits.hits} + 1` },
    })
    .returning({ hits: rateLimits.hits });
  return (row?.hits ?? 0) > limit.max ? Math.max(1, Math.ceil((end - now.getTime()) / 1000)) : 0;
}

/**
 * Counts one hit against every limit (in the database, so all server processes share the counts)
 * and answers how long to wait when any is exceeded: 0 when the request may go on. Run it outside
 * the request's transaction, so refused and failed requests count too.
 */
export async function waitForLimits(db: DbOrTx, now: Date, limits: Limit[]): Promise<number> {
  let wait = 0;
  for (const limit of limits) wait = Math.max(wait, await hit(db, now, limit));
  return wait;
}

/** `waitForLimits`, refusing with 429 `common.rate_limited` and `Retry-After` when a limit is exceeded. */
export async function enforceLimits(db: DbOrTx, now: Date, limits: Limit[]): Promise<void> {
  const wait = await waitForLimits(db, now, limits);
  if (wait > 0) throw new AppError('common.rate_limited', { retryAfter: wait });
}

/** Housekeeping: drops windows that ended before `before`. */
export async function pruneLimits(db: DbOrTx, before: Date): Promise<number> {
  const rows = await db
    .delete(rateLimits)
    .where(lt(rateLimits.expiresAt, before))
    .returning({ k: rateLimits.key });
  return rows.length;
}
