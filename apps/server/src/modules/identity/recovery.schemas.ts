import { z } from 'zod';
import { meSchema } from './identity.schemas.ts';

const email = z.email().max(254);
const code = z.string().regex(/^\d{6}$/, 'six digits');
const ticket = z.string().min(10).max(200);

export const resetRequestBody = z.strictObject({ email });
/** The same for every address, registered or not. */
export const resetRequestResponse = z.object({ sent: z.literal(true) });
export const resetConfirmBody = z.strictObject({ email, code, newPassword: z.string().min(1).max(128) });
export const resetConfirmResponse = z.object({
  ok: z.literal(true),
  signInPath: z.enum(['/sign-in', '/console/sign-in']),
});

export const secondFactorSchema = z.object({
  /** `totp`: ask for a code; `enrol`: an operator without a factor must set one up first. */
  kind: z.enum(['totp', 'enrol']),
  ticket: z.string(),
});

export const secondFactorBody = z
  .strictObject({
    ticket,
    code: code.optional(),
    recoveryCode: z.string().trim().min(8).max(20).optional(),
  })
  .refine((b) => !!b.code !== !!b.recoveryCode, { message: 'either code or recoveryCode' });
export const secondFactorResponse = z.object({ user: meSchema, recoveryCodesLeft: z.number().int() });

export const ticketBody = z.strictObject({ ticket });
export const enrolResponse = z.object({ secret: z.string(), uri: z.string() });
export const enrolConfirmBody = z.strictObject({ ticket, code });
export const enrolConfirmResponse = z.object({ user: meSchema, recoveryCodes: z.array(z.string()) });

export const totpStatusResponse = z.object({
  enabled: z.boolean(),
  required: z.boolean(),
  recoveryCodesLeft: z.number().int(),
});
export const totpCodeBody = z.strictObject({ code });
export const recoveryCodesResponse = z.object({ recoveryCodes: z.array(z.string()) });

export const sessionsResponse = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      device: z.string(),
      userAgent: z.string().nullable(),
      ip: z.string().nullable(),
      createdAt: z.string(),
      lastSeenAt: z.string(),
      current: z.boolean(),
    }),
  ),
});
export const sessionParams = z.strictObject({ sessionId: z.string().min(1).max(64) });
export const revokedResponse = z.object({ revoked: z.number().int() });
