import { z } from 'zod';
import { CHANNEL_TIERS, PARTNER_KINDS } from '../memberships/index.ts';
import { PROGRAM_CODES } from '../programs/index.ts';

const id = z.string().min(1).max(64);
export const PARTNER_STATUSES = ['active', 'suspended'] as const;

export const directoryQuery = z.strictObject({
  /** Substring of the name, partner id or domain id, any case. */
  q: z.string().trim().max(100).optional(),
  program: z.enum(PROGRAM_CODES).optional(),
  tier: z.enum(CHANNEL_TIERS).optional(),
  kind: z.enum([...PARTNER_KINDS, 'unassigned']).optional(),
  status: z.enum(PARTNER_STATUSES).optional(),
  sort: z.enum(['name', 'createdAt', 'status']).default('createdAt'),
  order: z.enum(['asc', 'desc']).default('desc'),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const standingView = z.object({
  id: z.string(),
  name: z.string(),
  status: z.enum(PARTNER_STATUSES),
  suspendedAt: z.iso.datetime().nullable(),
  suspensionReason: z.string().nullable(),
});

export const directoryResponse = z.object({
  items: z.array(
    standingView.extend({
      domainId: z.string(),
      site: z.string(),
      programs: z.array(z.string()),
      tier: z.enum(CHANNEL_TIERS),
      createdAt: z.iso.datetime(),
    }),
  ),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const partnerParams = z.strictObject({ partnerId: id });

/** Why: shown to the partner's administrators and kept in the audit log. */
export const statusBody = z.strictObject({ reason: z.string().trim().min(1).max(500) });

export type DirectoryQueryInput = z.infer<typeof directoryQuery>;
export type DirectoryPage = z.infer<typeof directoryResponse>;
export type StandingView = z.infer<typeof standingView>;
