import { type DbOrTx, isUniqueViolation } from '@pc/db';
import { inBusinessTz } from '../../platform/clock/clock.ts';
import { type Actor, type AppContext, systemActor } from '../../platform/context.ts';
import { AppError } from '../../platform/errors/errors.ts';
import type { Localized } from '../../platform/i18n/i18n.ts';
import { newId } from '../../platform/ids/ids.ts';
import { findUserByEmail } from '../identity/index.ts';
import { partnersByIds } from '../partners/index.ts';
import { grantMembership } from './applications.service.ts';
import { notifyPartnerAdmins } from './memberships.notify.ts';
import {
  endLink,
  findActiveLinkOfReseller,
  findActiveMembership,
  findInvitation,
  findPendingInvitation,
  type InvitationRow,
  insertInvitation,
  insertLink,
  type LinkRow,
  listDueInvitations,
  listInvitations,
  listLinksOfDistributor,
  listPerformance,
  respondInvitation,
} from './memberships.repository.ts';
import { businessYear, invitationExpiry } from './memberships.rules.ts';
import { INVITATION_ANSWERS } from './memberships.templates.ts';

type PartnerActor = Actor & { partnerId: string };

function ymd(d: Date): string {
  const z = inBusinessTz(d);
  return `${z.getFullYear()}-${String(z.getMonth() + 1).padStart(2, '0')}-${String(z.getDate()).padStart(2, '0')}`;
}

async function assertDistributor(tx: DbOrTx, partnerId: string): Promise<void> {
  if (!(await findActiveMembership(tx, partnerId, 'distributor')))
    throw new AppError('memberships.not_distributor');
}

async function nameOf(ctx: AppContext, tx: DbOrTx, partnerId: string): Promise<string> {
  return (await partnersByIds(ctx, [partnerId], tx)).get(partnerId)?.name ?? partnerId;
}

/** R2: a distributor invites a registered partner, addressed by its administrator's email. */
export async function inviteReseller(
  ctx: AppContext,
  actor: PartnerActor,
  input: { email: string; message?: string },
): Promise<InvitationRow> {
  const email = input.email.trim().toLowerCase();
  return ctx.db.transaction(async (tx) => {
    await assertDistributor(tx, actor.partnerId);
    const invitee = await findUserByEmail(tx, email);
    if (invitee?.userType !== 'partner' || !invitee.partnerId || !invitee.roles.includes('admin')) {
      throw new AppError('memberships.invitee_not_found');
    }
    const resellerId = invitee.partnerId;
    if (resellerId === actor.partnerId) throw new AppError('memberships.invite_self');
    if (await findActiveMembership(tx, resellerId, 'distributor')) {
      throw new AppError('memberships.invitee_is_distributor');
    }
    if (await findActiveLinkOfReseller(tx, resellerId))
      throw new AppError('memberships.invitee_has_distributor');
    if (await findPendingInvitation(tx, actor.partnerId, resellerId)) {
      throw new AppError('memberships.invitation_pending');
    }
    const now = ctx.clock.now();
    let inv: InvitationRow;
    try {
      inv = await insertInvitation(tx, {
        id: newId('rinv', now.getTime()),
        distributorId: actor.partnerId,
        resellerId,
        email,
        message: input.message?.trim() ?? '',
        status: 'pending',
        invitedBy: actor.id,
        expiresAt: invitationExpiry(now),
        createdAt: now,
      });
    } catch (e) {
      if (isUniqueViolation(e)) throw new AppError('memberships.invitation_pending');
      throw e;
    }
    await ctx.audit.record(tx, actor, {
      action: 'reseller_invitation.sent',
      entityType: 'reseller_invitation',
      entityId: inv.id,
      partnerId: actor.partnerId,
      after: { resellerId, email, expiresAt: inv.expiresAt.toISOString() },
    });
    // The invitee's history shows it too.
    await ctx.audit.record(tx, actor, {
      action: 'reseller_invitation.received',
      entityType: 'reseller_invitation',
      entityId: inv.id,
      partnerId: resellerId,
      after: { distributorId: actor.partnerId },
    });
    const distributorName = await nameOf(ctx, tx, actor.partnerId);
    await notifyPartnerAdmins(
      ctx,
      tx,
      resellerId,
      'memberships.reseller_invited',
      `rinv:${inv.id}`,
      () => ({ distributorName, expiresAt: ymd(inv.expiresAt) }),
      { sms: true },
    );
    return inv;
  });
}

async function answer(
  ctx: AppContext,
  tx: DbOrTx,
  actor: Actor,
  inv: InvitationRow,
  status: 'accepted' | 'declined' | 'revoked' | 'expired',
): Promise<InvitationRow> {
  const done = await respondInvitation(tx, inv.id, status, ctx.clock.now());
  if (!done) {
    const current = await findInvitation(tx, inv.id);
    throw new AppError('memberships.invitation_not_pending', { status: current?.status ?? inv.status });
  }
  for (const partnerId of [inv.distributorId, inv.resellerId]) {
    await ctx.audit.record(tx, actor, {
      action: `reseller_invitation.${status}`,
      entityType: 'reseller_invitation',
      entityId: inv.id,
      partnerId,
      before: { status: 'pending' },
      after: { status },
    });
  }
  return done;
}

