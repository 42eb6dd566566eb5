import { z } from 'zod';

export const outboxQuery = z.strictObject({
  channel: z.enum(['email', 'sms', 'in_app']).optional(),
  /** Exact email address, phone number or user id. */
  recipient: z.string().min(1).max(320).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** The `nextBefore` of the previous page. */
  before: z.string().min(1).max(200).optional(),
});

export const outboxResponse = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      channel: z.enum(['email', 'sms', 'in_app']),
      template: z.string(),
      locale: z.string(),
      recipient: z.string(),
      subject: z.string().nullable(),
      body: z.string(),
      status: z.string(),
      attempts: z.number().int(),
      provider: z.string().nullable(),
      providerId: z.string().nullable(),
      lastError: z.string().nullable(),
      createdAt: z.iso.datetime(),
      sentAt: z.iso.datetime().nullable(),
    }),
  ),
  nextBefore: z.string().nullable(),
});

export type OutboxQuery = z.infer<typeof outboxQuery>;
export type OutboxPage = z.infer<typeof outboxResponse>;
