import { z } from 'zod';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

/** Filters shared by the page and the CSV export. `from`/`to`: Asia/Shanghai days, both included. */
export const auditFilters = z.strictObject({
  partnerId: z.string().min(1).max(64).optional(),
  actorId: z.string().min(1).max(64).optional(),
  /** The actor's name or email contains this (case-insensitive): operators, partner and customer users. */
  actor: z.string().trim().min(1).max(100).optional(),
  entityType: z.string().min(1).max(64).optional(),
  entityId: z.string().min(1).max(64).optional(),
  action: z.string().min(1).max(100).optional(),
  from: day.optional(),
  to: day.optional(),
});

export const auditQuery = auditFilters.extend({
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
      /** The actor's display name and email, when the actor is a user. */
      actorName: z.string().nullable(),
      actorEmail: z.string().nullable(),
      partnerId: z.string().nullable(),
      partnerName: z.string().nullable(),
      action: z.string(),
      /** The action in the request's language. */
      actionLabel: z.string(),
      entityType: z.string(),
      entityTypeLabel: z.string(),
      entityId: z.string(),
      /** The target's name where it is a partner or a user. */
      entityName: z.string().nullable(),
      before: z.unknown(),
      after: z.unknown(),
      requestId: z.string().nullable(),
    }),
  ),
  nextBefore: z.string().nullable(),
});

export const actionsResponse = z.object({
  items: z.array(z.object({ code: z.string(), label: z.string() })),
});

export type AuditFilters = z.infer<typeof auditFilters>;
export type AuditQuery = z.infer<typeof auditQuery>;
export type AuditPage = z.infer<typeof auditResponse>;
export type AuditItem = AuditPage['items'][number];
