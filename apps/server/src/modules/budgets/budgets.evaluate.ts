import type { DbOrTx } from '@pc/db';
import { type SQL, sql } from 'drizzle-orm';
import { type AppContext, type AuditEntry, type NotifyInput, systemActor } from '../../platform/context.ts';
import { newId } from '../../platform/ids/ids.ts';
import { fenToYuan } from '../../platform/money/money.ts';
import {
  findCustomer,
  findCustomersByIds,
  liftPurchaseRestriction,
  restrictPurchasesMany,
} from '../customers/index.ts';
import { type EmitEventInput, emitEvent, emitEvents } from '../events/index.ts';
import type { SpendApplied } from '../spend/index.ts';
import { acceptedSince, acceptedTotals, spendInCycle } from '../spend/index.ts';
import { messagesTo } from './budgets.notify.ts';
import { monthStartOf, periodKeyAt, reachedThresholds } from './budgets.periods.ts';
import {
  type BudgetRow,
  insertAlerts,
  listRecipientsOf,
  lockBudgets,
  lockBudgetsOf,
  settleBudgetsBulk,
  setUsedBulk,
  updateBudget,
} from './budgets.repository.ts';

/** What one accepted batch added for one customer. */

/**
 * Budget side of an ingested batch (`accepted`: the spend event's relation), inside its transaction:
 * locks the budgets of the batch's customers (found in SQL: customers without a budget cost nothing
 * in Node), brings monthly ones into the current Asia/Shanghai month if the rollover job has not run
 * yet, sets the used amount and announces every threshold crossed. One evaluation per customer per batch.
 */
export async function applySpendToBudgets(ctx: AppContext, tx: DbOrTx, accepted: SQL): Promise<void> {
  const budgets = await lockBudgetsOf(tx, sql`select customer_id from ${accepted}`);
  if (budgets.length === 0) return;
  // Their customers' new totals of the cycles the batch touched (monthly budgets read theirs).
  const applied = await acceptedTotals(
    tx,
    accepted,
    budgets.map((b) => b.customerId),
  );
  const byCustomer = new Map<string, SpendApplied>(
    budgets.map((b) => [b.customerId, { customerId: b.customerId, totals: new Map() }]),
  );
  for (const a of applied) byCustomer.set(a.customerId, a);
  const now = ctx.clock.now();
  // Monthly budgets whose month is over start the current one first (rare: the rollover job's work).
  const current: { budget: BudgetRow; a: SpendApplied; rolled: boolean }[] = [];
  for (const budget of budgets) {
    const a = byCustomer.get(budget.customerId);
    if (!a) continue;
    if (budget.budgetType === 'MONTHLY' && budget.periodKey !== periodKeyAt('MONTHLY', now)) {
      current.push({ budget: await rollOver(ctx, tx, budget, now), a, rolled: true });
    } else current.push({ budget, a, rolled: false });
  }
  // Package budgets add the batch's records since their start (one query for all of them).
  const packages = await acceptedSince(
    tx,
    accepted,
    current
      .filter((c) => c.budget.budgetType !== 'MONTHLY')
      .map((c) => ({ customerId: c.budget.customerId, since: c.budget.periodStart })),
  );
  const quiet: { customerId: string; usedFen: number }[] = [];
  const settle: { budget: BudgetRow; used: number; recordId: string | null }[] = [];
  const needRecord: typeof settle = [];
  const outbox: NotifyInput[] = [];
  for (const { budget, a, rolled } of current) {
    let used: number;
    let lastRecord: string | null = null;
    let counted = false;
    if (budget.budgetType === 'MONTHLY') {
      const total = a.totals.get(budget.periodKey);
      used = total ?? budget.usedFen;
      counted = total !== undefined;
    } else {
      const since = packages.get(budget.customerId);
      used = budget.usedFen + (since?.amountFen ?? 0);
      lastRecord = since?.lastRecordId ?? null;
    }
    if (used === budget.usedFen && !rolled) continue;
    if (!rolled && reachedThresholds(used, budget.amountFen).every((t) => budget.alerted.includes(t))) {
      quiet.push({ customerId: budget.customerId, usedFen: used });
      continue;
    }
    const item = { budget, used, recordId: lastRecord };
    settle.push(item);
    if (counted) needRecord.push(item);
  }
  // The record that made a monthly budget cross: the latest of the batch in its month.
  const latestOf = await acceptedSince(
    tx,
    accepted,
    needRecord.map((i) => ({ customerId: i.budget.customerId, since: i.budget.periodStart })),
  );
  for (const i of needRecord) i.recordId = latestOf.get(i.budget.customerId)?.lastRecordId ?? null;
  // Budgets that reached no new threshold: their usage in one statement.
  await setUsedBulk(tx, quiet, now);
  // The others: their alerts, events and usage, a few statements for all of them.
  await settleMany(ctx, tx, settle, outbox);
  // Every recipient's SMS and email of the batch's alerts: one insert of records, one of jobs.
  await ctx.notifier.notifyMany(tx, outbox);
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
): Promise<BudgetRow> {
  const outbox: NotifyInput[] = [];
  const [after] = await settleMany(ctx, tx, [{ budget, used, recordId }], outbox);
  await ctx.notifier.notifyMany(tx, outbox);
  return after as BudgetRow;
}

