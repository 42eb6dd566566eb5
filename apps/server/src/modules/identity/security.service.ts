import type { Actor, AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors/errors.ts';
import type { SessionUser } from '../../platform/http/auth.ts';
import { newId } from '../../platform/ids/ids.ts';
import { parseUserLocale } from './auth.service.ts';
import { enforceCodeLimits } from './code-limits.ts';
import { codesOfChange } from './codes.repository.ts';
import {
  CODE_TTL_MS,
  type CodeCheck,
  checkCode,
  issueCode,
  sendWaitSeconds,
  useCode,
} from './codes.service.ts';
import { assertLocalAccount } from './identity.policy.ts';
import {
  closeOpenContactChanges,
  completeContactChange,
  countFailuresByIdentifier,
  findContactChange,
  findUserByEmail,
  findUserById,
  findUserByPhone,
  insertContactChange,
  insertSignInFailure,
  revokeOtherSessions,
  type UserRow,
  updateUser,
} from './identity.repository.ts';
import { type Me, meOf } from './me.service.ts';
import { hashPassword, isStrongPassword, verifyPassword } from './passwords.ts';
import { maskTarget, normalizeEmail, normalizePhone } from './secrets.ts';
import { tellContactInUse } from './sign-up-contacts.ts';

const WINDOW_MS = 15 * 60_000;
const WRONG_PASSWORDS = 5;

async function userOf(ctx: AppContext, su: SessionUser): Promise<UserRow> {
  const u = await findUserById(ctx.db, su.id);
  if (!u) throw new AppError('common.unauthenticated');
  assertLocalAccount(u);
  return u;
}

/** Needs the current password; signs out every other session of the user. */
export async function changePassword(
  ctx: AppContext,
  actor: Actor,
  su: SessionUser,
  input: { currentPassword: string; newPassword: string },
): Promise<{ ok: true }> {
  const u = await userOf(ctx, su);
  const now = ctx.clock.now();
  const identifier = `password:${u.id}`;
  if (
    (await countFailuresByIdentifier(ctx.db, identifier, new Date(now.getTime() - WINDOW_MS))) >=
    WRONG_PASSWORDS
  ) {
    throw new AppError('identity.too_many_attempts');
  }
  if (!u.passwordHash || !(await verifyPassword(u.passwordHash, input.currentPassword))) {
    await insertSignInFailure(ctx.db, { id: newId('sia', now.getTime()), identifier, ip: null, at: now });
    throw new AppError('identity.wrong_password');
  }
  if (input.newPassword === input.currentPassword) throw new AppError('identity.same_password');
  if (!isStrongPassword(input.newPassword, u.email)) throw new AppError('identity.weak_password');
  const passwordHash = await hashPassword(input.newPassword);
  await ctx.db.transaction(async (tx) => {
    await updateUser(tx, u.id, { passwordHash, updatedAt: now });
    const revoked = await revokeOtherSessions(tx, u.id, su.sessionId, now);
    await ctx.audit.record(tx, actor, {
      action: 'user.password_changed',
      entityType: 'user',
      entityId: u.id,
      after: { otherSessionsRevoked: revoked },
    });
    await ctx.notifier.notify(tx, {
      template: 'identity.password_changed',
      locale: parseUserLocale(u),
      to: { userId: u.id, email: u.email, partnerId: u.partnerId },
      channels: ['email'],
      data: { name: u.name, at: now.toISOString() },
      idempotencyKey: `password_changed:${u.id}:${now.getTime()}`,
    });
  });
  return { ok: true };
}

type Kind = 'email' | 'phone';

function normalizeContact(kind: Kind, value: string): string {
  if (kind === 'email') {
    const v = normalizeEmail(value);
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v) || v.length > 254) throw new AppError('identity.invalid_email');
    return v;
  }
  return normalizePhone(value);
}

const channelOf = (target: string) => (target.includes('@') ? 'email' : 'sms') as 'email' | 'sms';

/**
 * R9: starts a phone or email change. One code goes to the current contact (the email when
 * there is no phone yet) and one to the new contact; both are needed to confirm.
 */
