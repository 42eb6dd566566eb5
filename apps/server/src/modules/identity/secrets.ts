import { createHmac, randomInt } from 'node:crypto';

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
  if (value.length <= 7) return `${value.slice(0, 2)}****`;
  return `${value.slice(0, 3)}****${value.slice(-4)}`;
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Digits with an optional leading `+`; spaces and dashes dropped. */
export function normalizePhone(phone: string): string {
  return phone.replace(/[\s-]/g, '');
}

export const PHONE_PATTERN = /^\+?[1-9]\d{6,14}$/;
