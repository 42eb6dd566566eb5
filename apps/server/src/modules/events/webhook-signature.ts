import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Webhook requests carry `X-PC-Timestamp` (Unix seconds) and
 * `X-PC-Signature: v1=<hex HMAC-SHA256(secret, timestamp + "." + raw body)>`. Receivers recompute it
 * over the raw body, compare in constant time and reject old timestamps (e.g. older than 5 minutes).
 */
export function webhookSignature(secret: string, timestamp: string, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex')}`;
}

export function verifyWebhookSignature(
  secret: string,
  timestamp: string,
  body: string,
  header: string,
): boolean {
  const expected = Buffer.from(webhookSignature(secret, timestamp, body));
  const given = Buffer.from(header);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** A new endpoint secret: shown once, then only kept sealed. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}
