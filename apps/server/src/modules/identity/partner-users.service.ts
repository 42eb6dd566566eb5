import './identity.errors.ts';
import { type DbOrTx, schema } from '@pc/db';
import { and, asc, eq, gt } from 'drizzle-orm';
import type { Actor, AppContext } from '../../platform/context.ts';
import { findUserByEmail, findUserById, type UserRow, updateUser } from './identity.repository.ts';
import { publicFields } from './users.service.ts';

const { users } = schema;

/** Every user of one partner (active or not), oldest first: the organization's member list. */
export function listPartnerUsers(
  ctx: AppContext,
  partnerId: string,
  db: DbOrTx = ctx.db,
): Promise<UserRow[]> {
  return db
    .select()
    .from(users)
    .where(and(eq(users.userType, 'partner'), eq(users.partnerId, partnerId)))
    .orderBy(asc(users.createdAt), asc(users.id));
}

/** One user of the partner, or undefined when the id belongs to anyone else. */
export async function findPartnerUser(
  db: DbOrTx,
  partnerId: string,
  userId: string,
): Promise<UserRow | undefined> {
  const u = await findUserById(db, userId);
  return u && u.userType === 'partner' && u.partnerId === partnerId ? u : undefined;
}

/** Whoever holds the address already (any site, any partner, operators too). */
export function userWithEmail(db: DbOrTx, email: string): Promise<UserRow | undefined> {
  return findUserByEmail(db, email);
}

/** Replaces a partner user's roles in the caller's transaction and audits the change. */
export async function setPartnerUserRoles(
  ctx: AppContext,
  tx: DbOrTx,
  actor: Actor,
  user: UserRow,
  roles: string[],
): Promise<UserRow> {
  const updated = await updateUser(tx, user.id, { roles, updatedAt: ctx.clock.now() });
  await ctx.audit.record(tx, actor, {
    action: 'user.roles_changed',
    entityType: 'user',
    entityId: user.id,
    partnerId: user.partnerId,
    before: { roles: user.roles },
    after: { roles: updated.roles },
  });
  return updated;
}

/** Active partner users of every partner, by id after `afterId`: for jobs that write to all members. */
export function pageActivePartnerUsers(db: DbOrTx, afterId: string, limit: number): Promise<UserRow[]> {
  return db
    .select()
    .from(users)
    .where(and(eq(users.userType, 'partner'), eq(users.status, 'active'), gt(users.id, afterId)))
    .orderBy(asc(users.id))
    .limit(limit);
}

/** Deactivates or reactivates a partner user; an inactive user's sessions stop working at once. */
export async function setPartnerUserStatus(
  ctx: AppContext,
  tx: DbOrTx,
  actor: Actor,
  user: UserRow,
  status: 'active' | 'inactive',
): Promise<UserRow> {
  const updated = await updateUser(tx, user.id, { status, updatedAt: ctx.clock.now() });
  await ctx.audit.record(tx, actor, {
    action: status === 'active' ? 'user.reactivated' : 'user.deactivated',
    entityType: 'user',
    entityId: user.id,
    partnerId: user.partnerId,
    before: { status: user.status },
    after: { status },
  });
  return updated;
}

export { publicFields };
