import { z } from 'zod';
import { OPERATOR_ROLES } from '../../platform/http/auth.ts';

const roles = z
  .array(z.enum(OPERATOR_ROLES as readonly [string, ...string[]]))
  .min(1)
  .max(OPERATOR_ROLES.length)
  .transform((r) => [...new Set(r)]);

export const idParams = z.strictObject({ id: z.string().min(1).max(64) });
/** The token travels in the query: it is longer than the router allows a path segment to be. */
export const tokenQuery = z.strictObject({ token: z.string().min(20).max(300) });

export const inviteBody = z.strictObject({
  email: z.email().max(254),
  name: z.string().trim().max(100).nullish(),
  roles,
  /** Language of the invitation email; the inviter's language by default. */
  locale: z.enum(['zh-CN', 'en-US']).optional(),
});

export const rolesBody = z.strictObject({ roles });

export const acceptBody = z.strictObject({
  token: z.string().min(20).max(300),
  name: z.string().trim().min(1).max(100),
  /** Length only; strength is identity's rule (identity.weak_password), as for `operator:create`. */
  password: z.string().min(1).max(128),
});

export const invitationStatus = z.enum(['pending', 'accepted', 'revoked', 'expired']);

export const invitationView = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string().nullable(),
  roles: z.array(z.string()),
  locale: z.string(),
  status: invitationStatus,
  sendCount: z.number().int(),
  sentAt: z.string(),
  expiresAt: z.string(),
  createdAt: z.string(),
  invitedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
});

export const inviteResult = invitationView.extend({
  /** True when a pending invitation to the address existed and was sent again instead. */
  resent: z.boolean(),
});

export const operatorView = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  roles: z.array(z.string()),
  status: z.enum(['active', 'disabled']),
  lastSignInAt: z.string().nullable(),
  createdAt: z.string(),
});

export const operatorsList = z.object({
  operators: z.array(operatorView),
  /** Pending (and expired, not yet accepted or revoked) invitations: the "invited" rows. */
  invitations: z.array(invitationView),
});

export const publicInvitation = z.object({
  email: z.string(),
  name: z.string().nullable(),
  roles: z.array(z.string()),
  status: invitationStatus,
  expiresAt: z.string(),
});

/** Operators enrol an authenticator before their first session: the sign-in's enrolment step. */
export const acceptResult = z.object({
  secondFactor: z.object({ kind: z.literal('enrol'), ticket: z.string() }),
});

export type InvitationView = z.infer<typeof invitationView>;
export type OperatorView = z.infer<typeof operatorView>;
