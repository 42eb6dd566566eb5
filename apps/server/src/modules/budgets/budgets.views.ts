import type { AppContext } from '../../platform/context.ts';
import { applyRate } from '../../platform/money/money.ts';
import { THRESHOLDS } from './budgets.periods.ts';
import type { BudgetPage } from './budgets.schemas.ts';
import { type BudgetTarget, getBudget, monthSpend, portalTarget } from './budgets.service.ts';
import { alertsOf, recipientsOf } from './recipients.service.ts';

/** Everything the portal budget page shows, read after any change. */
export async function budgetPageOf(
  ctx: AppContext,
  partnerId: string,
  customerId: string,
): Promise<BudgetPage> {
  const target: BudgetTarget = await portalTarget(ctx, partnerId, customerId);
  const [budget, spend, recipients, alerts] = await Promise.all([
    getBudget(ctx, target),
    monthSpend(ctx, target.customerId),
    recipientsOf(ctx, target),
    alertsOf(ctx, target),
  ]);
  return {
    customer: {
      id: target.customerId,
      domainId: target.domainId,
      name: target.name,
      restrictedAt: target.restrictedAt?.toISOString() ?? null,
    },
    budget: budget && {
      amountFen: budget.amountFen,
      usedFen: budget.usedFen,
      budgetType: budget.budgetType,
      frozenOperateType: budget.frozenOperateType,
      freezeResources: budget.freezeResources,
      periodKey: budget.periodKey,
      periodStart: budget.periodStart.toISOString(),
      alerted: budget.alerted,
      updatedAt: budget.updatedAt.toISOString(),
    },
    monthSpendFen: spend,
    thresholds: THRESHOLDS.map((t) => ({
      threshold: t,
      atFen: budget ? applyRate(budget.amountFen, t, 100) : 0,
      announced: budget?.alerted.includes(t) ?? false,
    })),
    recipients: recipients.map((r) => ({
      id: r.id,
      name: r.name,
      phone: r.phone,
      email: r.email,
      locale: r.locale,
      createdAt: r.createdAt.toISOString(),
    })),
    alerts: alerts.map((a) => ({
      id: a.id,
      threshold: a.threshold,
      periodKey: a.periodKey,
      usedFen: a.usedFen,
      budgetFen: a.budgetFen,
      restricted: a.restricted === 1,
      createdAt: a.createdAt.toISOString(),
    })),
  };
}
