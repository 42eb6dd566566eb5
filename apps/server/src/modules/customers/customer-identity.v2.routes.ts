import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors/errors.ts';
import type { Locale } from '../../platform/i18n/i18n.ts';
import { callerOf } from '../../platform/partner-api/scope.ts';
import { checkIdentity, sendVerificationCode } from './customer-identity.v2.service.ts';

const tags = ['partner-api'];

const checkBody = z.object({
  search_type: z
    .enum(['email', 'mobile', 'name'])
    .describe('email, mobile (mainland number) or name (account name)'),
  search_value: z.string().trim().min(1).max(254),
});
const checkResponse = z.object({ check_result: z.enum(['available', 'used_by_user']) });

const MOBILE = /^(\+86|0086)?1\d{10}$/;
const sendBody = z.object({
  receiver_type: z.union([z.literal(1), z.literal(2)]).describe('1: SMS to mobile_phone, 2: email to email'),
  timeout: z.number().int().min(1).max(30).default(5).describe('Minutes the code stays valid (default 5)'),
  mobile_phone: z.string().trim().regex(MOBILE, 'mainland mobile number').optional(),
  email: z.email().max(254).optional(),
  lang: z
    .string()
    .regex(/^(zh-cn|en-us)$/i, 'zh-cn or en-us')
    .optional()
    .describe('Language of the message: zh-cn (default) or en-us'),
  scene: z.literal(29).default(29).describe('29: sub-customer sign-up (the only scene supported)'),
});

const localeOf = (lang: string | undefined, fallback: Locale): Locale => {
  if (!lang) return fallback;
  return lang.toLowerCase() === 'en-us' ? 'en-US' : 'zh-CN';
};

/** R18: identity checks and sign-up codes for creating sub-customers. */
export async function identityV2Routes(app: FastifyInstance, opts: { ctx: AppContext }): Promise<void> {
  const { ctx } = opts;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/partners/sub-customers/users/check-identity',
    {
      schema: {
        tags,
        operationId: 'CheckUserIdentity',
        summary: 'Whether an email, mobile number or account name is already used by an account',
        security: [{ akSk: [] }],
        body: checkBody,
        response: { 200: checkResponse },
      },
    },
    async (req) => {
      callerOf(req);
      return { check_result: await checkIdentity(ctx, req.body.search_type, req.body.search_value) };
    },
  );

  r.post(
    '/bases/verificationcode/send',
    {
      schema: {
        tags,
        operationId: 'SendVerificationMessageCode',
        summary: 'Send a sign-up verification code by SMS or email (at most 1 a minute per receiver)',
        security: [{ akSk: [] }],
        body: sendBody,
        response: { 200: z.object({}) },
      },
    },
    async (req) => {
      const caller = callerOf(req);
      const b = req.body;
      const channel = b.receiver_type === 1 ? 'sms' : 'email';
      const target = channel === 'sms' ? b.mobile_phone : b.email;
      if (!target) {
        throw new AppError('CBC.0100', {
          field: channel === 'sms' ? 'mobile_phone' : 'email',
          reason: 'required',
        });
      }
      await sendVerificationCode(ctx, {
        channel,
        target,
        partnerId: caller.partnerId,
        locale: localeOf(b.lang, req.locale),
        ttlMinutes: b.timeout,
      });
      return {};
    },
  );
}
