import type { DbOrTx } from '@pc/db';
import type { Actor, AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors/errors.ts';
import { type Locale, parseLocale } from '../../platform/i18n/i18n.ts';
import { newId } from '../../platform/ids/ids.ts';
import { sha256 } from '../../platform/seal/digest.ts';
import {
  createUser,
  hashPassword,
  isStrongPassword,
  issueTicket,
  normalizeEmail,
  usersByIds,
  userWithEmail,
} from '../identity/index.ts';
import { invitationIdOf, makeInvitationToken, verifyInvitationToken } from './invitation-token.ts';
import {
  type InvitationRow,
  insertInvitation,
  listPendingInvitations,
  lockInvitation,
  lockPendingInvitationFor,
  updateInvitation,
} from './operators.repository.ts';
import type { InvitationView } from './operators.schemas.ts';
import { ROLE_NAMES } from './operators.templates.ts';

/** An invitation link works for 7 days; a resend starts the 7 days again. */
export const INVITATION_TTL_MS = 7 * 24 * 3600_000;

type Status = InvitationView['status'];

const beijing = (at: Date) =>
  new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Asia/Shanghai',
    dateStyle: 'short',
    timeStyle: 'short',
  }).format(at);

function statusOf(inv: InvitationRow, now: Date): Status {
  if (inv.status === 'pending' && inv.expiresAt.getTime() <= now.getTime()) return 'expired';
  return inv.status as Status;
}

function audited(inv: InvitationRow) {
  return {
    email: inv.email,
    roles: inv.roles,
    status: inv.status,
    sendCount: inv.sendCount,
    expiresAt: inv.expiresAt.toISOString(),
  };
}

export async function invitationViews(ctx: AppContext, rows: InvitationRow[]): Promise<InvitationView[]> {
  const now = ctx.clock.now();
  const people = new Map(
    (
      await usersByIds(
        ctx,
        rows.map((r) => r.invitedBy),
      )
    ).map((u) => [u.id, u]),
  );
  return rows.map((r) => {
    const by = people.get(r.invitedBy);
    return {
      id: r.id,
      email: r.email,
      name: r.name,
      roles: r.roles,
      locale: r.locale,
      status: statusOf(r, now),
      sendCount: r.sendCount,
      sentAt: r.sentAt.toISOString(),
      expiresAt: r.expiresAt.toISOString(),
      createdAt: r.createdAt.toISOString(),
      invitedBy: by ? { id: by.id, name: by.name } : null,
    };
  });
}

async function viewOf(ctx: AppContext, row: InvitationRow): Promise<InvitationView> {
  const [view] = await invitationViews(ctx, [row]);
  if (!view) throw new Error('invitation view missing');
  return view;
}

export async function pendingInvitationViews(ctx: AppContext): Promise<InvitationView[]> {
  return invitationViews(ctx, await listPendingInvitations(ctx.db));
}

/**
 * Writes the invitation email in the caller's transaction (the notifier's outbox delivers it over
 * SMTP and retries). An email that cannot be sent leaves the invitation pending and resendable.
 */
async function sendInvitationEmail(ctx: AppContext, tx: DbOrTx, actor: Actor, inv: InvitationRow) {
  const token = makeInvitationToken(ctx.config.secretKey, inv.id, inv.expiresAt);
  const row = await updateInvitation(tx, inv.id, { tokenHash: sha256(token) });
  const [inviter] = await usersByIds(ctx, actor.id ? [actor.id] : [], tx);
  const locale: Locale = parseLocale(row.locale) ?? 'zh-CN';
  await ctx.notifier.notify(tx, {
    template: 'operators.invitation',
    locale,
    to: { email: row.email },
    channels: ['email'],
    data: {
      inviterName: inviter?.name ?? '',
      roles: row.roles.map((r) => ROLE_NAMES[r]?.[locale] ?? r).join(locale === 'zh-CN' ? '、' : ', '),
      acceptUrl: `${ctx.config.publicUrl}/console/accept-invitation?token=${encodeURIComponent(token)}`,
      expiresAt: beijing(row.expiresAt),
      // The link is a credential: as `code`, the notifier masks it in the stored copy once delivered.
      code: token,
    },
    idempotencyKey: `operator-invite:${row.id}:${row.sendCount}`,
  });
  return row;
}

/**
 * An administrator invites an operator by email. Inviting an address with a pending invitation
 * sends that invitation again (with the new roles) instead of making a second one; an address that
 * already has an account is refused.
 */
export async function inviteOperator(
  ctx: AppContext,
  actor: Actor & { id: string },
  input: { email: string; name?: string | null; roles: string[]; locale?: Locale },
): Promise<InvitationView & { resent: boolean }> {
  const email = normalizeEmail(input.email);
  const now = ctx.clock.now();
  const expiresAt = new Date(now.getTime() + INVITATION_TTL_MS);
  const { row, resent } = await ctx.db.transaction(async (tx) => {
    if (await userWithEmail(tx, email)) throw new AppError('operators.email_registered', { email });
    const open = await lockPendingInvitationFor(tx, email);
    if (open) {
      const patched = await updateInvitation(tx, open.id, {
        roles: input.roles,
        name: input.name?.trim() || open.name,
        locale: input.locale ?? open.locale,
        sendCount: open.sendCount + 1,
        sentAt: now,
        expiresAt,
      });
      const sent = await sendInvitationEmail(ctx, tx, actor, patched);
      await ctx.audit.record(tx, actor, {
        action: 'operator_invitation.resent',
        entityType: 'operator_invitation',
        entityId: open.id,
        before: audited(open),
        after: audited(sent),
      });
      return { row: sent, resent: true };
    }
    const inv = await insertInvitation(tx, {
      id: newId('oin', now.getTime()),
      email,
      name: input.name?.trim() || null,
      roles: input.roles,
      locale: input.locale ?? actor.locale,
      // Replaced by the signed token's hash before the email is written.
      tokenHash: `unsent:${newId('tok', now.getTime())}`,
      status: 'pending',
      invitedBy: actor.id,
      sendCount: 1,
      createdAt: now,
      sentAt: now,
      expiresAt,
    });
    const sent = await sendInvitationEmail(ctx, tx, actor, inv);
    await ctx.audit.record(tx, actor, {
      action: 'operator_invitation.sent',
      entityType: 'operator_invitation',
      entityId: inv.id,
      after: audited(sent),
    });
    return { row: sent, resent: false };
  });
  return { ...(await viewOf(ctx, row)), resent };
}

