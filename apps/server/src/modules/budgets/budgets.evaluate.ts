import type { DbOrTx } from '@pc/db';
import { type AppContext, type NotifyInput, systemActor } from '../../platform/context.ts';
import { newId } from '../../platform/ids/ids.ts';
import { fenToYuan } from '../../platform/money/money.ts';
import { findCustomer } from '../customers/customers.repository.ts';
import { liftPurchaseRestriction, restrictPurchases } from '../customers/customers.restriction.ts';
import { emitEvent } from '../events/events.service.ts';
import type { SpendApplied } from '../spend/index.ts';
import { spendInCycle } from '../spend/spend.repository.ts';
import { recipientMessages } from './budgets.notify.ts';
import { monthStartOf, periodKeyAt, reachedThresholds } from './budgets.periods.ts';
import { type BudgetRow, insertAlert, lockBudgets, setUsedBulk, updateBudget } from './budgets.repository.ts';

/** What one accepted batch added for one customer. */

/**
 * Budget side of an ingested batch, inside its transaction: locks the customers' budgets, brings
 * monthly ones into the current Asia/Shanghai month if the rollover job has not run yet, sets the
 * used amount and announces every threshold crossed. One evaluation per customer per batch.
 */
export async function applySpendToBudgets(
  ctx: AppContext,
  tx: DbOrTx,
  applied: SpendApplied[],
): Promise<void> {
  if (applied.length === 0) return;
  const byCustomer = new Map(applied.map((a) => [a.customerId, a]));
  const budgets = await lockBudgets(tx, [...byCustomer.keys()]);
  const now = ctx.clock.now();
  const quiet: { customerId: string; usedFen: number }[] = [];
  const outbox: NotifyInput[] = [];
  for (let budget of budgets) {
    const a = byCustomer.get(budget.customerId);
    if (!a) continue;
    let used: number;
    let lastRecord: string | null = null;
    let rolled = false;
    if (budget.budgetType === 'MONTHLY') {
      if (budget.periodKey !== periodKeyAt('MONTHLY', now)) {
        budget = await rollOver(ctx, tx, budget, now);
        rolled = true;
      }
      const total = a.totals.get(budget.periodKey);
      used = total ?? budget.usedFen;
      if (total !== undefined) {
        lastRecord = latest(a.records.filter((r) => r.spentAt >= budget.periodStart))?.recordId ?? null;
      }
    } else {
      const counted = a.records.filter((r) => r.spentAt >= budget.periodStart);
      used = budget.usedFen + counted.reduce((s, r) => s + r.amountFen, 0);
      lastRecord = latest(counted)?.recordId ?? null;
    }
    if (used === budget.usedFen && !rolled) continue;
    if (!rolled && reachedThresholds(used, budget.amountFen).every((t) => budget.alerted.includes(t))) {
      quiet.push({ customerId: budget.customerId, usedFen: used });
      continue;
    }
    await settleUsage(ctx, tx, budget, used, lastRecord, outbox);
  }
  // Budgets that reached no new threshold: their usage in one statement.
  await setUsedBulk(tx, quiet, now);
  // Every recipient's SMS and email of the batch's alerts: one insert of records, one of jobs.
  await ctx.notifier.notifyMany(tx, outbox);
}

function latest<T extends { spentAt: Date }>(rows: T[]): T | undefined {
  let best: T | undefined;
  for (const r of rows) if (!best || r.spentAt >= best.spentAt) best = r;
  return best;
}

/**
 * Starts the current month for a monthly budget: usage from the month's totals, thresholds re-armed,
 * the budget restriction lifted. The caller holds the budget row lock.
 */
export async function rollOver(
  ctx: AppContext,
  tx: DbOrTx,
  budget: BudgetRow,
  now: Date,
): Promise<BudgetRow> {
  const periodKey = periodKeyAt('MONTHLY', now);
  const used = await spendInCycle(tx, budget.customerId, periodKey);
  if (budget.restrictedAt) await lift(ctx, tx, budget, now, 'period_rollover');
  const next = await updateBudget(tx, budget.customerId, {
    periodKey,
    periodStart: monthStartOf(now),
    usedFen: used,
    alerted: [],
    generation: budget.generation + 1,
    restrictedAt: null,
    updatedAt: now,
  });
  await ctx.audit.record(tx, systemActor(), {
    action: 'budget.period_started',
    entityType: 'budget',
    entityId: budget.customerId,
    partnerId: budget.partnerId,
    before: { periodKey: budget.periodKey, usedFen: budget.usedFen, alerted: budget.alerted },
    after: { periodKey, usedFen: used },
  });
  return next;
}

