import { type DbOrTx, isUniqueViolation } from '@pc/db';
import type { Actor, AppContext } from '../../platform/context.ts';
import { systemActor } from '../../platform/context.ts';
import { AppError } from '../../platform/errors/errors.ts';
import { parseLocale } from '../../platform/i18n/i18n.ts';
import { newId, newToken } from '../../platform/ids/ids.ts';
import {
  createUser,
  hashPassword,
  isStrongPassword,
  listPartnerUsers,
  normalizeEmail,
  sha256,
  usersByIds,
  userWithEmail,
} from '../identity/index.ts';
import { getPartner } from '../partners/index.ts';
import {
  closePendingInvitation,
  findInvitation,
  findInvitationByTokenHash,
  findPendingInvitationFor,
  type InvitationRow,
  insertInvitation,
  listDueInvitations,
  listInvitations,
  setAcceptedUser,
} from './organization.repository.ts';
import { effectiveStatus, invitationExpiry, normalizeRoles } from './organization.rules.ts';
import type { InvitationStatus } from './organization.schemas.ts';
import { invitationView } from './organization.views.ts';

type PartnerActor = Actor & { id: string; partnerId: string };

const beijing = (at: Date) =>
  new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Asia/Shanghai',
    dateStyle: 'short',
    timeStyle: 'short',
  }).format(at);

function audited(row: InvitationRow) {
  return { email: row.email, roles: row.roles, status: row.status, expiresAt: row.expiresAt.toISOString() };
}

async function viewsOf(ctx: AppContext, rows: InvitationRow[]) {
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
    const u = people.get(r.invitedBy);
    return invitationView(r, now, u ? { id: u.id, name: u.name } : null);
  });
}

/** R12: the administrator invites a person by email; the link in the email creates their account. */
export async function inviteMember(
  ctx: AppContext,
  actor: PartnerActor,
  input: { email: string; name?: string | null; roles: string[]; locale?: 'zh-CN' | 'en-US' },
) {
  const email = normalizeEmail(input.email);
  const roles = normalizeRoles(input.roles);
  const now = ctx.clock.now();
  const token = newToken();
  const row = await ctx.db.transaction(async (tx) => {
    if (await userWithEmail(tx, email)) throw new AppError('organization.email_registered', { email });
    const open = await findPendingInvitationFor(tx, actor.partnerId, email);
    if (open && effectiveStatus(open, now) === 'pending') {
      throw new AppError('organization.invitation_pending', { email });
    }
    // A pending row past its time blocks the unique index: close it as expired first.
    if (open) await expireOne(ctx, tx, open, now);
    const inv = await insertInvitation(tx, {
      id: newId('inv', now.getTime()),
      partnerId: actor.partnerId,
      email,
      name: input.name?.trim() || null,
      roles,
      locale: input.locale ?? actor.locale,
      tokenHash: sha256(token),
      status: 'pending',
      invitedBy: actor.id,
      createdAt: now,
      expiresAt: invitationExpiry(now),
    }).catch((e: unknown) => {
      if (isUniqueViolation(e)) throw new AppError('organization.invitation_pending', { email });
      throw e;
    });
    await ctx.audit.record(tx, actor, {
      action: 'member_invitation.sent',
      entityType: 'member_invitation',
      entityId: inv.id,
      partnerId: inv.partnerId,
      after: audited(inv),
    });
    await sendInvitationEmail(ctx, tx, inv, token);
    return inv;
  });
  const [view] = await viewsOf(ctx, [row]);
  if (!view) throw new Error('invitation view missing');
  return view;
}

async function sendInvitationEmail(ctx: AppContext, tx: DbOrTx, inv: InvitationRow, token: string) {
  const partner = await getPartner(ctx, inv.partnerId, tx);
  const [inviter] = await usersByIds(ctx, [inv.invitedBy], tx);
  await ctx.notifier.notify(tx, {
    template: 'organization.invitation',
    locale: parseLocale(inv.locale) ?? 'zh-CN',
    to: { email: inv.email },
    channels: ['email'],
    data: {
      partnerName: partner?.name ?? inv.partnerId,
      inviterName: inviter?.name ?? '',
      acceptUrl: `${ctx.config.publicUrl}/invitations/accept?token=${encodeURIComponent(token)}`,
      expiresAt: beijing(inv.expiresAt),
    },
    idempotencyKey: `org-invite:${inv.id}`,
  });
}

export async function listInvitationViews(ctx: AppContext, partnerId: string, status?: InvitationStatus) {
  return { items: await viewsOf(ctx, await listInvitations(ctx.db, partnerId, ctx.clock.now(), status)) };
}

function refuseClosed(status: InvitationStatus): never {
  if (status === 'accepted') throw new AppError('organization.invitation_accepted');
  if (status === 'revoked') throw new AppError('organization.invitation_revoked');
  throw new AppError('organization.invitation_expired');
}

