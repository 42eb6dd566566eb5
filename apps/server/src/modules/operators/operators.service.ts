import type { Tx } from '@pc/db';
import type { Actor, AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors/errors.ts';
import {
  findOperator,
  listOperatorAccounts,
  lockActiveAdmins,
  type OperatorAccount,
  setOperatorRoles,
  setOperatorStatus,
  type UserRow,
} from '../identity/index.ts';
import { pendingInvitationViews } from './invitations.service.ts';
import type { OperatorView } from './operators.schemas.ts';

function viewOf(u: UserRow, lastSignInAt: Date | null): OperatorView {
  return {
    id: u.id,
    name: u.name,
    email: u.email,
    roles: u.roles,
    status: u.status === 'active' ? 'active' : 'disabled',
    lastSignInAt: lastSignInAt?.toISOString() ?? null,
    createdAt: u.createdAt.toISOString(),
  };
}

/** Every operator with status and last sign-in, and the invitations not yet accepted. */
export async function listOperators(ctx: AppContext) {
  const accounts: OperatorAccount[] = await listOperatorAccounts(ctx.db);
  return {
    operators: accounts.map((a) => viewOf(a, a.lastSignInAt)),
    invitations: await pendingInvitationViews(ctx),
  };
}

const isActiveAdmin = (u: UserRow) => u.status === 'active' && u.roles.includes('admin');

/**
 * Runs a change of one operator under the administrators' lock, refusing it when it would leave no
 * active administrator. The lock is taken before the operator is read, so two administrators who
 * disable each other at the same moment are decided one after the other: the second is refused.
 */
async function changeOperator(
  ctx: AppContext,
  id: string,
  next: (u: UserRow) => { roles: string[]; status: string },
  apply: (tx: Tx, u: UserRow) => Promise<UserRow>,
) {
  return ctx.db.transaction(async (tx) => {
    const admins = await lockActiveAdmins(tx);
    const user = await findOperator(tx, id);
    if (!user) throw new AppError('operators.not_found');
    const after = next(user);
    const staysAdmin = after.status === 'active' && after.roles.includes('admin');
    if (isActiveAdmin(user) && !staysAdmin && admins.filter((a) => a !== id).length === 0) {
      throw new AppError('operators.last_admin');
    }
    const updated = await apply(tx, user);
    const account = (await listOperatorAccounts(tx)).find((a) => a.id === id);
    return viewOf(updated, account?.lastSignInAt ?? null);
  });
}

export function changeRoles(ctx: AppContext, actor: Actor, id: string, roles: string[]) {
  return changeOperator(
    ctx,
    id,
    (u) => ({ roles, status: u.status }),
    async (tx, u) => (sameRoles(u.roles, roles) ? u : setOperatorRoles(ctx, tx, actor, u, [...roles].sort())),
  );
}

/** Disables (ending every session of theirs at once) or re-enables an operator. */
export function changeStatus(ctx: AppContext, actor: Actor, id: string, status: 'active' | 'inactive') {
  return changeOperator(
    ctx,
    id,
    (u) => ({ roles: u.roles, status }),
    async (tx, u) => (u.status === status ? u : setOperatorStatus(ctx, tx, actor, u, status)),
  );
}

const sameRoles = (a: string[], b: string[]) => a.length === b.length && a.every((r) => b.includes(r));
