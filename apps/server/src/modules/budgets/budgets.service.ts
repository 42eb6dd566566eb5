import type { DbOrTx } from '@pc/db';
import type { Actor, AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors/errors.ts';
import { newId } from '../../platform/ids/ids.ts';
import {
  findCustomer,
  requireManagedCustomer,
  requireVisibleCustomer,
  resolveActingPartner,
} from '../customers/index.ts';
import { emitEvent } from '../events/index.ts';
import { spendInCycle } from '../spend/index.ts';
import { lift, rollOver, settleUsage } from './budgets.evaluate.ts';
import {
  type BudgetType,
  monthStartOf,
  PACKAGE_PERIOD,
  periodKeyAt,
  reachedThresholds,
} from './budgets.periods.ts';
import {
  type BudgetRow,
  deleteBudgetRow,
  findBudget,
  findBudgets,
  insertBudget,
  insertBudgetRecord,
  lockBudgetOf,
  lockBudgets,
  nextAlertGeneration,
  updateBudget,
} from './budgets.repository.ts';

/** The customer a budget call is about, once access is checked. */
export interface BudgetTarget {
  /** customers.id */
  customerId: string;
  domainId: string;
  name: string;
  /** The partner managing the customer (its active association): owner of budget and recipients. */
  partnerId: string;
  /** `referral` | `resale`: the partner API sets budgets on resale customers only. */
  associationType: string;
  restrictedAt: Date | null;
}

/** Portal: a customer (customers.id) the signed-in partner sees; otherwise not found. */
export async function portalTarget(
  ctx: AppContext,
  partnerId: string,
  customerId: string,
): Promise<BudgetTarget> {
  const found = await findCustomer(ctx.db, customerId);
  const { customer, association } = await requireVisibleCustomer(ctx.db, partnerId, found);
  return {
    customerId: customer.id,
    domainId: customer.domainId,
    name: customer.name,
    partnerId: association.partnerId,
    associationType: association.type,
    restrictedAt: customer.purchaseRestrictedAt,
  };
}

/** Partner API: the acting partner (CBC.99000037) and its customer by domain id (CBC.99000035). */
export async function apiTarget(
  ctx: AppContext,
  callerPartnerId: string,
  indirectPartnerId: string | undefined,
  customerDomainId: string,
): Promise<BudgetTarget> {
  const acting = await resolveActingPartner(ctx.db, callerPartnerId, indirectPartnerId);
  const { customer, association } = await requireManagedCustomer(ctx.db, acting, customerDomainId);
  return {
    customerId: customer.id,
    domainId: customer.domainId,
    name: customer.name,
    partnerId: association.partnerId,
    associationType: association.type,
    restrictedAt: customer.purchaseRestrictedAt,
  };
}

export interface BudgetState {
  amountFen: number;
  usedFen: number;
  budgetType: BudgetType;
  frozenOperateType: number;
  freezeResources: boolean;
  periodKey: string;
  periodStart: Date;
  alerted: number[];
  restrictedAt: Date | null;
  updatedAt: Date;
}

/**
 * The budget as of now. A monthly budget whose month ended before the rollover job ran shows the
 * new month (usage from the month's totals, nothing announced yet) without writing.
 */
async function stateOf(db: DbOrTx, row: BudgetRow, now: Date): Promise<BudgetState> {
  const base = {
    amountFen: row.amountFen,
    usedFen: row.usedFen,
    budgetType: row.budgetType as BudgetType,
    frozenOperateType: row.frozenOperateType,
    freezeResources: row.freezeResources === 1,
    periodKey: row.periodKey,
    periodStart: row.periodStart,
    alerted: row.alerted,
    restrictedAt: row.restrictedAt,
    updatedAt: row.updatedAt,
  };
  const period = periodKeyAt(row.budgetType, now);
  if (row.budgetType !== 'MONTHLY' || row.periodKey === period) return base;
  return {
    ...base,
    periodKey: period,
    periodStart: monthStartOf(now),
    usedFen: await spendInCycle(db, row.customerId, period),
    alerted: [],
    restrictedAt: null,
  };
}

export async function getBudget(ctx: AppContext, target: BudgetTarget): Promise<BudgetState | null> {
  const row = await findBudget(ctx.db, target.customerId);
  return row ? stateOf(ctx.db, row, ctx.clock.now()) : null;
}

/** Budgets of several customers (customers.id → state). */
export async function getBudgets(ctx: AppContext, customerIds: string[]): Promise<Map<string, BudgetState>> {
  const now = ctx.clock.now();
  const out = new Map<string, BudgetState>();
  for (const row of await findBudgets(ctx.db, customerIds))
    out.set(row.customerId, await stateOf(ctx.db, row, now));
  return out;
}

/** The customer's spend in the current Asia/Shanghai month (used amount when there is no budget). */
export function monthSpend(ctx: AppContext, customerId: string): Promise<number> {
  return spendInCycle(ctx.db, customerId, periodKeyAt('MONTHLY', ctx.clock.now()));
}

export interface SetBudgetInput {
  amountFen: number;
  budgetType: BudgetType;
  /** 0 manual; 1 restrict purchases automatically at 100 %. Unchanged when undefined (0 for a new budget). */
  frozenOperateType?: 0 | 1;
  /** Also freeze resources when restricting; unchanged when undefined. */
  freezeResources?: boolean;
  /** Lift a budget restriction in place now (the API's `cancel_partner_frozen` "1"). */
  cancelRestriction: boolean;
}

/**
 * Sets (creates or changes) the budget. A new budget, or a change of type, starts a period: the
 * current month (monthly, counting the month's spend so far) or now (one-time). Raising the amount
 * re-arms the thresholds above the current usage (a new generation; those still reached stay
 * announced); lowering may cross at once — evaluated before returning, alerts included.
 */
export async function setBudget(
  ctx: AppContext,
  actor: Actor,
  target: BudgetTarget,
  input: SetBudgetInput,
  operator: string,
): Promise<BudgetState> {
  return ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    await lockBudgetOf(tx, target.customerId);
    let [row] = await lockBudgets(tx, [target.customerId]);
    const before = row ? { ...row } : null;
    if (!row || row.budgetType !== input.budgetType) {
      const periodKey = input.budgetType === 'MONTHLY' ? periodKeyAt('MONTHLY', now) : PACKAGE_PERIOD;
      const used = input.budgetType === 'MONTHLY' ? await spendInCycle(tx, target.customerId, periodKey) : 0;
      const fields = {
        partnerId: target.partnerId,
        amountFen: input.amountFen,
        budgetType: input.budgetType,
        frozenOperateType: input.frozenOperateType ?? row?.frozenOperateType ?? 0,
        freezeResources: input.freezeResources ? 1 : 0,
        periodKey,
        periodStart: input.budgetType === 'MONTHLY' ? monthStartOf(now) : now,
        usedFen: used,
        alerted: [] as number[],
        restrictedAt: row?.restrictedAt ?? null,
        updatedAt: now,
      };
      const generation = Math.max(
        row ? row.generation + 1 : 0,
        await nextAlertGeneration(tx, target.customerId, periodKey),
      );
      row = row
        ? await updateBudget(tx, target.customerId, { ...fields, generation })
        : await insertBudget(tx, { customerId: target.customerId, generation, ...fields });
    } else {
      if (row.budgetType === 'MONTHLY' && row.periodKey !== periodKeyAt('MONTHLY', now))
        row = await rollOver(ctx, tx, row, now);
      const raised = input.amountFen > row.amountFen;
      const stillReached = reachedThresholds(row.usedFen, input.amountFen);
      row = await updateBudget(tx, target.customerId, {
        partnerId: target.partnerId,
        amountFen: input.amountFen,
        frozenOperateType: input.frozenOperateType ?? row.frozenOperateType,
        freezeResources:
          input.freezeResources === undefined ? row.freezeResources : input.freezeResources ? 1 : 0,
        ...(raised
          ? { generation: row.generation + 1, alerted: row.alerted.filter((t) => stillReached.includes(t)) }
          : {}),
        updatedAt: now,
      });
    }
    if (input.cancelRestriction && (row.restrictedAt || target.restrictedAt)) {
      await lift(ctx, tx, row, now, 'budget_changed');
      row = await updateBudget(tx, target.customerId, { restrictedAt: null });
    }
    row = await settleUsage(ctx, tx, row, row.usedFen, null);
    await insertBudgetRecord(tx, {
      id: newId('bgr', now.getTime()),
      customerId: target.customerId,
      partnerId: target.partnerId,
      operationType: 'SETTING',
      budgetType: input.budgetType,
      amountFen: input.amountFen,
      operator,
      at: now,
    });
    await ctx.audit.record(tx, actor, {
      action: 'budget.set',
      entityType: 'budget',
      entityId: target.customerId,
      partnerId: target.partnerId,
      before,
      after: row,
    });
    await emitEvent(ctx, tx, {
      partnerId: target.partnerId,
      subjectId: target.customerId,
      type: 'budget.set',
      data: {
        customer_id: target.domainId,
        budget_amount: input.amountFen / 100,
        budget_type: input.budgetType,
        frozen_operate_type: input.frozenOperateType,
      },
    });
    return stateOf(tx, row, now);
  });
}

