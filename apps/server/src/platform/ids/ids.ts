import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

function encode(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += ALPHABET[b & 31];
  return out;
}

/**
 * A prefixed id (`usr_…`, `prt_…`): 10 characters of millisecond time, so ids sort by creation,
 * then 16 random characters.
 */
export function newId(prefix: string, at: number = Date.now()): string {
  let time = '';
  let t = at;
  for (let i = 0; i < 10; i++) {
    time = ALPHABET[t % 32] + time;
    t = Math.floor(t / 32);
  }
  return `${prefix}_${time}${encode(randomBytes(16))}`;
}

/** A random token for sessions and links, URL-safe. */
export function newToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}
