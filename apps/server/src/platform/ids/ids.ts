import { randomBytes, randomFillSync } from 'node:crypto';

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

function encode(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += ALPHABET[b & 31];
  return out;
}

/**
 * Random bytes for ids, taken from a pool the CSPRNG refills every 256 ids: one `randomBytes` call
 * per id cost ~7 µs here (a batch of alerts writes thousands of ids), the pool ~0.4 µs. Each byte is
 * used once.
 */
const POOL = Buffer.alloc(4096);
let used = POOL.length;
function random16(): Uint8Array {
  if (used + 16 > POOL.length) {
    randomFillSync(POOL);
    used = 0;
  }
  used += 16;
  return POOL.subarray(used - 16, used);
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
  return `${prefix}_${time}${encode(random16())}`;
}

/** A random token for sessions and links, URL-safe. */
export function newToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}
