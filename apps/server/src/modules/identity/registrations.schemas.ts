import { z } from 'zod';

export const registrationsQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  /** The `nextBefore` of the previous page. */
  before: z.string().min(1).max(64).optional(),
});

export const registrationsResponse = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      domainId: z.string(),
      createdAt: z.iso.datetime(),
      adminEmail: z.string().nullable(),
    }),
  ),
  nextBefore: z.string().nullable(),
});
