import type { Actor, AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors/errors.ts';
import { operatorsWithRoles, usersByIds } from '../identity/index.ts';
import { getPartner } from '../partners/index.ts';
import { notifyPartnerAdmins } from './memberships.notify.ts';
import { findManager, upsertManager } from './memberships.repository.ts';

export interface ManagerContact {
  id: string;
  name: string;
  email: string;
  phone: string | null;
}

/** Every partner sees its ecosystem manager's contact (R5). */
export async function managerContact(ctx: AppContext, partnerId: string): Promise<ManagerContact | null> {
  const m = await findManager(ctx.db, partnerId);
  if (!m) return null;
  const [u] = await usersByIds(ctx, [m.managerId]);
  return u ? { id: u.id, name: u.name, email: u.email, phone: u.phone } : null;
}

export async function listEcosystemManagers(ctx: AppContext): Promise<ManagerContact[]> {
  const ops = await operatorsWithRoles(ctx, ['ecosystem_manager']);
  return ops.map((u) => ({ id: u.id, name: u.name, email: u.email, phone: u.phone }));
}

/** An operator admin assigns (or changes) the partner's ecosystem manager; the partner is told. */
export async function assignManager(
  ctx: AppContext,
  actor: Actor,
  partnerId: string,
  managerId: string,
): Promise<ManagerContact> {
  if (!(await getPartner(ctx, partnerId))) throw new AppError('common.not_found');
  return ctx.db.transaction(async (tx) => {
    const [u] = await usersByIds(ctx, [managerId], tx);
    if (u?.userType !== 'operator' || u.status !== 'active' || !u.roles.includes('ecosystem_manager')) {
      throw new AppError('memberships.not_ecosystem_manager');
    }
    const before = await findManager(tx, partnerId);
    if (before?.managerId === managerId) return { id: u.id, name: u.name, email: u.email, phone: u.phone };
    const now = ctx.clock.now();
    await upsertManager(tx, { partnerId, managerId, assignedAt: now });
    await ctx.audit.record(tx, actor, {
      action: 'ecosystem_manager.assigned',
      entityType: 'partner',
      entityId: partnerId,
      partnerId,
      before: before ? { managerId: before.managerId } : null,
      after: { managerId },
    });
    await notifyPartnerAdmins(
      ctx,
      tx,
      partnerId,
      'memberships.manager_assigned',
      `mgr:${partnerId}:${managerId}:${now.getTime()}`,
      (l) => ({
        managerName: u.name,
        managerEmail: u.email,
        managerPhone: u.phone ?? (l === 'zh-CN' ? '未提供' : 'not given'),
      }),
    );
    return { id: u.id, name: u.name, email: u.email, phone: u.phone };
  });
}
