import { z } from 'zod';
import { phoneSchema } from '../identity/index.ts';

export const PARTNER_ROLES = ['admin', 'member', 'project_specialist'] as const;
export const INVITATION_STATUSES = ['pending', 'accepted', 'expired', 'revoked'] as const;
export const QUALIFICATION_KINDS = ['certificate', 'training', 'project'] as const;

export type InvitationStatus = (typeof INVITATION_STATUSES)[number];
export type QualificationKind = (typeof QUALIFICATION_KINDS)[number];

const id = z.string().min(1).max(64);
const text = (max: number) => z.string().trim().min(1).max(max);
const optText = (max: number) => z.string().trim().max(max).nullish();
/** A calendar date, `YYYY-MM-DD`, that exists. */
const day = z.iso.date();

const roles = z.array(z.enum(PARTNER_ROLES)).min(1).max(3);

export const idParams = z.strictObject({ id });
export const tokenParams = z.strictObject({ token: z.string().min(20).max(200) });

export const inviteBody = z.strictObject({
  email: z.email().max(254),
  name: optText(64),
  roles,
  /** Language of the invitation email; the inviter's language by default. */
  locale: z.enum(['zh-CN', 'en-US']).optional(),
});

export const invitationListQuery = z.strictObject({
  status: z.enum(INVITATION_STATUSES).optional(),
});

export const rolesBody = z.strictObject({ roles });

export const acceptBody = z.strictObject({
  token: z.string().min(20).max(200),
  name: text(64),
  /** Length only; strength is the identity module's rule with its own error code. */
  password: z.string().min(1).max(128),
  phone: phoneSchema.optional(),
});

export const employmentBody = z.strictObject({
  jobTitle: optText(100),
  department: optText(100),
  employeeNo: optText(50),
  employedSince: day.nullish(),
});

export const qualificationBody = z.strictObject({
  kind: z.enum(QUALIFICATION_KINDS),
  name: text(200),
  organization: optText(200),
  reference: optText(200),
  startsOn: day.nullish(),
  endsOn: day.nullish(),
  description: optText(2000),
});

export const overviewQuery = z.strictObject({
  kind: z.enum(QUALIFICATION_KINDS).optional(),
  /** Only certificates expiring within this many days (expired ones included). */
  expiringWithinDays: z.coerce.number().int().min(0).max(366).optional(),
});

const person = z.object({ id: z.string(), name: z.string() });

export const invitationView = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string().nullable(),
  roles: z.array(z.string()),
  status: z.enum(INVITATION_STATUSES),
  invitedBy: person.nullable(),
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  acceptedAt: z.iso.datetime().nullable(),
  revokedAt: z.iso.datetime().nullable(),
});
export const invitationList = z.object({ items: z.array(invitationView) });

export const publicInvitation = z.object({
  partnerName: z.string(),
  email: z.string(),
  name: z.string().nullable(),
  roles: z.array(z.string()),
  status: z.enum(INVITATION_STATUSES),
  expiresAt: z.iso.datetime(),
});
export const acceptResult = z.object({ userId: z.string(), email: z.string() });

export const employmentView = z.object({
  jobTitle: z.string().nullable(),
  department: z.string().nullable(),
  employeeNo: z.string().nullable(),
  employedSince: z.string().nullable(),
  qualificationsUpdatedAt: z.iso.datetime().nullable(),
});

export const qualificationView = z.object({
  id: z.string(),
  kind: z.enum(QUALIFICATION_KINDS),
  name: z.string(),
  organization: z.string().nullable(),
  reference: z.string().nullable(),
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  description: z.string().nullable(),
  /** Certificates only: `valid`, `expiring` (within 30 days) or `expired`; null otherwise. */
  expiryState: z.enum(['valid', 'expiring', 'expired']).nullable(),
  updatedAt: z.iso.datetime(),
});

export const memberView = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  phone: z.string().nullable(),
  roles: z.array(z.string()),
  status: z.string(),
  createdAt: z.iso.datetime(),
  employment: employmentView,
  counts: z.object({
    certificates: z.number(),
    trainings: z.number(),
    projects: z.number(),
    expiringCertificates: z.number(),
    expiredCertificates: z.number(),
  }),
});
export const memberList = z.object({ items: z.array(memberView) });

export const myQualifications = z.object({
  employment: employmentView,
  items: z.array(qualificationView),
});

export const memberQualifications = z.object({
  member: z.object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    roles: z.array(z.string()),
    status: z.string(),
  }),
  employment: employmentView,
  items: z.array(qualificationView),
});
export const overview = z.object({ items: z.array(memberQualifications) });

export const consoleOrganization = z.object({
  members: z.array(memberView),
  invitations: z.array(invitationView),
});

export const deletedResponse = z.object({ id: z.string(), deleted: z.literal(true) });
export const partnerIdParams = z.strictObject({ partnerId: id });
