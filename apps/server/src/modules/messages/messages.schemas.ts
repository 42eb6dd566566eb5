import { z } from 'zod';

export const listMessagesQuery = z.strictObject({
  /** Only unread messages when `true`. */
  unread: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  /** The `nextCursor` of the previous page. */
  cursor: z.string().min(1).max(200).optional(),
});

export const message = z.object({
  id: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  createdAt: z.iso.datetime(),
  readAt: z.iso.datetime().nullable(),
});

export const listMessagesResponse = z.object({
  items: z.array(message),
  nextCursor: z.string().nullable(),
  unreadCount: z.number().int(),
});

export const messageParams = z.strictObject({ id: z.string().min(1).max(64) });
export const unreadCountResponse = z.object({ count: z.number().int() });
export const okResponse = z.object({ ok: z.literal(true) });
export const countResponse = z.object({ count: z.number().int() });
