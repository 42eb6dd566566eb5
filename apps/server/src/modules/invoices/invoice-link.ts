import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

/** How long the invoice list link in a notice opens without signing in. */
export const INVOICE_LINK_TTL_DAYS = 30;

function keyOf(secret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'partner-center', 'invoices.list-link.v1', 32));
}

function mac(secret: string, payload: string): string {
  return createHmac('sha256', keyOf(secret)).update(payload).digest('base64url');
}

/** `<noticeId>.<expiry in seconds>.<HMAC>`: opens that notice's invoice list until it expires. */
export function signListToken(secret: string, noticeId: string, issuedAt: Date): string {
  const exp = Math.floor(issuedAt.getTime() / 1000) + INVOICE_LINK_TTL_DAYS * 86_400;
  const payload = `${noticeId}.${exp}`;
  return `${payload}.${mac(secret, payload)}`;
}

export type TokenCheck =
  | { ok: true; noticeId: string }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'expired'; noticeId: string };

export function verifyListToken(secret: string, token: string, now: Date): TokenCheck {
  const m = /^([a-z]+_[0-9a-z]+)\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!m) return { ok: false, reason: 'invalid' };
  const [, noticeId = '', exp = '', sig = ''] = m;
  const want = Buffer.from(mac(secret, `${noticeId}.${exp}`));
  if (!timingSafeEqual(want, Buffer.from(sig))) return { ok: false, reason: 'invalid' };
  if (Number(exp) * 1000 <= now.getTime()) return { ok: false, reason: 'expired', noticeId };
  return { ok: true, noticeId };
}