/** Lifts the customer's budget restriction and says so (event); the caller updates the budget row. */
export async function lift(
  ctx: AppContext,
  tx: DbOrTx,
  budget: Pick<BudgetRow, 'customerId' | 'partnerId'>,
  now: Date,
  reason: 'period_rollover' | 'manual' | 'budget_changed' | 'budget_deleted',
): Promise<void> {
  await liftPurchaseRestriction(tx, budget.customerId, now);
  const customer = await findCustomer(tx, budget.customerId);
  await emitEvent(ctx, tx, {
    partnerId: budget.partnerId,
    subjectId: budget.customerId,
    type: 'budget.unrestricted',
    data: { customer_id: customer?.domainId ?? null, reason },
  });
}

/**
 * Records `used` on the budget and announces each threshold it reaches for the first time this
 * period (and generation): the alert row (its unique key forbids a second one), SMS and email to
 * every recipient, the event, and at 100 % with automatic restriction the customer's restriction.
 * The caller holds the budget row lock.
 */
export async function settleUsage(
  ctx: AppContext,
  tx: DbOrTx,
  budget: BudgetRow,
  used: number,
  recordId: string | null,
  /** Collects the alert messages for the caller to queue in bulk; queued here when absent. */
  outbox?: NotifyInput[],
): Promise<BudgetRow> {
  const now = ctx.clock.now();
  const messages: NotifyInput[] = outbox ?? [];
  const fresh = reachedThresholds(used, budget.amountFen).filter((t) => !budget.alerted.includes(t));
  let restrictedAt = budget.restrictedAt;
  if (fresh.length > 0) {
    const customer = await findCustomer(tx, budget.customerId);
    const customerInfo = {
      id: budget.customerId,
      domainId: customer?.domainId ?? budget.customerId,
      name: customer?.name ?? customer?.domainName ?? budget.customerId,
    };
    for (const threshold of fresh) {
      const restricts = threshold === 100 && budget.frozenOperateType === 1;
      const alert = await insertAlert(tx, {
        id: newId('bal', now.getTime()),
        customerId: budget.customerId,
        partnerId: budget.partnerId,
        periodKey: budget.periodKey,
        generation: budget.generation,
        threshold,
        usedFen: used,
        budgetFen: budget.amountFen,
        recordId,
        restricted: restricts ? 1 : 0,
        createdAt: now,
      });
      if (!alert) continue; // announced already (the row lock makes this rare; the key makes it safe)
      messages.push(...(await recipientMessages(tx, { budget, alert, customer: customerInfo, restricts })));
      const data = {
        customer_id: customerInfo.domainId,
        threshold,
        used_amount: Number(fenToYuan(used)),
        budget_amount: Number(fenToYuan(budget.amountFen)),
        budget_type: budget.budgetType,
        period: budget.periodKey,
        record_id: recordId,
      };
      await emitEvent(ctx, tx, {
        partnerId: budget.partnerId,
        subjectId: budget.customerId,
        type: 'budget.threshold_crossed',
        data,
      });
      if (restricts && !restrictedAt) {
        await restrictPurchases(tx, budget.customerId, now, {
          freezeResources: budget.freezeResources === 1,
        });
        restrictedAt = now;
        await emitEvent(ctx, tx, {
          partnerId: budget.partnerId,
          subjectId: budget.customerId,
          type: 'budget.restricted',
          data: { ...data, freeze_resources: budget.freezeResources === 1 },
        });
        await ctx.audit.record(tx, systemActor(), {
          action: 'budget.restricted',
          entityType: 'customer',
          entityId: budget.customerId,
          partnerId: budget.partnerId,
          after: { threshold, usedFen: used, budgetFen: budget.amountFen, recordId },
        });
      }
    }
  }
  if (!outbox) await ctx.notifier.notifyMany(tx, messages);
  const alerted = [...new Set([...budget.alerted, ...fresh])].sort((x, y) => x - y);
  return updateBudget(tx, budget.customerId, { usedFen: used, alerted, restrictedAt, updatedAt: now });
}

/** Re-exported for the rollover job: locks and rolls one budget if its month is over. */
export async function rollOverIfDue(
  ctx: AppContext,
  tx: DbOrTx,
  customerId: string,
  now: Date,
): Promise<boolean> {
  const [budget] = await lockBudgets(tx, [customerId]);
  if (budget?.budgetType !== 'MONTHLY' || budget.periodKey === periodKeyAt('MONTHLY', now)) return false;
  const rolled = await rollOver(ctx, tx, budget, now);
  await settleUsage(ctx, tx, rolled, rolled.usedFen, null);
  return true;
}
