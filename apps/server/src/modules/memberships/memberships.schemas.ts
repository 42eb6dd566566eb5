import { z } from 'zod';
import { PROGRAM_CODES } from '../programs/index.ts';

export const programCode = z.enum(PROGRAM_CODES);
const id = z.string().min(1).max(64);
export const idParams = z.strictObject({ id });

export const applyBody = z.strictObject({
  program: programCode,
  note: z.string().max(2000).optional(),
});

export const inviteBody = z.strictObject({
  email: z.email().max(254),
  message: z.string().max(1000).optional(),
});

export const reviewBody = z.strictObject({
  reason: z.string().max(1000).optional(),
});

export const bulkReviewBody = z.strictObject({
  ids: z.array(id).min(1).max(100),
  action: z.enum(['approve', 'reject']),
  reason: z.string().max(1000).optional(),
});

export const queueQuery = z.strictObject({
  status: z.enum(['submitted', 'approved', 'rejected', 'withdrawn']).optional(),
  program: programCode.optional(),
  kind: z.enum(['join', 'assc', 'upgrade']).optional(),
  partnerId: id.optional(),
  mine: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  before: id.optional(),
});

export const partnerParams = z.strictObject({ partnerId: id });
export const performanceParams = z.strictObject({ partnerId: id, year: z.coerce.number().int() });
export const performanceBody = z.strictObject({
  /** Fen; the console converts from yuan. */
  amountFen: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
});
export const importBody = z.strictObject({ csv: z.string().min(1).max(1_000_000) });
export const managerBody = z.strictObject({ managerId: id });

const iso = z.iso.datetime();
export const applicationView = z.object({
  id: z.string(),
  partnerId: z.string(),
  partnerName: z.string(),
  program: z.string(),
  kind: z.string(),
  status: z.string(),
  note: z.string(),
  performanceYear: z.number().nullable(),
  performanceFen: z.number().nullable(),
  reviewerId: z.string().nullable(),
  reviewerName: z.string().nullable(),
  reviewReason: z.string().nullable(),
  reviewedAt: iso.nullable(),
  createdAt: iso,
});
export const queueResponse = z.object({ items: z.array(applicationView), nextBefore: z.string().nullable() });
export const bulkResponse = z.object({
  results: z.array(
    z.object({
      id: z.string(),
      ok: z.boolean(),
      code: z.string().optional(),
      message: z.string().optional(),
    }),
  ),
});

export const managerContact = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  phone: z.string().nullable(),
});
export const managersResponse = z.object({ items: z.array(managerContact) });

export const overviewResponse = z.object({
  memberships: z.array(
    z.object({
      id: z.string(),
      program: z.string(),
      status: z.string(),
      source: z.string(),
      startedAt: iso,
      endedAt: iso.nullable(),
    }),
  ),
  applications: z.array(applicationView),
  performance: z.array(z.object({ year: z.number(), amountFen: z.number(), source: z.string() })),
  currentYear: z.number(),
  thresholdFen: z.number(),
  eligibility: z.object({ assc: z.boolean(), upgrade: z.boolean() }),
  manager: managerContact.nullable(),
  distributor: z.object({ id: z.string(), name: z.string(), since: iso }).nullable(),
  isDistributor: z.boolean(),
});

export const programFitsResponse = z.object({
  /** The partner's kinds (DOMAIN.md) from its active programs; `unassigned` when none. */
  kinds: z.array(z.string()),
  items: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      summary: z.string(),
      fit: z.enum(['member', 'apply', 'invitation', 'next_step', 'not_for_kind']),
      reasonCode: z.string().nullable(),
      reason: z.string().nullable(),
    }),
  ),
});

export const invitationView = z.object({
  id: z.string(),
  distributorId: z.string(),
  distributorName: z.string(),
  resellerId: z.string(),
  resellerName: z.string(),
  email: z.string(),
  message: z.string(),
  status: z.string(),
  expiresAt: iso,
  respondedAt: iso.nullable(),
  createdAt: iso,
});
export const invitationsResponse = z.object({ items: z.array(invitationView) });

export const resellerView = z.object({
  linkId: z.string(),
  resellerId: z.string(),
  resellerName: z.string(),
  status: z.string(),
  startedAt: iso,
  endedAt: iso.nullable(),
  endReason: z.string().nullable(),
  thisYearFen: z.number(),
  lastYearFen: z.number(),
});
export const resellersResponse = z.object({ items: z.array(resellerView) });

export const detailResponse = overviewResponse.extend({
  partner: z.object({
    id: z.string(),
    name: z.string(),
    domainId: z.string(),
    site: z.string(),
    status: z.string(),
    createdAt: iso,
  }),
  resellers: z.array(resellerView),
});

export const okResponse = z.object({ ok: z.literal(true) });
export const performanceResponse = z.object({
  partnerId: z.string(),
  year: z.number(),
  amountFen: z.number(),
});
export const importResponse = z.object({ imported: z.number() });