export async function startContactChange(
  ctx: AppContext,
  actor: Actor,
  su: SessionUser,
  input: { kind: Kind; newValue: string },
  meta: { ip: string | null } = { ip: null },
): Promise<{ changeId: string; oldTarget: string; newTarget: string }> {
  const u = await userOf(ctx, su);
  const newValue = normalizeContact(input.kind, input.newValue);
  const current = input.kind === 'email' ? u.email : u.phone;
  if (current === newValue) throw new AppError('identity.same_contact');
  const oldTarget = current ?? u.email;
  // Counted before the taken check, so probing for registered contacts is limited too.
  await enforceCodeLimits(ctx, { ip: meta.ip, userId: u.id }, [oldTarget, newValue]);
  const taken =
    input.kind === 'email'
      ? await findUserByEmail(ctx.db, newValue)
      : await findUserByPhone(ctx.db, newValue);
  // Another account's contact: answered like a free one, but no code goes to it (the change can
  // never be confirmed) and its owner is told; the answer reveals nothing.
  if (taken && taken.id !== u.id) await tellContactInUse(ctx, taken, input.kind);
  const now = ctx.clock.now();
  const wait = Math.max(
    await sendWaitSeconds(ctx.db, now, oldTarget),
    await sendWaitSeconds(ctx.db, now, newValue),
  );
  if (wait > 0) throw new AppError('identity.code_rate_limited', { retryAfter: wait });
  const changeId = newId('cch', now.getTime());
  await ctx.db.transaction(async (tx) => {
    await closeOpenContactChanges(tx, u.id, now);
    await insertContactChange(tx, {
      id: changeId,
      userId: u.id,
      kind: input.kind,
      newValue,
      oldTarget,
      createdAt: now,
      expiresAt: new Date(now.getTime() + CODE_TTL_MS),
    });
    const base = {
      userId: u.id,
      partnerId: u.partnerId,
      changeId,
      locale: parseUserLocale(u),
      template: 'identity.contact_code',
    };
    await issueCode(ctx, tx, {
      ...base,
      purpose: 'contact_old',
      channel: channelOf(oldTarget),
      target: oldTarget,
      data: { name: u.name, kind: input.kind, step: 'old' },
    });
    if (!taken)
      await issueCode(ctx, tx, {
        ...base,
        purpose: 'contact_new',
        channel: channelOf(newValue),
        target: newValue,
        data: { name: u.name, kind: input.kind, step: 'new' },
      });
    await ctx.audit.record(tx, actor, {
      action: 'user.contact_change_requested',
      entityType: 'user',
      entityId: u.id,
      after: { changeId, kind: input.kind, newTarget: maskTarget(newValue) },
    });
  });
  return { changeId, oldTarget: maskTarget(oldTarget), newTarget: maskTarget(newValue) };
}

const SEVERITY: Exclude<CodeCheck, 'ok'>[] = [
  'identity.too_many_attempts',
  'identity.code_expired',
  'identity.code_invalid',
];

/** Applies the change when both codes are right; wrong guesses count against each code. */
export async function confirmContactChange(
  ctx: AppContext,
  actor: Actor,
  su: SessionUser,
  changeId: string,
  input: { oldCode: string; newCode: string },
): Promise<Me> {
  const u = await userOf(ctx, su);
  const outcome = await ctx.db.transaction(
    async (tx): Promise<Exclude<CodeCheck, 'ok'> | UserRow | 'closed'> => {
      const change = await findContactChange(tx, changeId, u.id);
      if (!change) throw new AppError('common.not_found');
      if (change.completedAt) return 'closed';
      if (change.expiresAt.getTime() <= ctx.clock.now().getTime()) return 'identity.code_expired';
      const codes = await codesOfChange(tx, change.id);
      const oldRow = codes.find((c) => c.purpose === 'contact_old');
      const newRow = codes.find((c) => c.purpose === 'contact_new');
      const checks = [
        await checkCode(ctx, tx, oldRow, input.oldCode),
        await checkCode(ctx, tx, newRow, input.newCode),
      ];
      const failed = SEVERITY.find((s) => checks.includes(s));
      if (failed) return failed;
      if (!oldRow || !newRow || !(await useCode(ctx, tx, oldRow)) || !(await useCode(ctx, tx, newRow))) {
        return 'identity.code_invalid';
      }
      const kind = change.kind as Kind;
      const taken =
        kind === 'email'
          ? await findUserByEmail(tx, change.newValue)
          : await findUserByPhone(tx, change.newValue);
      if (taken && taken.id !== u.id) throw new AppError('identity.contact_taken');
      const now = ctx.clock.now();
      const patch =
        kind === 'email' ? { email: change.newValue, emailVerifiedAt: now } : { phone: change.newValue };
      const after = await updateUser(tx, u.id, { ...patch, updatedAt: now });
      await completeContactChange(tx, change.id, now);
      await ctx.audit.record(tx, actor, {
        action: 'user.contact_changed',
        entityType: 'user',
        entityId: u.id,
        before: { [kind]: kind === 'email' ? u.email : u.phone },
        after: { [kind]: change.newValue },
      });
      // The old contact hears about it, in case it was not its owner's doing.
      await ctx.notifier.notify(tx, {
        template: 'identity.contact_changed',
        locale: parseUserLocale(u),
        to: {
          userId: u.id,
          partnerId: u.partnerId,
          email: channelOf(change.oldTarget) === 'email' ? change.oldTarget : null,
          phone: channelOf(change.oldTarget) === 'sms' ? change.oldTarget : null,
        },
        channels: [channelOf(change.oldTarget)],
        data: { name: u.name, kind, newTarget: maskTarget(change.newValue) },
        idempotencyKey: `contact_changed:${change.id}`,
      });
      return after;
    },
  );
  if (outcome === 'closed') throw new AppError('identity.change_closed');
  if (typeof outcome === 'string') throw new AppError(outcome);
  return meOf(ctx, outcome);
}