async function ownInvitation(tx: DbOrTx, id: string, partnerId: string, side: 'reseller' | 'distributor') {
  const inv = await findInvitation(tx, id);
  const owner = side === 'reseller' ? inv?.resellerId : inv?.distributorId;
  if (!inv || owner !== partnerId) throw new AppError('common.not_found');
  if (inv.status !== 'pending')
    throw new AppError('memberships.invitation_not_pending', { status: inv.status });
  return inv;
}

/** The invited partner joins the distributor's channel (one distributor at a time). */
export async function acceptInvitation(ctx: AppContext, actor: PartnerActor, id: string): Promise<LinkRow> {
  return ctx.db.transaction(async (tx) => {
    const inv = await ownInvitation(tx, id, actor.partnerId, 'reseller');
    const now = ctx.clock.now();
    if (inv.expiresAt <= now) throw new AppError('memberships.invitation_expired');
    if (await findActiveLinkOfReseller(tx, actor.partnerId))
      throw new AppError('memberships.has_distributor');
    await answer(ctx, tx, actor, inv, 'accepted');
    let link: LinkRow;
    try {
      link = await insertLink(tx, {
        id: newId('rlnk', now.getTime()),
        distributorId: inv.distributorId,
        resellerId: actor.partnerId,
        status: 'active',
        invitationId: inv.id,
        startedAt: now,
      });
    } catch (e) {
      if (isUniqueViolation(e)) throw new AppError('memberships.has_distributor');
      throw e;
    }
    await ctx.audit.record(tx, actor, {
      action: 'reseller_link.started',
      entityType: 'reseller_link',
      entityId: link.id,
      partnerId: actor.partnerId,
      after: { distributorId: inv.distributorId },
    });
    await grantMembership(ctx, tx, actor, {
      partnerId: actor.partnerId,
      program: 'cloud_reseller',
      source: 'invitation',
      sourceId: inv.id,
    });
    await notifyAnswered(ctx, tx, inv, actor.partnerId, INVITATION_ANSWERS.accepted);
    return link;
  });
}

/** Tells the distributor's administrators how the reseller answered its invitation. */
async function notifyAnswered(
  ctx: AppContext,
  tx: DbOrTx,
  inv: InvitationRow,
  resellerId: string,
  outcome: Localized,
): Promise<void> {
  const resellerName = await nameOf(ctx, tx, resellerId);
  await notifyPartnerAdmins(
    ctx,
    tx,
    inv.distributorId,
    'memberships.invitation_answered',
    `rinv-ans:${inv.id}`,
    (l) => ({
      resellerName,
      outcome: outcome[l],
    }),
  );
}

export async function declineInvitation(
  ctx: AppContext,
  actor: PartnerActor,
  id: string,
): Promise<InvitationRow> {
  return ctx.db.transaction(async (tx) => {
    const inv = await ownInvitation(tx, id, actor.partnerId, 'reseller');
    const done = await answer(ctx, tx, actor, inv, 'declined');
    await notifyAnswered(ctx, tx, inv, actor.partnerId, INVITATION_ANSWERS.declined);
    return done;
  });
}

export async function revokeInvitation(
  ctx: AppContext,
  actor: PartnerActor,
  id: string,
): Promise<InvitationRow> {
  return ctx.db.transaction(async (tx) => {
    const inv = await ownInvitation(tx, id, actor.partnerId, 'distributor');
    return answer(ctx, tx, actor, inv, 'revoked');
  });
}

/** R2: a reseller leaves its distributor; only then may it accept another one's invitation. */
export async function exitDistributor(ctx: AppContext, actor: PartnerActor): Promise<LinkRow> {
  return ctx.db.transaction(async (tx) => {
    const link = await findActiveLinkOfReseller(tx, actor.partnerId);
    if (!link) throw new AppError('memberships.no_distributor');
    const ended = await endLink(tx, link.id, ctx.clock.now(), 'exit');
    if (!ended) throw new AppError('memberships.no_distributor');
    for (const partnerId of [link.resellerId, link.distributorId]) {
      await ctx.audit.record(tx, actor, {
        action: 'reseller_link.ended',
        entityType: 'reseller_link',
        entityId: link.id,
        partnerId,
        before: { status: 'active' },
        after: {
          status: 'ended',
          reason: 'exit',
          distributorId: link.distributorId,
          resellerId: link.resellerId,
        },
      });
    }
    const resellerName = await nameOf(ctx, tx, actor.partnerId);
    await notifyPartnerAdmins(
      ctx,
      tx,
      link.distributorId,
      'memberships.reseller_exited',
      `rlnk-exit:${link.id}`,
      () => ({
        resellerName,
      }),
    );
    return ended;
  });
}

