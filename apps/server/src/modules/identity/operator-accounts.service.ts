import { type DbOrTx, schema } from '@pc/db';
import { and, asc, eq, inArray, max, sql } from 'drizzle-orm';
import type { Actor, AppContext } from '../../platform/context.ts';
import { findUserById, revokeOtherSessions, type UserRow, updateUser } from './identity.repository.ts';

const { users, sessions } = schema;

/** Identity's side of operator management (the operators module): operator accounts and their sessions. */

export interface OperatorAccount extends UserRow {
  lastSignInAt: Date | null;
}

/** Every operator (active or not), oldest first, with the time of their last sign-in. */
export async function listOperatorAccounts(db: DbOrTx): Promise<OperatorAccount[]> {
  const rows = await db
    .select()
    .from(users)
    .where(eq(users.userType, 'operator'))
    .orderBy(asc(users.createdAt), asc(users.id));
  if (!rows.length) return [];
  const last = await db
    .select({ userId: sessions.userId, at: max(sessions.createdAt) })
    .from(sessions)
    .where(
      inArray(
        sessions.userId,
        rows.map((r) => r.id),
      ),
    )
    .groupBy(sessions.userId);
  const at = new Map(last.map((l) => [l.userId, l.at]));
  return rows.map((r) => ({ ...r, lastSignInAt: at.get(r.id) ?? null }));
}

/** One operator, or undefined when the id is anyone else's. */
export async function findOperator(db: DbOrTx, id: string): Promise<UserRow | undefined> {
  const u = await findUserById(db, id);
  return u?.userType === 'operator' ? u : undefined;
}

/**
 * Locks and returns the ids of the active operator administrators. Every change that could leave
 * no administrator takes this lock first, so two of them running at once are decided one after
 * the other (PostgreSQL re-reads a locked row that changed before handing it over).
 */
export async function lockActiveAdmins(tx: DbOrTx): Promise<string[]> {
  const rows = await tx
    .select({ id: users.id })
    .from(users)
    .where(
      and(eq(users.userType, 'operator'), eq(users.status, 'active'), sql`'admin' = any(${users.roles})`),
    )
    .orderBy(asc(users.id))
    .for('update');
  return rows.map((r) => r.id);
}

/** Replaces an operator's roles in the caller's transaction and audits the change. */
export async function setOperatorRoles(
  ctx: AppContext,
  tx: DbOrTx,
  actor: Actor,
  user: UserRow,
  roles: string[],
): Promise<UserRow> {
  const updated = await updateUser(tx, user.id, { roles, updatedAt: ctx.clock.now() });
  await ctx.audit.record(tx, actor, {
    action: 'operator.roles_changed',
    entityType: 'user',
    entityId: user.id,
    before: { roles: user.roles },
    after: { roles: updated.roles },
  });
  return updated;
}

/**
 * Disables or re-enables an operator and audits it. Disabling revokes every session of theirs, so
 * re-enabling later does not bring an old cookie back to life.
 */
export async function setOperatorStatus(
  ctx: AppContext,
  tx: DbOrTx,
  actor: Actor,
  user: UserRow,
  status: 'active' | 'inactive',
): Promise<UserRow> {
  const now = ctx.clock.now();
  const updated = await updateUser(tx, user.id, { status, updatedAt: now });
  const ended = status === 'inactive' ? await revokeOtherSessions(tx, user.id, null, now) : 0;
  await ctx.audit.record(tx, actor, {
    action: status === 'active' ? 'operator.enabled' : 'operator.disabled',
    entityType: 'user',
    entityId: user.id,
    before: { status: user.status },
    after: { status, ...(status === 'inactive' ? { sessionsEnded: ended } : {}) },
  });
  return updated;
}
