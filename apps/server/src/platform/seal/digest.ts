import { createHash, timingSafeEqual } from 'node:crypto';

/** Hex SHA-256 (session and CSRF tokens are stored and compared only as digests). */
export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/** Constant-time string comparison. */
export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