function refuseClosed(status: Status): never {
  if (status === 'accepted') throw new AppError('operators.invitation_accepted');
  if (status === 'revoked') throw new AppError('operators.invitation_revoked');
  throw new AppError('operators.invitation_expired');
}

async function lockOpen(tx: DbOrTx, id: string): Promise<InvitationRow> {
  const inv = await lockInvitation(tx, id);
  if (!inv) throw new AppError('operators.invitation_not_found');
  if (inv.status !== 'pending') refuseClosed(statusOf(inv, new Date(0)));
  return inv;
}

/** Sends a pending (or expired, not accepted or revoked) invitation again with a new link and expiry. */
export async function resendInvitation(ctx: AppContext, actor: Actor, id: string): Promise<InvitationView> {
  const now = ctx.clock.now();
  const row = await ctx.db.transaction(async (tx) => {
    const inv = await lockOpen(tx, id);
    const patched = await updateInvitation(tx, id, {
      sendCount: inv.sendCount + 1,
      sentAt: now,
      expiresAt: new Date(now.getTime() + INVITATION_TTL_MS),
    });
    const sent = await sendInvitationEmail(ctx, tx, actor, patched);
    await ctx.audit.record(tx, actor, {
      action: 'operator_invitation.resent',
      entityType: 'operator_invitation',
      entityId: id,
      before: audited(inv),
      after: audited(sent),
    });
    return sent;
  });
  return viewOf(ctx, row);
}

/** Revokes an open invitation; its link stops working at once. */
export async function revokeInvitation(
  ctx: AppContext,
  actor: Actor & { id: string },
  id: string,
): Promise<InvitationView> {
  const now = ctx.clock.now();
  const row = await ctx.db.transaction(async (tx) => {
    const inv = await lockOpen(tx, id);
    const done = await updateInvitation(tx, id, { status: 'revoked', revokedAt: now, revokedBy: actor.id });
    await ctx.audit.record(tx, actor, {
      action: 'operator_invitation.revoked',
      entityType: 'operator_invitation',
      entityId: id,
      before: audited(inv),
      after: audited(done),
    });
    return done;
  });
  return viewOf(ctx, row);
}

/** The invitation behind a link, checked: signature, current link (not replaced), not closed. */
async function byToken(ctx: AppContext, db: DbOrTx, token: string): Promise<InvitationRow> {
  const id = invitationIdOf(token);
  const inv = id ? await lockInvitation(db, id) : undefined;
  if (
    !inv ||
    inv.tokenHash !== sha256(token) ||
    !verifyInvitationToken(ctx.config.secretKey, token, inv.expiresAt)
  ) {
    throw new AppError('operators.invitation_not_found');
  }
  return inv;
}

/** What the acceptance page shows before the invitee sets a name and password. */
export async function describeInvitation(ctx: AppContext, token: string) {
  const inv = await byToken(ctx, ctx.db, token);
  return {
    email: inv.email,
    name: inv.name,
    roles: inv.roles,
    status: statusOf(inv, ctx.clock.now()),
    expiresAt: inv.expiresAt.toISOString(),
  };
}

/**
 * The invitee accepts: an operator with the invited roles is created (the link proved the address).
 * No session yet: operators need a second factor, so the answer is the sign-in's enrolment step.
 * The invitation row is locked, so two accepts of one link: exactly one wins.
 */
export async function acceptInvitation(
  ctx: AppContext,
  actor: Actor,
  input: { token: string; name: string; password: string },
): Promise<{ secondFactor: { kind: 'enrol'; ticket: string } }> {
  const first = await byToken(ctx, ctx.db, input.token);
  if (!isStrongPassword(input.password, first.email)) throw new AppError('identity.weak_password');
  const passwordHash = await hashPassword(input.password);
  const now = ctx.clock.now();
  const user = await ctx.db.transaction(async (tx) => {
    const inv = await byToken(ctx, tx, input.token);
    const status = statusOf(inv, now);
    if (status !== 'pending') refuseClosed(status);
    if (await userWithEmail(tx, inv.email))
      throw new AppError('operators.email_registered', { email: inv.email });
    const created = await createUser(ctx, tx, actor, {
      userType: 'operator',
      partnerId: null,
      roles: inv.roles,
      email: inv.email,
      name: input.name,
      password: input.password,
      passwordHash,
      locale: parseLocale(inv.locale) ?? 'zh-CN',
      verified: true,
    });
    const done = await updateInvitation(tx, inv.id, {
      status: 'accepted',
      acceptedAt: now,
      acceptedUserId: created.id,
    });
    await ctx.audit.record(
      tx,
      { ...actor, type: 'operator', id: created.id },
      {
        action: 'operator_invitation.accepted',
        entityType: 'operator_invitation',
        entityId: inv.id,
        before: audited(inv),
        after: { ...audited(done), userId: created.id },
      },
    );
    return created;
  });
  return { secondFactor: { kind: 'enrol', ticket: issueTicket(ctx, user) } };
}