/** Only a pending invitation can be revoked; its link stops working at once. */
export async function revokeInvitation(ctx: AppContext, actor: PartnerActor, id: string) {
  const now = ctx.clock.now();
  const row = await ctx.db.transaction(async (tx) => {
    const inv = await findInvitation(tx, id);
    if (!inv || inv.partnerId !== actor.partnerId) throw new AppError('organization.invitation_not_found');
    const status = effectiveStatus(inv, now);
    if (status !== 'pending') refuseClosed(status);
    const done = await closePendingInvitation(tx, id, {
      status: 'revoked',
      revokedAt: now,
      revokedBy: actor.id,
    });
    if (!done) refuseClosed(effectiveStatus((await findInvitation(tx, id)) ?? inv, now));
    await ctx.audit.record(tx, actor, {
      action: 'member_invitation.revoked',
      entityType: 'member_invitation',
      entityId: id,
      partnerId: inv.partnerId,
      before: audited(inv),
      after: audited(done),
    });
    return done;
  });
  const [view] = await viewsOf(ctx, [row]);
  if (!view) throw new Error('invitation view missing');
  return view;
}

async function byToken(db: DbOrTx, token: string): Promise<InvitationRow> {
  const inv = await findInvitationByTokenHash(db, sha256(token));
  if (!inv) throw new AppError('organization.invitation_not_found');
  return inv;
}

/** What the acceptance page shows before the invitee sets a password. */
export async function describeInvitation(ctx: AppContext, token: string) {
  const inv = await byToken(ctx.db, token);
  const partner = await getPartner(ctx, inv.partnerId);
  return {
    partnerName: partner?.name ?? '',
    email: inv.email,
    name: inv.name,
    roles: inv.roles,
    status: effectiveStatus(inv, ctx.clock.now()),
    expiresAt: inv.expiresAt.toISOString(),
  };
}

/**
 * The invitee accepts: a confirmed partner user with the invited roles is created through the
 * identity service (the link proved the address). Two accepts of one link: exactly one wins.
 */
export async function acceptInvitation(
  ctx: AppContext,
  actor: Actor,
  input: { token: string; name: string; password: string; phone?: string },
) {
  const first = await byToken(ctx.db, input.token);
  if (!isStrongPassword(input.password, first.email)) throw new AppError('identity.weak_password');
  const passwordHash = await hashPassword(input.password);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const inv = await byToken(tx, input.token);
    const status = effectiveStatus(inv, now);
    if (status !== 'pending') refuseClosed(status);
    // The conditional update takes the row: a concurrent accept waits here, then finds it closed.
    const taken = await closePendingInvitation(tx, inv.id, { status: 'accepted', acceptedAt: now });
    if (!taken) refuseClosed(effectiveStatus((await findInvitation(tx, inv.id)) ?? inv, now));
    const user = await createUser(ctx, tx, actor, {
      userType: 'partner',
      partnerId: inv.partnerId,
      roles: inv.roles,
      email: inv.email,
      name: input.name,
      phone: input.phone ?? null,
      password: input.password,
      passwordHash,
      locale: parseLocale(inv.locale) ?? 'zh-CN',
      verified: true,
    });
    const done = await setAcceptedUser(tx, inv.id, user.id);
    await ctx.audit.record(
      tx,
      { ...actor, id: user.id, partnerId: inv.partnerId },
      {
        action: 'member_invitation.accepted',
        entityType: 'member_invitation',
        entityId: inv.id,
        partnerId: inv.partnerId,
        before: audited(inv),
        after: { ...audited(done), userId: user.id },
      },
    );
    const admins = (await listPartnerUsers(ctx, inv.partnerId, tx)).filter(
      (u) => u.status === 'active' && u.roles.includes('admin') && u.id !== user.id,
    );
    for (const a of admins) {
      await ctx.notifier.notify(tx, {
        template: 'organization.invitation_accepted',
        locale: parseLocale(a.locale) ?? 'zh-CN',
        to: { userId: a.id, email: a.email, partnerId: a.partnerId },
        channels: ['email', 'in_app'],
        data: { name: a.name, memberName: user.name, memberEmail: user.email },
        idempotencyKey: `org-accepted:${inv.id}:${a.id}`,
      });
    }
    return { userId: user.id, email: user.email };
  });
}

async function expireOne(ctx: AppContext, tx: DbOrTx, inv: InvitationRow, now: Date): Promise<boolean> {
  const done = await closePendingInvitation(tx, inv.id, { status: 'expired', expiredAt: now });
  if (!done) return false;
  await ctx.audit.record(tx, systemActor(), {
    action: 'member_invitation.expired',
    entityType: 'member_invitation',
    entityId: inv.id,
    partnerId: inv.partnerId,
    before: audited(inv),
    after: audited(done),
  });
  return true;
}

/** The job: pending invitations past their time become expired (audited once each). */
export async function expireDueInvitations(ctx: AppContext, at: Date): Promise<number> {
  let expired = 0;
  for (;;) {
    const due = await listDueInvitations(ctx.db, at, 200);
    for (const inv of due) {
      if (await ctx.db.transaction((tx) => expireOne(ctx, tx, inv, at))) expired++;
    }
    if (due.length < 200) return expired;
  }
}
