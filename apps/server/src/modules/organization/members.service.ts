import type { Actor, AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors/errors.ts';
import {
  findPartnerUser,
  listPartnerUsers,
  setPartnerUserRoles,
  setPartnerUserStatus,
} from '../identity/partner-users.service.ts';
import type { UserRow } from '../identity/users.service.ts';
import './organization.errors.ts';
import { listProfiles, listQualificationsOfPartner, lockOrganization } from './organization.repository.ts';
import { businessDate, normalizeRoles } from './organization.rules.ts';
import { memberView } from './organization.views.ts';

type PartnerActor = Actor & { id: string; partnerId: string };

/** Every user of the partner with employment and qualification counts; optionally one role only. */
export async function listMembers(ctx: AppContext, partnerId: string, opts: { role?: string } = {}) {
  const [users, profiles, records] = await Promise.all([
    listPartnerUsers(ctx, partnerId),
    listProfiles(ctx.db, partnerId),
    listQualificationsOfPartner(ctx.db, partnerId),
  ]);
  const today = businessDate(ctx.clock.now());
  const byUser = new Map(profiles.map((p) => [p.userId, p]));
  return {
    items: users
      .filter((u) => !opts.role || u.roles.includes(opts.role))
      .map((u) =>
        memberView(
          u,
          byUser.get(u.id),
          records.filter((r) => r.userId === u.id),
          today,
        ),
      ),
  };
}

async function memberOf(ctx: AppContext, partnerId: string, userId: string, db = ctx.db): Promise<UserRow> {
  const u = await findPartnerUser(db, partnerId, userId);
  if (!u) throw new AppError('organization.member_not_found');
  return u;
}

const isActiveAdmin = (u: UserRow) => u.status === 'active' && u.roles.includes('admin');

async function assertAnotherAdmin(ctx: AppContext, partnerId: string, userId: string, db = ctx.db) {
  const others = (await listPartnerUsers(ctx, partnerId, db)).filter(
    (u) => u.id !== userId && isActiveAdmin(u),
  );
  if (others.length === 0) throw new AppError('organization.last_admin');
}

async function viewOne(ctx: AppContext, partnerId: string, userId: string) {
  const { items } = await listMembers(ctx, partnerId);
  const v = items.find((m) => m.id === userId);
  if (!v) throw new AppError('organization.member_not_found');
  return v;
}

/** Assigns roles: administrator or member, with or without project specialist. */
export async function setMemberRoles(ctx: AppContext, actor: PartnerActor, userId: string, roles: string[]) {
  const next = normalizeRoles(roles);
  await ctx.db.transaction(async (tx) => {
    await lockOrganization(tx, actor.partnerId);
    const u = await memberOf(ctx, actor.partnerId, userId, tx);
    if (isActiveAdmin(u) && !next.includes('admin')) await assertAnotherAdmin(ctx, actor.partnerId, u.id, tx);
    if (u.roles.join() === next.join()) return;
    await setPartnerUserRoles(ctx, tx, actor, u, next);
  });
  return viewOne(ctx, actor.partnerId, userId);
}

/** Deactivating stops a member signing in (their sessions end at once); reactivating restores it. */
export async function setMemberActive(ctx: AppContext, actor: PartnerActor, userId: string, active: boolean) {
  await ctx.db.transaction(async (tx) => {
    await lockOrganization(tx, actor.partnerId);
    const u = await memberOf(ctx, actor.partnerId, userId, tx);
    if (!active && u.id === actor.id) throw new AppError('organization.self_deactivate');
    if (!active && isActiveAdmin(u)) await assertAnotherAdmin(ctx, actor.partnerId, u.id, tx);
    const status = active ? 'active' : 'inactive';
    if (u.status === status) return;
    await setPartnerUserStatus(ctx, tx, actor, u, status);
  });
  return viewOne(ctx, actor.partnerId, userId);
}

export { memberOf };