/** The daily job: pending invitations past their expiry become `expired`. Idempotent. */
export async function expireInvitations(ctx: AppContext, at: Date): Promise<number> {
  let n = 0;
  for (const inv of await listDueInvitations(ctx.db, at)) {
    await ctx.db.transaction(async (tx) => {
      const done = await respondInvitation(tx, inv.id, 'expired', at);
      if (!done) return;
      n++;
      for (const partnerId of [inv.distributorId, inv.resellerId]) {
        await ctx.audit.record(tx, systemActor(), {
          action: 'reseller_invitation.expired',
          entityType: 'reseller_invitation',
          entityId: inv.id,
          partnerId,
          before: { status: 'pending' },
          after: { status: 'expired' },
        });
      }
    });
  }
  return n;
}

export interface InvitationView {
  id: string;
  distributorId: string;
  distributorName: string;
  resellerId: string;
  resellerName: string;
  email: string;
  message: string;
  /** `expired` also when the job has not yet marked it. */
  status: string;
  expiresAt: string;
  respondedAt: string | null;
  createdAt: string;
}

async function viewInvitations(ctx: AppContext, rows: InvitationRow[]): Promise<InvitationView[]> {
  const names = await partnersByIds(
    ctx,
    rows.flatMap((r) => [r.distributorId, r.resellerId]),
  );
  const now = ctx.clock.now();
  return rows.map((r) => ({
    id: r.id,
    distributorId: r.distributorId,
    distributorName: names.get(r.distributorId)?.name ?? r.distributorId,
    resellerId: r.resellerId,
    resellerName: names.get(r.resellerId)?.name ?? r.resellerId,
    email: r.email,
    message: r.message,
    status: r.status === 'pending' && r.expiresAt <= now ? 'expired' : r.status,
    expiresAt: r.expiresAt.toISOString(),
    respondedAt: r.respondedAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
  }));
}

export async function receivedInvitations(ctx: AppContext, partnerId: string): Promise<InvitationView[]> {
  return viewInvitations(ctx, await listInvitations(ctx.db, { resellerId: partnerId }));
}

export async function sentInvitations(ctx: AppContext, partnerId: string): Promise<InvitationView[]> {
  return viewInvitations(ctx, await listInvitations(ctx.db, { distributorId: partnerId }));
}

export interface ResellerView {
  linkId: string;
  resellerId: string;
  resellerName: string;
  status: string;
  startedAt: string;
  endedAt: string | null;
  endReason: string | null;
  /** Performance (fen) this year and last year, Asia/Shanghai. */
  thisYearFen: number;
  lastYearFen: number;
}

/** R2: the distributor's resellers (current and former) and each one's performance. */
export async function resellersOf(ctx: AppContext, distributorId: string): Promise<ResellerView[]> {
  const links = await listLinksOfDistributor(ctx.db, distributorId);
  const ids = links.map((l) => l.resellerId);
  const [names, perf] = await Promise.all([partnersByIds(ctx, ids), listPerformance(ctx.db, ids)]);
  const year = businessYear(ctx.clock.now());
  const amount = (pid: string, y: number) =>
    perf.find((p) => p.partnerId === pid && p.year === y)?.amountFen ?? 0;
  return links.map((l) => ({
    linkId: l.id,
    resellerId: l.resellerId,
    resellerName: names.get(l.resellerId)?.name ?? l.resellerId,
    status: l.status,
    startedAt: l.startedAt.toISOString(),
    endedAt: l.endedAt?.toISOString() ?? null,
    endReason: l.endReason,
    thisYearFen: amount(l.resellerId, year),
    lastYearFen: amount(l.resellerId, year - 1),
  }));
}

/** The partner's current distributor, if any. */
export async function currentDistributor(
  ctx: AppContext,
  partnerId: string,
): Promise<{ id: string; name: string; since: string } | null> {
  const link = await findActiveLinkOfReseller(ctx.db, partnerId);
  if (!link) return null;
  return {
    id: link.distributorId,
    name: await nameOf(ctx, ctx.db, link.distributorId),
    since: link.startedAt.toISOString(),
  };
}

export async function assertIsDistributor(ctx: AppContext, partnerId: string): Promise<void> {
  await assertDistributor(ctx.db, partnerId);
}

/** The ids of the distributor's active resellers (customer lists and the partner API act on them). */
export async function activeResellerIdsOf(db: DbOrTx, distributorId: string): Promise<string[]> {
  return (await listLinksOfDistributor(db, distributorId))
    .filter((l) => l.status === 'active')
    .map((l) => l.resellerId);
}

/** The reseller's active distributor id, if any. */
export async function activeDistributorIdOf(db: DbOrTx, resellerId: string): Promise<string | null> {
  return (await findActiveLinkOfReseller(db, resellerId))?.distributorId ?? null;
}
