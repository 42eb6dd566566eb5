import { createHmac, randomBytes } from 'node:crypto';
import type { DbOrTx } from '@pc/db';
import type { Actor, AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors/errors.ts';
import { enforceLimits } from '../../platform/http/rate-limit.ts';
import { newId } from '../../platform/ids/ids.ts';
import { openSecret, sealSecret } from '../../platform/seal/seal.ts';
import { clearFailuresByIdentifier, findUserById, type UserRow } from './identity.repository.ts';
import {
  claimStep,
  confirmTotpRow,
  countUnusedRecoveryCodes,
  deleteTotp,
  findTotp,
  putPendingTotp,
  replaceRecoveryCodes,
  type TotpRow,
  useRecoveryCodeRow,
} from './second-factor.repository.ts';
import { safeEqual } from './secrets.ts';
import { type NewSession, openSession } from './sessions.service.ts';
import { newTotpSecret, totpStep, totpUri } from './totp.ts';

const SEAL_PURPOSE = 'totp';
/** How long the password step's ticket waits for the second factor. */
const TICKET_TTL_MS = 10 * 60_000;
const RECOVERY_CODES = 10;
/** Code-step tries: per account and per address in 15 minutes (6-digit codes, one step of drift). */
const QUARTER = 15 * 60_000;
const TRIES_PER_ACCOUNT = 10;
const TRIES_PER_IP = 30;

export type SecondFactorKind = 'totp' | 'enrol';

/** What sign-in still needs after the password: operators must have a factor; others when enrolled. */
export async function secondFactorNeeded(db: DbOrTx, user: UserRow): Promise<SecondFactorKind | null> {
  const row = await findTotp(db, user.id);
  if (row?.confirmedAt) return 'totp';
  return user.userType === 'operator' ? 'enrol' : null;
}

const ticketMac = (secret: string, userId: string, exp: number, passwordHash: string) =>
  createHmac('sha256', `2fa-ticket:${secret}`).update(`${userId}.${exp}.${passwordHash}`).digest('base64url');

/**
 * Proof that the password step passed, carried to the code step. Bound to the password hash, so a
 * password reset voids tickets issued before it.
 */
export function issueTicket(ctx: AppContext, user: UserRow): string {
  const exp = ctx.clock.now().getTime() + TICKET_TTL_MS;
  return `${user.id}.${exp}.${ticketMac(ctx.config.secretKey, user.id, exp, user.passwordHash ?? '')}`;
}

async function userOfTicket(ctx: AppContext, ticket: string): Promise<UserRow> {
  const [userId, expText, mac] = ticket.split('.');
  const exp = Number(expText);
  if (!userId || !mac || !Number.isFinite(exp) || exp <= ctx.clock.now().getTime()) {
    throw new AppError('identity.sign_in_ticket_invalid');
  }
  const user = await findUserById(ctx.db, userId);
  if (!user || !safeEqual(ticketMac(ctx.config.secretKey, userId, exp, user.passwordHash ?? ''), mac)) {
    throw new AppError('identity.sign_in_ticket_invalid');
  }
  if (user.status !== 'active') throw new AppError('identity.account_disabled');
  return user;
}

/** Counts one code-step try; 429 with Retry-After past the limits. */
function throttle(ctx: AppContext, userId: string, ip: string | null): Promise<void> {
  return enforceLimits(ctx.db, ctx.clock.now(), [
    { key: `2fa:user:${userId}`, max: TRIES_PER_ACCOUNT, windowMs: QUARTER },
    { key: `2fa:ip:${ip ?? 'unknown'}`, max: TRIES_PER_IP, windowMs: QUARTER },
  ]);
}

const secretOf = (ctx: AppContext, row: TotpRow) =>
  openSecret(ctx.config.secretKey, SEAL_PURPOSE, row.userId, row.secretSealed);

/** True when `code` is right for the user's secret and its time step was not used before. */
async function acceptCode(ctx: AppContext, tx: DbOrTx, row: TotpRow, code: string): Promise<boolean> {
  const now = ctx.clock.now();
  const step = totpStep(secretOf(ctx, row), code, now);
  return step !== null && (await claimStep(tx, row.userId, step, now));
}

const recoveryHash = (secret: string, userId: string, code: string) =>
  createHmac('sha256', `recovery:${secret}`)
    .update(`${userId}:${code.toLowerCase().replace(/[^a-z0-9]/g, '')}`)
    .digest('hex');

/** Ten fresh one-time codes (`xxxxx-xxxxx`), stored hashed; the plain codes are shown once. */
async function newRecoveryCodes(ctx: AppContext, tx: DbOrTx, userId: string): Promise<string[]> {
  const now = ctx.clock.now();
  const codes = Array.from({ length: RECOVERY_CODES }, () => {
    const s = randomBytes(8).toString('hex').slice(0, 10);
    return `${s.slice(0, 5)}-${s.slice(5)}`;
  });
  await replaceRecoveryCodes(
    tx,
    userId,
    codes.map((c) => ({
      id: newId('rcc', now.getTime()),
      codeHash: recoveryHash(ctx.config.secretKey, userId, c),
    })),
    now,
  );
  return codes;
}

/** A new unconfirmed secret for the user, with the URI for the QR code. */
async function beginEnrolment(ctx: AppContext, user: UserRow): Promise<{ secret: string; uri: string }> {
  const existing = await findTotp(ctx.db, user.id);
  if (existing?.confirmedAt) throw new AppError('identity.totp_already_enabled');
  const secret = newTotpSecret();
  const sealed = sealSecret(ctx.config.secretKey, SEAL_PURPOSE, user.id, secret);
  await putPendingTotp(ctx.db, user.id, sealed, ctx.clock.now());
  return { secret, uri: totpUri(secret, user.email) };
}

/** Confirms the pending secret with a code from the app; returns the recovery codes (shown once). */
async function finishEnrolment(
  ctx: AppContext,
  tx: DbOrTx,
  actor: Actor,
  user: UserRow,
  code: string,
): Promise<string[] | null> {
  const row = await findTotp(tx, user.id);
  if (!row || row.confirmedAt) throw new AppError('identity.totp_not_started');
  if (!(await acceptCode(ctx, tx, row, code))) return null;
  await confirmTotpRow(tx, user.id, ctx.clock.now());
  const codes = await newRecoveryCodes(ctx, tx, user.id);
  await ctx.audit.record(tx, actor, {
    action: 'user.totp_enabled',
    entityType: 'user',
    entityId: user.id,
    after: { recoveryCodes: codes.length },
  });
  return codes;
}

export interface SignInMeta {
  ip: string | null;
  userAgent: string | null;
}

function selfOf(actor: Actor, user: UserRow): Actor {
  return {
    ...actor,
    type: user.userType === 'operator' ? 'operator' : 'user',
    id: user.id,
    partnerId: user.partnerId,
    roles: user.roles,
  };
}

async function openSignedIn(
  ctx: AppContext,
  tx: DbOrTx,
  actor: Actor,
  user: UserRow,
  meta: SignInMeta,
  method: string,
): Promise<NewSession> {
  await clearFailuresByIdentifier(tx, user.email.toLowerCase());
  const s = await openSession(ctx, tx, user.id, meta);
  await ctx.audit.record(tx, selfOf(actor, user), {
    action: 'user.signed_in',
    entityType: 'user',
    entityId: user.id,
    after: { sessionId: s.sessionId, ip: meta.ip, secondFactor: method },
  });
  return s;
}

/**
 * The code step of sign-in: a code from the authenticator app or one unused recovery code. Tries
 * are throttled per account and per address; wrong codes are audited.
 */
export async function signInWithSecondFactor(
  ctx: AppContext,
  actor: Actor,
  input: { ticket: string; code?: string; recoveryCode?: string },
  meta: SignInMeta,
): Promise<{ user: UserRow; session: NewSession; recoveryCodesLeft: number }> {
  const user = await userOfTicket(ctx, input.ticket);
  await throttle(ctx, user.id, meta.ip);
  const outcome = await ctx.db.transaction(async (tx) => {
    const row = await findTotp(tx, user.id);
    if (!row?.confirmedAt) throw new AppError('identity.totp_not_enabled');
    const now = ctx.clock.now();
    let method: 'totp' | 'recovery_code' | null = null;
    if (input.code && (await acceptCode(ctx, tx, row, input.code))) method = 'totp';
    else if (
      input.recoveryCode &&
      (await useRecoveryCodeRow(
        tx,
        user.id,
        recoveryHash(ctx.config.secretKey, user.id, input.recoveryCode),
        now,
      ))
    ) {
      method = 'recovery_code';
    }
    if (!method) return null;
    const session = await openSignedIn(ctx, tx, actor, user, meta, method);
    return { session, recoveryCodesLeft: await countUnusedRecoveryCodes(tx, user.id) };
  });
  if (!outcome) {
    await ctx.db.transaction((tx) =>
      ctx.audit.record(tx, selfOf(actor, user), {
        action: 'user.second_factor_failed',
        entityType: 'user',
        entityId: user.id,
        after: { ip: meta.ip },
      }),
    );
    throw new AppError('identity.totp_invalid');
  }
  return { user, ...outcome };
}

/** Sign-in of an operator without a second factor: the secret to add to an authenticator app. */
export async function startSignInEnrolment(ctx: AppContext, input: { ticket: string }) {
  const user = await userOfTicket(ctx, input.ticket);
  return beginEnrolment(ctx, user);
}

/** Confirms the enrolment begun at sign-in and signs in; the recovery codes are shown once. */
export async function finishSignInEnrolment(
  ctx: AppContext,
  actor: Actor,
  input: { ticket: string; code: string },
  meta: SignInMeta,
): Promise<{ user: UserRow; session: NewSession; recoveryCodes: string[] }> {
  const user = await userOfTicket(ctx, input.ticket);
  await throttle(ctx, user.id, meta.ip);
  const out = await ctx.db.transaction(async (tx) => {
    const codes = await finishEnrolment(ctx, tx, selfOf(actor, user), user, input.code);
    if (!codes) return null;
    return { session: await openSignedIn(ctx, tx, actor, user, meta, 'totp_enrolled'), recoveryCodes: codes };
  });
  if (!out) throw new AppError('identity.totp_invalid');
  return { user, ...out };
}

/** The signed-in user's factor: whether it is on, whether it may be turned off, codes left. */
export async function totpStatus(ctx: AppContext, userId: string) {
  const user = await findUserById(ctx.db, userId);
  if (!user) throw new AppError('common.unauthenticated');
  const row = await findTotp(ctx.db, userId);
  const enabled = !!row?.confirmedAt;
  return {
    enabled,
    required: user.userType === 'operator',
    recoveryCodesLeft: enabled ? await countUnusedRecoveryCodes(ctx.db, userId) : 0,
  };
}

async function signedInUser(ctx: AppContext, userId: string): Promise<UserRow> {
  const user = await findUserById(ctx.db, userId);
  if (!user) throw new AppError('common.unauthenticated');
  return user;
}

export async function startTotpSetup(ctx: AppContext, userId: string) {
  return beginEnrolment(ctx, await signedInUser(ctx, userId));
}

export async function confirmTotpSetup(
  ctx: AppContext,
  actor: Actor,
  userId: string,
  input: { code: string },
  ip: string | null,
): Promise<{ recoveryCodes: string[] }> {
  const user = await signedInUser(ctx, userId);
  await throttle(ctx, user.id, ip);
  const codes = await ctx.db.transaction((tx) => finishEnrolment(ctx, tx, actor, user, input.code));
  if (!codes) throw new AppError('identity.totp_invalid');
  return { recoveryCodes: codes };
}

/** Needs a current code; replaces every recovery code. */
export async function regenerateRecoveryCodes(
  ctx: AppContext,
  actor: Actor,
  userId: string,
  input: { code: string },
  ip: string | null,
): Promise<{ recoveryCodes: string[] }> {
  await throttle(ctx, userId, ip);
  const codes = await ctx.db.transaction(async (tx) => {
    const row = await findTotp(tx, userId);
    if (!row?.confirmedAt) throw new AppError('identity.totp_not_enabled');
    if (!(await acceptCode(ctx, tx, row, input.code))) return null;
    const fresh = await newRecoveryCodes(ctx, tx, userId);
    await ctx.audit.record(tx, actor, {
      action: 'user.recovery_codes_regenerated',
      entityType: 'user',
      entityId: userId,
      after: { recoveryCodes: fresh.length },
    });
    return fresh;
  });
  if (!codes) throw new AppError('identity.totp_invalid');
  return { recoveryCodes: codes };
}

/** Partner and customer users may turn the factor off with a current code; operators may not. */
export async function disableTotp(
  ctx: AppContext,
  actor: Actor,
  userId: string,
  input: { code: string },
  ip: string | null,
): Promise<{ ok: true }> {
  const user = await signedInUser(ctx, userId);
  if (user.userType === 'operator') throw new AppError('identity.totp_required');
  await throttle(ctx, userId, ip);
  const ok = await ctx.db.transaction(async (tx) => {
    const row = await findTotp(tx, userId);
    if (!row?.confirmedAt) throw new AppError('identity.totp_not_enabled');
    if (!(await acceptCode(ctx, tx, row, input.code))) return false;
    await deleteTotp(tx, userId);
    await ctx.audit.record(tx, actor, {
      action: 'user.totp_disabled',
      entityType: 'user',
      entityId: userId,
    });
    return true;
  });
  if (!ok) throw new AppError('identity.totp_invalid');
  return { ok: true };
}

/** Demo data: an already confirmed factor with a known secret, unless the user has one. */
export async function enrolWithSecret(
  ctx: AppContext,
  tx: DbOrTx,
  userId: string,
  secret: string,
): Promise<void> {
  if ((await findTotp(tx, userId))?.confirmedAt) return;
  const now = ctx.clock.now();
  await putPendingTotp(tx, userId, sealSecret(ctx.config.secretKey, SEAL_PURPOSE, userId, secret), now);
  await confirmTotpRow(tx, userId, now);
}