/**
 * `settleUsage` for many budgets at once (one ingested batch): the customers, the new alert rows,
 * the recipients, the events and the budget updates each in one statement; only a restriction
 * (100 % with automatic restriction) costs statements of its own. The alert messages go to
 * `outbox` for the caller to queue in the same transaction. The caller holds the budget row locks.
 */
async function settleMany(
  ctx: AppContext,
  tx: DbOrTx,
  items: readonly { budget: BudgetRow; used: number; recordId: string | null }[],
  outbox: NotifyInput[],
): Promise<BudgetRow[]> {
  const now = ctx.clock.now();
  const plans = items.map((i) => ({
    ...i,
    fresh: reachedThresholds(i.used, i.budget.amountFen).filter((t) => !i.budget.alerted.includes(t)),
  }));
  const alerting = plans.filter((p) => p.fresh.length > 0);
  const alertingIds = alerting.map((p) => p.budget.customerId);
  const [customers, recipients, inserted] = alerting.length
    ? [
        await findCustomersByIds(tx, alertingIds),
        await listRecipientsOf(tx, alertingIds),
        await insertAlerts(
          tx,
          alerting.flatMap(({ budget, used, recordId, fresh }) =>
            fresh.map((threshold) => ({
              id: newId('bal', now.getTime()),
              customerId: budget.customerId,
              partnerId: budget.partnerId,
              periodKey: budget.periodKey,
              generation: budget.generation,
              threshold,
              usedFen: used,
              budgetFen: budget.amountFen,
              recordId,
              restricted: threshold === 100 && budget.frozenOperateType === 1 ? 1 : 0,
              createdAt: now,
            })),
          ),
        ),
      ]
    : [[], [], []];
  const customerById = new Map(customers.map((c) => [c.id, c]));
  const recipientsOf = new Map<string, typeof recipients>();
  for (const r of recipients) {
    const key = `${r.customerId} ${r.partnerId}`;
    recipientsOf.set(key, [...(recipientsOf.get(key) ?? []), r]);
  }
  // Announced already (the row lock makes this rare; the alerts' unique key makes it safe): skipped.
  const isNew = new Map(inserted.map((a) => [`${a.customerId} ${a.threshold}`, a]));
  const events: EmitEventInput[] = [];
  const after: BudgetRow[] = [];
  // Restrictions at 100 % with automatic restriction: the customers and their audit rows, one statement each.
  const restrictions: { customerId: string; freezeResources: boolean }[] = [];
  const audits: AuditEntry[] = [];
  for (const { budget, used, recordId, fresh } of plans) {
    let restrictedAt = budget.restrictedAt;
    const customer = customerById.get(budget.customerId);
    const customerInfo = {
      id: budget.customerId,
      domainId: customer?.domainId ?? budget.customerId,
      name: customer?.name ?? customer?.domainName ?? budget.customerId,
    };
    const theirs = recipientsOf.get(`${budget.customerId} ${budget.partnerId}`) ?? [];
    for (const threshold of fresh) {
      const alert = isNew.get(`${budget.customerId} ${threshold}`);
      if (!alert) continue;
      const restricts = threshold === 100 && budget.frozenOperateType === 1;
      outbox.push(...messagesTo(theirs, { budget, alert, customer: customerInfo, restricts }));
      const data = {
        customer_id: customerInfo.domainId,
        threshold,
        used_amount: Number(fenToYuan(used)),
        budget_amount: Number(fenToYuan(budget.amountFen)),
        budget_type: budget.budgetType,
        period: budget.periodKey,
        record_id: recordId,
      };
      const subject = { partnerId: budget.partnerId, subjectId: budget.customerId };
      events.push({ ...subject, type: 'budget.threshold_crossed', data });
      if (restricts && !restrictedAt) {
        restrictions.push({ customerId: budget.customerId, freezeResources: budget.freezeResources === 1 });
        restrictedAt = now;
        events.push({
          ...subject,
          type: 'budget.restricted',
          data: { ...data, freeze_resources: budget.freezeResources === 1 },
        });
        audits.push({
          action: 'budget.restricted',
          entityType: 'customer',
          entityId: budget.customerId,
          partnerId: budget.partnerId,
          after: { threshold, usedFen: used, budgetFen: budget.amountFen, recordId },
        });
      }
    }
    const alerted = [...new Set([...budget.alerted, ...fresh])].sort((x, y) => x - y);
    after.push({ ...budget, usedFen: used, alerted, restrictedAt, updatedAt: now });
  }
  await restrictPurchasesMany(tx, restrictions, now);
  await ctx.audit.recordMany(tx, systemActor(), audits);
  await emitEvents(ctx, tx, events);
  await settleBudgetsBulk(tx, after, now);
  return after;
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
