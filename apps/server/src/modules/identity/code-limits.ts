import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors/errors.ts';
import { type Limit, waitForLimits } from '../../platform/http/rate-limit.ts';

const HOUR = 3600_000;
/** Code requests per client address per hour (sign-up confirmations, contact changes, customer sign-up). */
export const CODES_PER_IP_HOUR = 20;
/** Code requests per signed-in account per hour. */
export const CODES_PER_ACCOUNT_HOUR = 10;
/** Code requests per destination (email address or phone number) per hour and per day. */
export const CODES_PER_DESTINATION_HOUR = 5;
export const CODES_PER_DESTINATION_DAY = 10;

/** Who asks for a code: the client address and, when signed in, the account. */
export interface CodeRequester {
  ip: string | null;
  userId?: string | null;
}

/** The limits one request for codes to `destinations` counts against. */
export function codeLimits(who: CodeRequester, destinations: readonly string[]): Limit[] {
  return [
    { key: `code:ip:${who.ip ?? 'unknown'}`, max: CODES_PER_IP_HOUR, windowMs: HOUR },
    ...(who.userId
      ? [{ key: `code:account:${who.userId}`, max: CODES_PER_ACCOUNT_HOUR, windowMs: HOUR }]
      : []),
    ...destinations.flatMap((d) => [
      { key: `code:dest-hour:${d}`, max: CODES_PER_DESTINATION_HOUR, windowMs: HOUR },
      { key: `code:dest-day:${d}`, max: CODES_PER_DESTINATION_DAY, windowMs: 24 * HOUR },
    ]),
  ];
}

/**
 * Counts a request for codes (whether or not a code is then sent, so known and unknown
 * destinations answer alike) and refuses with 429 `identity.code_rate_limited` and `Retry-After`
 * when the address, the account or a destination asked too often. Outside any transaction, so
 * refused requests count too.
 */
export async function enforceCodeLimits(
  ctx: AppContext,
  who: CodeRequester,
  destinations: readonly string[],
): Promise<void> {
  const wait = await waitForLimits(ctx.db, ctx.clock.now(), codeLimits(who, destinations));
  if (wait > 0) throw new AppError('identity.code_rate_limited', { retryAfter: wait });
}
