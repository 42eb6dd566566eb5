import { isUniqueViolation } from '@pc/db';
import type { Actor, AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors/errors.ts';
import type { SessionUser } from '../../platform/http/auth.ts';
import { enforceLimits, waitForLimits } from '../../platform/http/rate-limit.ts';
import type { Locale } from '../../platform/i18n/i18n.ts';
import { newId } from '../../platform/ids/ids.ts';
import { createPartner } from '../partners/index.ts';
import { enforceCodeLimits } from './code-limits.ts';
import { latestCode } from './codes.repository.ts';
import { checkCode, issueCode, sendWaitSeconds, useCode } from './codes.service.ts';
import {
  clearFailuresByIdentifier,
  findUserByEmail,
  insertSignInFailure,
  type UserRow,
  updateUser,
} from './identity.repository.ts';
import { burnPasswordCheck, hashPassword, isStrongPassword, verifyPassword } from './passwords.ts';
import { normalizeEmail, normalizePhone } from './secrets.ts';
import { closeSession, type NewSession, openSession } from './sessions.service.ts';
import { knownDeviceId, newDeviceToken, signInWaitSeconds, sourceOf } from './sign-in-throttle.ts';
import { phoneForSignUp } from './sign-up-contacts.ts';
import { issueTicket, type SecondFactorKind, secondFactorNeeded } from './totp.service.ts';
import { createUser } from './users.service.ts';

export interface SignUpInput {
  companyName: string;
  name: string;
  email: string;
  phone?: string;
  password: string;
  locale: Locale;
}

const HOUR = 3600_000;
/** Sign-ups per address per hour, and per email address (and phone) per day (known or not: the answer is the same). */
const SIGN_UPS_PER_IP_HOUR = 10;
const SIGN_UPS_PER_EMAIL_DAY = 5;

/**
 * Registers a company and its administrator, then sends the email confirmation code. An address
 * that already has an account gets the same answer, and its owner an email saying so, so the
 * form cannot be used to find out who is registered. Limited per client address and per email.
 */
export async function signUp(
  ctx: AppContext,
  actor: Actor,
  input: SignUpInput,
  meta: { ip: string | null },
): Promise<{ email: string }> {
  const email = normalizeEmail(input.email);
  if (!isStrongPassword(input.password, email)) throw new AppError('identity.weak_password');
  const phone = input.phone ? normalizePhone(input.phone) : null;
  await enforceLimits(ctx.db, ctx.clock.now(), [
    { key: `sign-up:ip:${meta.ip ?? 'unknown'}`, max: SIGN_UPS_PER_IP_HOUR, windowMs: HOUR },
    { key: `sign-up:email:${email}`, max: SIGN_UPS_PER_EMAIL_DAY, windowMs: 24 * HOUR },
    ...(phone ? [{ key: `sign-up:phone:${phone}`, max: SIGN_UPS_PER_EMAIL_DAY, windowMs: 24 * HOUR }] : []),
  ]);
  // Hashed whether or not the address is known, so both answers take the same time.
  const passwordHash = await hashPassword(input.password);
  const existing = await findUserByEmail(ctx.db, email);
  if (existing) {
    await tellAccountExists(ctx, existing);
    return { email };
  }
  const freePhone = await phoneForSignUp(ctx, phone);
  try {
    await ctx.db.transaction(async (tx) => {
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
          phone: freePhone,
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
    });
  } catch (e) {
    // A concurrent sign-up took the address first: the same answer as for any known address.
    const taken =
      e instanceof AppError && (e.code === 'identity.email_taken' || e.code === 'identity.contact_taken');
    if (!taken && !isUniqueViolation(e)) throw e;
  }
  return { email };
}

/** The "you already have an account" email, at most once an hour per address. */
async function tellAccountExists(ctx: AppContext, user: UserRow): Promise<void> {
  const now = ctx.clock.now();
  const key = `sign-up:exists-mail:${user.id}`;
  if ((await waitForLimits(ctx.db, now, [{ key, max: 1, windowMs: HOUR }])) > 0) return;
  await ctx.db.transaction((tx) =>
    ctx.notifier.notify(tx, {
      template: 'identity.account_exists',
      locale: parseUserLocale(user),
      to: { userId: user.id, email: user.email, partnerId: user.partnerId },
      channels: ['email'],
      data: { name: user.name, email: user.email, signInUrl: `${ctx.config.publicUrl}/sign-in` },
      idempotencyKey: `account-exists:${user.id}:${Math.floor(now.getTime() / HOUR)}`,
    }),
  );
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

/**
 * Sends a fresh confirmation code when there is an unconfirmed account; answers the same either way
 * (limits per client address and per address asked for count known and unknown addresses alike).
 */
export async function resendCode(
  ctx: AppContext,
  input: { email: string },
  meta: { ip: string | null } = { ip: null },
): Promise<{ sent: true }> {
  const email = normalizeEmail(input.email);
  await enforceCodeLimits(ctx, meta, [email]);
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
  /** The `pc_device` cookie, when the browser sent one. */
  deviceToken?: string;
}

/**
 * Checks the password. Unknown accounts cost the same hashing work and get the same error as a
 * wrong password. Failures slow down further tries of the same account from the same source with
 * growing delays (429 with `retryAfter`); the account itself is never locked for its owner's known
 * browser. Returns the device token to keep in the browser.
 */
export async function signIn(
  ctx: AppContext,
  actor: Actor,
  input: { email: string; password: string },
  meta: SignInMeta,
): Promise<{
  user: UserRow;
  session: NewSession | null;
  secondFactor: { kind: SecondFactorKind; ticket: string } | null;
  deviceToken: string;
}> {
  const identifier = normalizeEmail(input.email);
  const now = ctx.clock.now();
  const user = await findUserByEmail(ctx.db, identifier);
  const deviceId = knownDeviceId(ctx.config.secretKey, user?.id, meta.deviceToken);
  const source = sourceOf(deviceId, meta.ip);
  const wait = await signInWaitSeconds(ctx.db, now, identifier, source, meta.ip);
  if (wait > 0) throw new AppError('identity.sign_in_throttled', { retryAfter: wait });
  let ok = false;
  if (user?.passwordHash) ok = await verifyPassword(user.passwordHash, input.password);
  else await burnPasswordCheck(input.password);
  if (!user || !ok) {
    await insertSignInFailure(ctx.db, {
      id: newId('sia', now.getTime()),
      identifier,
      ip: meta.ip,
      source,
      at: now,
    });
    throw new AppError('identity.invalid_credentials');
  }
  if (user.status !== 'active') throw new AppError('identity.account_disabled');
  if (!user.emailVerifiedAt) throw new AppError('identity.email_not_verified');
  const deviceToken =
    deviceId && meta.deviceToken ? meta.deviceToken : newDeviceToken(ctx.config.secretKey, user.id);
  // With a second factor (always for operators) the session opens only after the code step.
  const kind = await secondFactorNeeded(ctx.db, user);
  if (kind) {
    await clearFailuresByIdentifier(ctx.db, identifier);
    return { user, session: null, secondFactor: { kind, ticket: issueTicket(ctx, user) }, deviceToken };
  }
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
  return { user, session, secondFactor: null, deviceToken };
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
