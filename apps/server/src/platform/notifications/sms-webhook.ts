import { createHmac } from 'node:crypto';
import { PermanentSmsError, type SmsMessage, type SmsProvider, type SmsReport } from './sms.ts';

export interface WebhookSmsOptions {
  url: string;
  /** When set, each request carries `X-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<body>">`. */
  secret?: string;
  timeoutMs?: number;
}

/** The signature header's value for a body sent at `timestamp` (Unix seconds). */
export function webhookSignature(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex')}`;
}

/**
 * A generic HTTP gateway: `POST url` with JSON `{ id, to, text, template, params }` (and
 * `X-Timestamp` / `X-Signature` when a secret is set). A 2xx answer with `{ "messageId": "…" }`
 * (or `id`) is accepted; 4xx other than 408/429 is final, anything else is retried.
 */
export function createWebhookSmsProvider(o: WebhookSmsOptions): SmsProvider {
  return {
    name: 'webhook',
    async send(m: SmsMessage) {
      const body = JSON.stringify({
        id: m.id,
        to: m.to,
        text: m.text,
        template: m.template,
        params: m.params,
      });
      const timestamp = String(Math.floor(Date.now() / 1000));
      const headers: Record<string, string> = {
        'content-type': 'application/json',
        'x-timestamp': timestamp,
      };
      if (o.secret) headers['x-signature'] = webhookSignature(o.secret, timestamp, body);
      const res = await fetch(o.url, {
        method: 'POST',
        headers,
        body,
        signal: AbortSignal.timeout(o.timeoutMs ?? 10_000),
      });
      const answer = (await res.json().catch(() => ({}))) as { messageId?: unknown; id?: unknown };
      if (res.ok) {
        const id = answer.messageId ?? answer.id;
        return { providerId: typeof id === 'string' || typeof id === 'number' ? String(id) : m.id };
      }
      // The gateway's text is not kept: it may echo the message (and a code in it).
      const error = `webhook HTTP ${res.status}`;
      if (res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 429) {
        throw new PermanentSmsError(error);
      }
      throw new Error(error);
    },
  };
}

/** Delivery reports to the callback: `{ id, messageId?, status: "delivered" | "failed", error? }` or an array of them. */
export function parseWebhookReports(body: unknown): SmsReport[] {
  const list = Array.isArray(body) ? body : [body];
  return list.flatMap((r: Record<string, unknown>) =>
    r && typeof r.id === 'string' && (r.status === 'delivered' || r.status === 'failed')
      ? [
          {
            notificationId: r.id,
            providerId: typeof r.messageId === 'string' ? r.messageId : null,
            delivered: r.status === 'delivered',
            error:
              r.status === 'failed' ? (typeof r.error === 'string' ? r.error.slice(0, 200) : 'failed') : null,
          },
        ]
      : [],
  );
}
