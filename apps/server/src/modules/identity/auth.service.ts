import './identity.errors.ts';
import type { Actor, AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors/errors.ts';
import type { SessionUser } from '../../platform/http/auth.ts';
import type { Locale } from '../../platform/i18n/i18n.ts';
import { newId } from '../../platform/ids/ids.ts';
import { createPartner } from '../partners/partners.service.ts';
import { latestCode } from './codes.repository.ts';
import { checkCode, issueCode, sendWaitSeconds, useCode } from './codes.service.ts';
import {
  clearFailuresByIdentifier,
  countFailuresByIdentifier,
  countFailuresByIp,
  findUserByEmail,
  insertSignInFailure,
  type UserRow,
  updateUser,
} from './identity.repository.ts';
import { burnPasswordCheck, hashPassword, isStrongPassword, verifyPassword } from './passwords.ts';
import { normalizeEmail, normalizePhone } from './secrets.ts';
import { closeSession, type NewSession, openSession } from './sessions.service.ts';
import { createUser } from './users.service.ts';

const WINDOW_MS = 15 * 60_000;
const FAILURES_PER_ACCOUNT = 5;
const FAILURES_PER_IP = 30;

export interface SignUpInput {
  companyName: string;
  name: string;
  email: string;
  phone?: string;
  password: string;
  locale: Locale;
}

/** Registers a company and its administrator, then sends the email confirmation code. */
export async function signUp(ctx: AppContext, actor: Actor, input: SignUpInput) {
  const email = normalizeEmail(input.email);
  if (!isStrongPassword(input.password, email)) throw new AppError('identity.weak_password');
  const phone = input.phone ? normalizePhone(input.phone) : null;
  const passwordHash = await hashPassword(input.password);
  try {
    return await ctx.db.transaction(async (tx) => {
      const now = ctx.clock.now();
      const userId = newId('usr', now.getTime());
      const self: Actor = { ...actor, type: 'user', id: userId, partnerId: null };
      const partner = await createPartner(ctx, tx, self, { name: input.companyName.trim() });
      const user = await createUser(
        ctx,
        tx,
        { ...self, partnerId: partner.id },
        {
          id: userId,
          userType: 'partner',
          partnerId: partner.id,
          roles: ['admin'],
          email,
          name: input.name.trim(),
          phone,
          password: input.password,
          passwordHash,
          locale: input.locale,
          verified: false,
        },
      );
      await issueCode(ctx, tx, {
        userId: user.id,
        partnerId: partner.id,
        purpose: 'email_confirm',
        channel: 'email',
        target: email,
        locale: input.locale,
        template: 'identity.email_code',
        data: { name: user.name },
      });
      return { userId: user.id, partnerId: partner.id, email };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError('identity.email_taken');
    throw e;
  }
}

/** Two sign-ups racing for one address: the loser hits the unique index. */
function isUniqueViolation(e: unknown): boolean {
  for (let c: unknown = e; c && typeof c === 'object'; c = (c as { cause?: unknown }).cause) {
    if ((c as { code?: unknown }).code === '23505') return true;
  }
  return false;
}

/** Confirms the email by its code. Unknown addresses get the same answer as wrong codes. */
export async function confirmEmail(ctx: AppContext, actor: Actor, input: { email: string; code: string }) {
  const email = normalizeEmail(input.email);
  const outcome = await ctx.db.transaction(async (tx) => {
    const user = await findUserByEmail(tx, email);
    const row = user && !user.emailVerifiedAt ? await latestCode(tx, email, 'email_confirm') : undefined;
    const check = await checkCode(ctx, tx, row, input.code);
    if (check !== 'ok' || !user || !row) return check === 'ok' ? 'identity.code_invalid' : check;
    if (!(await useCode(ctx, tx, row))) return 'identity.code_invalid';
    const now = ctx.clock.now();
    await updateUser(tx, user.id, { emailVerifiedAt: now, updatedAt: now });
    const self: Actor = { ...actor, type: 'user', id: user.id, partnerId: user.partnerId };
    await ctx.audit.record(tx, self, {
      action: 'user.email_confirmed',
      entityType: 'user',
      entityId: user.id,
      before: { emailVerifiedAt: null },
      after: { emailVerifiedAt: now.toISOString() },
    });
    await ctx.notifier.notify(tx, {
      template: 'identity.welcome',
      locale: parseUserLocale(user),
      to: { userId: user.id, email: user.email, partnerId: user.partnerId },
      channels: ['email', 'in_app'],
      data: { name: user.name, email: user.email, signInUrl: `${ctx.config.publicUrl}/sign-in` },
      idempotencyKey: `welcome:${user.id}`,
    });
    return 'ok' as const;
  });
  if (outcome !== 'ok') throw new AppError(outcome);
  return { confirmed: true as const };
}

/** Sends a fresh confirmation code when there is an unconfirmed account; answers the same either way. */
export async function resendCode(ctx: AppContext, input: { email: string }): Promise<{ sent: true }> {
  const email = normalizeEmail(input.email);
  await ctx.db.transaction(async (tx) => {
    const user = await findUserByEmail(tx, email);
    if (!user || user.emailVerifiedAt) return;
    if ((await sendWaitSeconds(tx, ctx.clock.now(), email)) > 0) return;
    await issueCode(ctx, tx, {
      userId: user.id,
      partnerId: user.partnerId,
      purpose: 'email_confirm',
      channel: 'email',
      target: email,
      locale: parseUserLocale(user),
      template: 'identity.email_code',
      data: { name: user.name },
    });
  });
  return { sent: true };
}

export interface SignInMeta {
  ip: string | null;
  userAgent: string | null;
}

/**
 * Checks the password. Unknown accounts cost the same hashing work and get the same error as a
 * wrong password; failures are counted per account and per address and throttled.
 */
export async function signIn(
  ctx: AppContext,
  actor: Actor,
  input: { email: string; password: string },
  meta: SignInMeta,
): Promise<{ user: UserRow; session: NewSession }> {
  const identifier = normalizeEmail(input.email);
  const now = ctx.clock.now();
  const since = new Date(now.getTime() - WINDOW_MS);
  const byAccount = await countFailuresByIdentifier(ctx.db, identifier, since);
  const byIp = meta.ip ? await countFailuresByIp(ctx.db, meta.ip, since) : 0;
  if (byAccount >= FAILURES_PER_ACCOUNT || byIp >= FAILURES_PER_IP) {
    throw new AppError('identity.too_many_attempts');
  }
  const user = await findUserByEmail(ctx.db, identifier);
  let ok = false;
  if (user?.passwordHash) ok = await verifyPassword(user.passwordHash, input.password);
  else await burnPasswordCheck(input.password);
  if (!user || !ok) {
    await insertSignInFailure(ctx.db, { id: newId('sia', now.getTime()), identifier, ip: meta.ip, at: now });
    throw new AppError('identity.invalid_credentials');
  }
  if (user.status !== 'active') throw new AppError('identity.account_disabled');
  if (!user.emailVerifiedAt) throw new AppError('identity.email_not_verified');
  const session = await ctx.db.transaction(async (tx) => {
    await clearFailuresByIdentifier(tx, identifier);
    const s = await openSession(ctx, tx, user.id, meta);
    const self: Actor = {
      ...actor,
      type: user.userType === 'operator' ? 'operator' : 'user',
      id: user.id,
      partnerId: user.partnerId,
      roles: user.roles,
    };
    await ctx.audit.record(tx, self, {
      action: 'user.signed_in',
      entityType: 'user',
      entityId: user.id,
      after: { sessionId: s.sessionId, ip: meta.ip },
    });
    return s;
  });
  return { user, session };
}

export async function signOut(
  ctx: AppContext,
  actor: Actor,
  user: SessionUser | null,
): Promise<{ ok: true }> {
  if (!user) return { ok: true };
  await ctx.db.transaction(async (tx) => {
    await closeSession(ctx, tx, user.sessionId);
    await ctx.audit.record(tx, actor, {
      action: 'user.signed_out',
      entityType: 'user',
      entityId: user.id,
      after: { sessionId: user.sessionId },
    });
  });
  return { ok: true };
}

export function parseUserLocale(u: UserRow): Locale {
  return u.locale === 'en-US' ? 'en-US' : 'zh-CN';
}
