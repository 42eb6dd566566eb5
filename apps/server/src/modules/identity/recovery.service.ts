import type { Actor, AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors/errors.ts';
import { enforceLimits } from '../../platform/http/rate-limit.ts';
import { parseUserLocale } from './auth.service.ts';
import { latestCode } from './codes.repository.ts';
import { type CodeCheck, checkCode, issueCode, sendWaitSeconds, useCode } from './codes.service.ts';
import {
  clearFailuresByIdentifier,
  findUserByEmail,
  revokeOtherSessions,
  updateUser,
} from './identity.repository.ts';
import { hashPassword, isStrongPassword } from './passwords.ts';
import { normalizeEmail } from './secrets.ts';

/** A reset code (and the link carrying it) is valid this long, and only once. */
export const RESET_TTL_MS = 15 * 60_000;
const HOUR = 3600_000;
const QUARTER = 15 * 60_000;
/** Reset requests: per client address, and per destination address (known or not, the same). */
const REQUESTS_PER_IP_HOUR = 10;
const REQUESTS_PER_EMAIL_HOUR = 5;
/** Reset attempts (code + new password): per address and per account. */
const ATTEMPTS_PER_IP_QUARTER = 20;
const ATTEMPTS_PER_EMAIL_QUARTER = 10;

type SignInPath = '/sign-in' | '/console/sign-in';

/**
 * "Forgot password": sends a reset code and link to the address when it has an account with a
 * password. Known and unknown addresses get the same answer and do the same reads, so the form
 * cannot tell who is registered; both count against the same limits (429 with Retry-After).
 */
export async function requestPasswordReset(
  ctx: AppContext,
  input: { email: string },
  meta: { ip: string | null },
): Promise<{ sent: true }> {
  const email = normalizeEmail(input.email);
  const now = ctx.clock.now();
  await enforceLimits(ctx.db, now, [
    { key: `reset-request:ip:${meta.ip ?? 'unknown'}`, max: REQUESTS_PER_IP_HOUR, windowMs: HOUR },
    { key: `reset-request:email:${email}`, max: REQUESTS_PER_EMAIL_HOUR, windowMs: HOUR },
  ]);
  await ctx.db.transaction(async (tx) => {
    const user = await findUserByEmail(tx, email);
    const wait = await sendWaitSeconds(tx, now, email);
    if (user?.status !== 'active' || !user.passwordHash || user.accountKind !== 'local') return;
    // One code a minute per address at most: a quiet skip, so the answer stays the same.
    if (wait > 0) return;
    await issueCode(ctx, tx, {
      userId: user.id,
      partnerId: user.partnerId,
      purpose: 'password_reset',
      channel: 'email',
      target: email,
      locale: parseUserLocale(user),
      template: 'identity.password_reset',
      ttlMs: RESET_TTL_MS,
      // The template builds the link: {publicUrl}/reset-password?email={emailParam}&code={code}.
      data: { name: user.name, emailParam: encodeURIComponent(email) },
    });
  });
  return { sent: true };
}

/**
 * Sets a new password with the emailed code. The code is used up, every session of the account
 * ends, earlier sign-in failures are forgotten, and the account is told its password changed.
 */
export async function resetPassword(
  ctx: AppContext,
  actor: Actor,
  input: { email: string; code: string; newPassword: string },
  meta: { ip: string | null },
): Promise<{ ok: true; signInPath: SignInPath }> {
  const email = normalizeEmail(input.email);
  const now = ctx.clock.now();
  await enforceLimits(ctx.db, now, [
    { key: `reset-attempt:ip:${meta.ip ?? 'unknown'}`, max: ATTEMPTS_PER_IP_QUARTER, windowMs: QUARTER },
    { key: `reset-attempt:email:${email}`, max: ATTEMPTS_PER_EMAIL_QUARTER, windowMs: QUARTER },
  ]);
  if (!isStrongPassword(input.newPassword, email)) throw new AppError('identity.weak_password');
  // Hashed before knowing whether the code is right, so a wrong code takes as long as a right one.
  const passwordHash = await hashPassword(input.newPassword);
  const outcome = await ctx.db.transaction(async (tx): Promise<Exclude<CodeCheck, 'ok'> | SignInPath> => {
    const user = await findUserByEmail(tx, email);
    const row = user ? await latestCode(tx, email, 'password_reset') : undefined;
    const check = await checkCode(ctx, tx, row, input.code);
    if (check !== 'ok' || !user || !row) return check === 'ok' ? 'identity.code_invalid' : check;
    if (row.userId !== user.id || user.status !== 'active') return 'identity.code_invalid';
    if (!(await useCode(ctx, tx, row))) return 'identity.code_invalid';
    await updateUser(tx, user.id, { passwordHash, updatedAt: now });
    const revoked = await revokeOtherSessions(tx, user.id, null, now);
    await clearFailuresByIdentifier(tx, email);
    const self: Actor = {
      ...actor,
      type: user.userType === 'operator' ? 'operator' : 'user',
      id: user.id,
      partnerId: user.partnerId,
      roles: user.roles,
    };
    await ctx.audit.record(tx, self, {
      action: 'user.password_reset',
      entityType: 'user',
      entityId: user.id,
      after: { sessionsRevoked: revoked, ip: meta.ip },
    });
    await ctx.notifier.notify(tx, {
      template: 'identity.password_changed',
      locale: parseUserLocale(user),
      to: { userId: user.id, email: user.email, partnerId: user.partnerId },
      channels: ['email'],
      data: { name: user.name, at: now.toISOString() },
      idempotencyKey: `password_reset:${row.id}`,
    });
    return user.userType === 'operator' ? '/console/sign-in' : '/sign-in';
  });
  if (outcome !== '/sign-in' && outcome !== '/console/sign-in') throw new AppError(outcome);
  return { ok: true, signInPath: outcome };
}
