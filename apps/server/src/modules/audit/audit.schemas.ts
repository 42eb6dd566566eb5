import { z } from 'zod';

export const auditQuery = z.strictObject({
  partnerId: z.string().min(1).max(64).optional(),
  entityType: z.string().min(1).max(64).optional(),
  entityId: z.string().min(1).max(64).optional(),
  action: z.string().min(1).max(100).optional(),
  /** The `nextBefore` of the previous page. */
  before: z.string().min(1).max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const auditResponse = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      at: z.iso.datetime(),
      actorType: z.string(),
      actorId: z.string().nullable(),
      partnerId: z.string().nullable(),
      action: z.string(),
      entityType: z.string(),
      entityId: z.string(),
      before: z.unknown(),
      after: z.unknown(),
      requestId: z.string().nullable(),
    }),
  ),
  nextBefore: z.string().nullable(),
});

export type AuditQuery = z.infer<typeof auditQuery>;
export type AuditPage = z.infer<typeof auditResponse>;
