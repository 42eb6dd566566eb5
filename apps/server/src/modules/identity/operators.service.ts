import './identity.errors.ts';
import { z } from 'zod';
import { type Actor, type AppContext, systemActor } from '../../platform/context.ts';
import { AppError } from '../../platform/errors/errors.ts';
import type { Locale } from '../../platform/i18n/i18n.ts';
import { hashPassword, isStrongPassword } from './passwords.ts';
import { normalizeEmail } from './secrets.ts';
import { createUser, type UserRow } from './users.service.ts';

const operatorInput = z.object({
  email: z.email().max(254),
  name: z.string().trim().min(1).max(100),
  locale: z.enum(['zh-CN', 'en-US']),
});

/**
 * An operator administrator made from the command line (`npm run operator:create`): the first
 * operator of a fresh install, or a new administrator when none can sign in any more. Refuses a
 * bad email, a weak password and an address that already has an account.
 */
export async function createOperatorAdmin(
  ctx: AppContext,
  input: { email: string; name: string; password: string; locale?: Locale },
  actor: Actor = systemActor(),
): Promise<UserRow> {
  const parsed = operatorInput.safeParse({ ...input, locale: input.locale ?? 'zh-CN' });
  if (!parsed.success) {
    const field = String(parsed.error.issues[0]?.path[0] ?? 'email');
    throw new AppError('common.validation', {
      field,
      reason: parsed.error.issues[0]?.message ?? '',
      in: 'body',
    });
  }
  const email = normalizeEmail(parsed.data.email);
  if (!isStrongPassword(input.password, email)) throw new AppError('identity.weak_password');
  const passwordHash = await hashPassword(input.password);
  return ctx.db.transaction((tx) =>
    createUser(ctx, tx, actor, {
      userType: 'operator',
      partnerId: null,
      roles: ['admin'],
      email,
      name: parsed.data.name,
      password: input.password,
      passwordHash,
      locale: parsed.data.locale,
      verified: true,
    }),
  );
}