/** Removes the budget (recorded as DELETE) and lifts a restriction it caused. */
export async function deleteBudget(
  ctx: AppContext,
  actor: Actor,
  target: BudgetTarget,
  operator: string,
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const [row] = await lockBudgets(tx, [target.customerId]);
    if (!row) throw new AppError('budgets.not_found');
    if (row.restrictedAt || target.restrictedAt) await lift(ctx, tx, row, now, 'budget_deleted');
    await deleteBudgetRow(tx, target.customerId);
    await insertBudgetRecord(tx, {
      id: newId('bgr', now.getTime()),
      customerId: target.customerId,
      partnerId: target.partnerId,
      operationType: 'DELETE',
      budgetType: row.budgetType,
      amountFen: row.amountFen,
      operator,
      at: now,
    });
    await ctx.audit.record(tx, actor, {
      action: 'budget.deleted',
      entityType: 'budget',
      entityId: target.customerId,
      partnerId: target.partnerId,
      before: row,
    });
    await emitEvent(ctx, tx, {
      partnerId: target.partnerId,
      subjectId: target.customerId,
      type: 'budget.deleted',
      data: { customer_id: target.domainId, budget_type: row.budgetType },
    });
  });
}

/**
 * Lifts the budget restriction by hand. The 100 % threshold stays announced, so the customer is
 * not restricted again this period unless the budget is raised (which re-arms it).
 */
export async function liftRestriction(ctx: AppContext, actor: Actor, target: BudgetTarget): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const [row] = await lockBudgets(tx, [target.customerId]);
    if (!target.restrictedAt && !row?.restrictedAt) throw new AppError('budgets.not_restricted');
    if (row) {
      await lift(ctx, tx, row, now, 'manual');
      await updateBudget(tx, target.customerId, { restrictedAt: null, updatedAt: now });
    } else {
      // No budget any more but a restriction left: lift it all the same.
      await lift(ctx, tx, target, now, 'manual');
    }
    await ctx.audit.record(tx, actor, {
      action: 'budget.restriction_lifted',
      entityType: 'customer',
      entityId: target.customerId,
      partnerId: target.partnerId,
    });
  });
}
