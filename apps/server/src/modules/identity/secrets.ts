import { createHmac, randomInt } from 'node:crypto';

import { AppError } from '../../platform/errors/errors.ts';
import { nationalMobile, toE164 } from './phone.ts';

export { safeEqual, sha256 } from '../../platform/seal/digest.ts';

/** A 6-digit code, uniformly random. */
export function newCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

/** Codes have a million values: keyed with the server secret so a leaked table cannot be brute-forced. */
export function hashCode(secret: string, codeId: string, code: string): string {
  return createHmac('sha256', secret).update(`${codeId}:${code}`).digest('hex');
}

/** `wa***@example.com`, `138****8000`: enough to recognise, not enough to harvest. */
export function maskTarget(value: string): string {
  const at = value.indexOf('@');
  if (at > 0) return `${value.slice(0, Math.min(2, at))}***${value.slice(at)}`;
  const phone = nationalMobile(value);
  if (phone.length <= 7) return `${phone.slice(0, 2)}****`;
  return `${phone.slice(0, 3)}****${phone.slice(-4)}`;
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** A phone number in E.164 (see `toE164`); an invalid one is refused with `identity.invalid_phone`. */
export function normalizePhone(phone: string): string {
  const e164 = toE164(phone);
  if (!e164) throw new AppError('identity.invalid_phone');
  return e164;
}
