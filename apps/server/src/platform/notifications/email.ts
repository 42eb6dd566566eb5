import { createHash } from 'node:crypto';
import nodemailer from 'nodemailer';
import type { Config } from '../../config.ts';

/**
 * The `Message-ID` of a notification's email: from its record id and a digest of its idempotency
 * key, at the sender's domain. The same for every attempt, so a resend (a delivery cut off between
 * the SMTP server's acceptance and the status update, sent again after a restart) reaches the inbox
 * as the same message and receivers can drop the copy.
 */
export function messageIdOf(notification: { id: string; idempotencyKey: string }, mailFrom: string): string {
  const domain = /@([A-Za-z0-9.-]+)>?\s*$/.exec(mailFrom)?.[1] ?? 'partner-center.local';
  const key = createHash('sha256').update(notification.idempotencyKey).digest('hex').slice(0, 16);
  return `<${notification.id}.${key}@${domain}>`;
}

export interface Mail {
  /** Stable per message, so a repeat reaches the inbox as the same message. */
  messageId: string;
  to: string;
  subject: string;
  text: string;
}

export interface MailTransport {
  /** `smtp`, or `record` when no SMTP server is configured (nothing leaves the machine). */
  readonly provider: 'smtp' | 'record';
  send(mail: Mail): Promise<{ providerId: string }>;
}

/** Nodemailer over `config.smtpUrl`; without it, mail is only recorded (the console outbox shows it). */
export function createMailTransport(config: Config): MailTransport {
  if (!config.smtpUrl) {
    return { provider: 'record', send: async (mail) => ({ providerId: mail.messageId }) };
  }
  // Short timeouts: the worker sends one message at a time, so a hung server must not stall it.
  const transport = nodemailer.createTransport({
    url: config.smtpUrl,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  return {
    provider: 'smtp',
    async send(mail) {
      const info = await transport.sendMail({
        from: config.mailFrom,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        messageId: mail.messageId,
      });
      return { providerId: info.messageId };
    },
  };
}
