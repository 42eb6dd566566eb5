import { createHmac, hkdfSync } from 'node:crypto';
import { newToken } from '../../platform/ids/ids.ts';
import { safeEqual } from '../../platform/seal/digest.ts';

/**
 * The invitation link's token: `<invitation id>.<random>.<HMAC>`. The HMAC (a key derived from the
 * server secret) binds the id, the random part and the expiry, so a token cannot be made up or
 * moved to another invitation; the stored SHA-256 of the whole token makes it single-use (accept,
 * resend and revoke replace or close it).
 */
function sign(secret: string, id: string, nonce: string, expiresAt: Date): string {
  const key = Buffer.from(hkdfSync('sha256', secret, 'partner-center', 'operators.invitation.v1', 32));
  return createHmac('sha256', key).update(`${id}.${nonce}.${expiresAt.getTime()}`).digest('base64url');
}

export function makeInvitationToken(secret: string, id: string, expiresAt: Date): string {
  const nonce = newToken(24);
  return `${id}.${nonce}.${sign(secret, id, nonce, expiresAt)}`;
}

/** The invitation id of a token, or null when it is not one. */
export function invitationIdOf(token: string): string | null {
  const [id, nonce, sig] = token.split('.');
  return id && nonce && sig && token.split('.').length === 3 ? id : null;
}

/** Whether the token's signature holds for this invitation's expiry. */
export function verifyInvitationToken(secret: string, token: string, expiresAt: Date): boolean {
  const [id, nonce, sig] = token.split('.');
  if (!id || !nonce || !sig) return false;
  return safeEqual(sig, sign(secret, id, nonce, expiresAt));
}
