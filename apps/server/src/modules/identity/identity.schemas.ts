import { z } from 'zod';
import { phoneSchema } from './phone.ts';

export const localeSchema = z.enum(['zh-CN', 'en-US']);
const email = z.email().max(254);
/** Length only; strength is a domain rule with its own error code. */
const password = z.string().min(1).max(128);
const code = z.string().regex(/^\d{6}$/, 'six digits');
const personName = z.string().trim().min(1).max(64);

export const csrfResponse = z.object({ token: z.string() });

export const signUpBody = z.strictObject({
  companyName: z.string().trim().min(2).max(128),
  name: personName,
  email,
  phone: phoneSchema.optional(),
  password,
  locale: localeSchema,
});
/** The same for a new and an already registered address (no probing); the email tells the owner which. */
export const signUpResponse = z.object({ email: z.string() });

export const confirmEmailBody = z.strictObject({ email, code });
export const confirmEmailResponse = z.object({ confirmed: z.literal(true) });

export const resendCodeBody = z.strictObject({ email });
export const resendCodeResponse = z.object({ sent: z.literal(true) });

export const signInBody = z.strictObject({ email, password });

export const okResponse = z.object({ ok: z.literal(true) });

export const meSchema = z.object({
  id: z.string(),
  userType: z.enum(['partner', 'operator', 'customer']),
  roles: z.array(z.string()),
  name: z.string(),
  email: z.string(),
  phone: z.string().nullable(),
  locale: localeSchema,
  /** The IANA zone the user's times are shown in; null: Asia/Shanghai. */
  timeZone: z.string().nullable(),
  accountKind: z.enum(['local', 'federated']),
  federatedProfileUrl: z.string().nullable(),
  site: z.enum(['cn', 'intl']),
  siteBanner: z.object({ show: z.boolean(), url: z.string() }).nullable(),
  partner: z
    .object({
      id: z.string(),
      name: z.string(),
      domainId: z.string(),
      status: z.enum(['active', 'suspended']),
      suspensionReason: z.string().nullable(),
    })
    .nullable(),
});
/** `user` when signed in; `secondFactor` when the code step (or an operator's enrolment) comes first. */
export const signInResponse = z.object({
  user: meSchema.optional(),
  secondFactor: z.object({ kind: z.enum(['totp', 'enrol']), ticket: z.string() }).optional(),
});

/** An IANA zone this runtime knows (`Asia/Shanghai`, `Europe/Berlin`, `UTC` …). */
const timeZone = z
  .string()
  .min(1)
  .max(64)
  .refine((v) => {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: v });
      return true;
    } catch {
      return false;
    }
  }, 'IANA time zone');

/** Either or both: the language, and the time zone (null goes back to Asia/Shanghai). */
export const preferencesBody = z
  .strictObject({ locale: localeSchema.optional(), timeZone: timeZone.nullable().optional() })
  .refine((b) => b.locale !== undefined || b.timeZone !== undefined, {
    message: 'locale or timeZone',
    path: ['locale'],
  });
export const profileBody = z.strictObject({ name: personName });
export const passwordBody = z.strictObject({ currentPassword: password, newPassword: password });

export const contactChangeBody = z.strictObject({
  kind: z.enum(['email', 'phone']),
  newValue: z.string().trim().min(3).max(254),
});
export const contactChangeResponse = z.object({
  changeId: z.string(),
  oldTarget: z.string(),
  newTarget: z.string(),
});
export const contactChangeParams = z.strictObject({ changeId: z.string().min(1).max(64) });
export const contactConfirmBody = z.strictObject({ oldCode: code, newCode: code });
