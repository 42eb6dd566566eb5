import { randomBytes } from 'node:crypto';
import { addMonths } from 'date-fns';
import { inBusinessTz } from '../../platform/clock/clock.ts';
import { nationalMobile } from '../identity/index.ts';

/** The contract's account-name rule: 5–32 characters, no leading digit, no reserved prefix. */
export const DOMAIN_NAME_PATTERN = /^[a-zA-Z_-][a-zA-Z0-9_-]*$/;
const RESERVED_PREFIXES = ['op_', 'shadow_'];

export function isValidDomainName(name: string): boolean {
  if (name.length < 5 || name.length > 32 || !DOMAIN_NAME_PATTERN.test(name)) return false;
  const lower = name.toLowerCase();
  return !RESERVED_PREFIXES.some((p) => lower.startsWith(p));
}

/** A generated account name when the caller gives none: `pc_` + 12 hex characters. */
export function generateDomainName(): string {
  return `pc_${randomBytes(6).toString('hex')}`;
}

export type AssociationType = 'referral' | 'resale';

/** The partner API's numbering: 1 referral, 2 resale. */
export const ASSOCIATION_TYPE_CODE: Record<AssociationType, '1' | '2'> = { referral: '1', resale: '2' };

/** The provider's two sites: their SDKs (BssClient, BssintlClient) differ in a few codes. */
export type ApiSite = 'cn' | 'intl';

/** The partner API's numbering by site: 1 referral; resale 2 (China) or 3 (international). */
export function associationTypeCode(type: AssociationType, site: ApiSite): '1' | '2' | '3' {
  return type === 'resale' && site === 'intl' ? '3' : ASSOCIATION_TYPE_CODE[type];
}

/** Reads either site's code (2 and 3 are both resale). */
export function associationTypeOf(code: string | number | undefined | null): AssociationType | undefined {
  const s = String(code ?? '');
  if (s === '1' || s === 'referral') return 'referral';
  if (s === '2' || s === '3' || s === 'resale') return 'resale';
  return undefined;
}

/** The SDK's customer_type: -1 none yet, 0 individual, 1 enterprise. */
export const CUSTOMER_TYPE_CODE: Record<string, number> = { none: -1, individual: 0, enterprise: 1 };

/**
 * The SDK's country_code, the phone number's country prefix written `00xx`. Mainland numbers are
 * stored without one (or with +86); other prefixes are not split off a stored number (their
 * lengths vary), so those answer "" like a customer without a phone.
 */
export function countryCodeOf(phone: string | null): string {
  if (!phone) return '';
  return /^(\+86|0086)?1\d{10}$/.test(phone) ? '0086' : '';
}

/** R6: an unbind or a type switch at most once per 3 calendar months (Asia/Shanghai). */
export const CHANGE_INTERVAL_MONTHS = 3;

/** The first instant another change is allowed, or null when one is allowed now. */
export function nextChangeAllowedAt(lastChange: Date | null, now: Date): Date | null {
  if (!lastChange) return null;
  const next = new Date(addMonths(inBusinessTz(lastChange), CHANGE_INTERVAL_MONTHS).getTime());
  return next.getTime() > now.getTime() ? next : null;
}

/** `YYYY-MM-DD HH:mm` in Asia/Shanghai, for messages. */
export function businessDateTime(d: Date): string {
  const z = inBusinessTz(d);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${z.getFullYear()}-${p(z.getMonth() + 1)}-${p(z.getDate())} ${p(z.getHours())}:${p(z.getMinutes())}`;
}

/** The partner API's UTC time format `yyyy-MM-ddTHH:mm:ssZ`. */
export function apiTime(d: Date): string {
  return `${d.toISOString().slice(0, 19)}Z`;
}

/** `wa***@example.com`: the first two characters of the local part. */
export function maskEmail(email: string | null): string | null {
  if (!email) return null;
  const at = email.indexOf('@');
  if (at <= 0) return '***';
  return `${email.slice(0, Math.min(2, at))}***${email.slice(at)}`;
}

/** `138****8000`. */
export function maskPhone(stored: string | null): string | null {
  if (!stored) return null;
  // Mainland numbers (stored in E.164) are masked on their 11 digits, as the contract shows them.
  const phone = nationalMobile(stored);
  if (phone.length <= 7) return `${phone.slice(0, 2)}****`;
  return `${phone.slice(0, 3)}****${phone.slice(-4)}`;
}

export const INVITATION_TTL_MS = 7 * 24 * 3600_000;
