import type { DbOrTx } from '@pc/db';
import type { Actor, AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors/errors.ts';
import { findChain, upsertChain } from './countersign.repository.ts';
import { BILL_KINDS, type BillKind } from './countersign.schemas.ts';

export interface ChainStep {
  approver: 'partner' | 'ecosystem_manager' | 'reviewer' | 'finance' | 'admin';
  label: { 'zh-CN': string; 'en-US': string };
}

/** Until an operator sets one: the partner confirms, then the provider's business owner, then finance. */
export const DEFAULT_CHAIN: readonly ChainStep[] = [
  { approver: 'partner', label: { 'zh-CN': '伙伴确认', 'en-US': 'Partner confirmation' } },
  { approver: 'ecosystem_manager', label: { 'zh-CN': '业务负责人审批', 'en-US': 'Business owner approval' } },
  { approver: 'finance', label: { 'zh-CN': '财务审批', 'en-US': 'Finance approval' } },
];

export async function chainOf(
  db: DbOrTx,
  kind: string,
): Promise<{ steps: ChainStep[]; updatedAt: Date | null }> {
  const row = await findChain(db, kind);
  return row
    ? { steps: row.steps as ChainStep[], updatedAt: row.updatedAt }
    : { steps: [...DEFAULT_CHAIN], updatedAt: null };
}

export async function listChains(ctx: AppContext) {
  const items = await Promise.all(
    BILL_KINDS.map(async (kind) => {
      const c = await chainOf(ctx.db, kind);
      return { kind, steps: c.steps, updatedAt: c.updatedAt?.toISOString() ?? null };
    }),
  );
  return { items };
}

/** A new chain applies to rounds started after it; bills under way keep the steps they were given. */
export async function setChain(ctx: AppContext, actor: Actor, kind: BillKind, steps: ChainStep[]) {
  const seen = new Set(steps.map((s) => s.approver));
  if (seen.size !== steps.length)
    throw new AppError('countersign.invalid_chain', { reason: 'duplicate approver' });
  return ctx.db.transaction(async (tx) => {
    const before = await chainOf(tx, kind);
    const now = ctx.clock.now();
    await upsertChain(tx, { kind, steps, updatedBy: actor.id, updatedAt: now });
    await ctx.audit.record(tx, actor, {
      action: 'countersign.chain_changed',
      entityType: 'countersign_chain',
      entityId: kind,
      before: before.steps,
      after: steps,
    });
    return { kind, steps, updatedAt: now.toISOString() };
  });
}
