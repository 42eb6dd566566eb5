import { createHmac, randomBytes } from 'node:crypto';
import type { DbOrTx } from '@pc/db';
import type { FastifyReply } from 'fastify';
import { failureStats } from './identity.repository.ts';
import { safeEqual } from './secrets.ts';

export const WINDOW_MS = 15 * 60_000;
export const DEVICE_COOKIE = 'pc_device';
const DEVICE_COOKIE_DAYS = 365;
/** Failures of one account from one source before delays begin. */
const FREE_FAILURES = 3;
/** The first delay after those, doubling with every further failure, at most the window. */
const FIRST_DELAY_S = 10;
/** Failures from one address over all accounts (password spraying), unknown devices only. */
const FAILURES_PER_IP = 30;
/** Failures of one account from all unknown sources together (a guessing botnet). */
const FAILURES_PER_ACCOUNT = 100;

const mac = (secret: string, userId: string, nonce: string) =>
  createHmac('sha256', `device:${secret}`).update(`${userId}.${nonce}`).digest('base64url').slice(0, 32);

/**
 * The `pc_device` cookie a browser gets when it signs in to an account: it marks the browser as
 * known to that account, so the owner is never locked out by someone else's failures.
 */
export function newDeviceToken(secret: string, userId: string): string {
  const nonce = randomBytes(12).toString('base64url');
  return `${nonce}.${mac(secret, userId, nonce)}`;
}

/** The device id when `token` was issued to this user's browser, else null. */
export function knownDeviceId(
  secret: string,
  userId: string | undefined,
  token: string | undefined,
): string | null {
  if (!userId || !token || token.length > 100) return null;
  const [nonce, sig] = token.split('.');
  return nonce && sig && safeEqual(mac(secret, userId, nonce), sig) ? nonce : null;
}

/** Keeps the device token in the browser, readable by the server's sign-in only. */
export function setDeviceCookie(reply: FastifyReply, token: string, now: Date, secure: boolean): void {
  reply.setCookie(DEVICE_COOKIE, token, {
    path: '/api/auth/',
    httpOnly: true,
    sameSite: 'lax',
    secure,
    expires: new Date(now.getTime() + DEVICE_COOKIE_DAYS * 24 * 3600_000),
  });
}

/** What failures are counted against: the known device, else the address. */
export function sourceOf(deviceId: string | null, ip: string | null): string {
  return deviceId ? `device:${deviceId}` : `ip:${ip ?? 'unknown'}`;
}

/**
 * Seconds to wait before this account may be tried again from this source, 0 when it may now.
 * The delay grows with the failures of the (account, source) pair; an address that sprays many
 * accounts and an account guessed at from many addresses are capped too, but a known device of
 * the owner passes those caps: it only meets its own pair's delay.
 */
export async function signInWaitSeconds(
  db: DbOrTx,
  now: Date,
  identifier: string,
  source: string,
  ip: string | null,
): Promise<number> {
  const since = new Date(now.getTime() - WINDOW_MS);
  const stats = await failureStats(db, { identifier, source, ip, since });
  const waits = [0];
  const until = (at: Date | null, delayMs: number) =>
    at ? Math.ceil((at.getTime() + delayMs - now.getTime()) / 1000) : 0;
  if (stats.pair.n >= FREE_FAILURES) {
    const delay = Math.min(WINDOW_MS / 1000, FIRST_DELAY_S * 2 ** (stats.pair.n - FREE_FAILURES));
    waits.push(until(stats.pair.last, delay * 1000));
  }
  if (!source.startsWith('device:')) {
    if (stats.ip.n >= FAILURES_PER_IP) waits.push(until(stats.ip.first, WINDOW_MS));
    if (stats.account.n >= FAILURES_PER_ACCOUNT) waits.push(until(stats.account.first, WINDOW_MS));
  }
  return Math.max(...waits);
}
