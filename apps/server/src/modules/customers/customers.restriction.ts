import { type DbOrTx, schema } from '@pc/db';
import { and, eq, inArray, isNotNull, isNull } from 'drizzle-orm';

const c = schema.customers;

/**
 * Marks the budget freeze of resources, so lifting the restriction undoes only what the budget
 * did and never a freeze the partner made by hand (R6 freeze, its own reason).
 */
export const BUDGET_FREEZE_REASON = 'budget_exhausted';

/** What a budget's automatic restriction sets on a customer whose resources it freezes. */
function budgetFreeze(at: Date) {
  return {
    status: 'frozen',
    freezeType: 'ACCOUNT_AND_RESOURCE',
    frozenReason: BUDGET_FREEZE_REASON,
    frozenAt: at,
    updatedAt: at,
  } as const;
}

/**
 * R13: the only code outside the customers module's own services that writes
 * `purchase_restricted_at`. Restricts new purchases and renewals of the customers; with
 * `freezeResources` also freezes an active customer's account and resources. Two statements for any
 * number of customers; ids in order, so rows lock in order.
 */
export async function restrictPurchasesMany(
  tx: DbOrTx,
  items: readonly { customerId: string; freezeResources: boolean }[],
  at: Date,
): Promise<void> {
  if (items.length === 0) return;
  const ids = [...new Set(items.map((i) => i.customerId))].sort();
  const freeze = [...new Set(items.filter((i) => i.freezeResources).map((i) => i.customerId))].sort();
  await tx
    .update(c)
    .set({ purchaseRestrictedAt: at, updatedAt: at })
    .where(and(inArray(c.id, ids), isNull(c.purchaseRestrictedAt)));
  if (freeze.length > 0) {
    await tx
      .update(c)
      .set(budgetFreeze(at))
      .where(and(inArray(c.id, freeze), eq(c.status, 'active')));
  }
}

/** Lifts the budget restriction (and the budget's own freeze of resources). True when it was set. */
export async function liftPurchaseRestriction(tx: DbOrTx, customerId: string, at: Date): Promise<boolean> {
  const changed = await tx
    .update(c)
    .set({ purchaseRestrictedAt: null, updatedAt: at })
    .where(and(eq(c.id, customerId), isNotNull(c.purchaseRestrictedAt)))
    .returning({ id: c.id });
  await tx
    .update(c)
    .set({ status: 'active', freezeType: null, frozenReason: null, frozenAt: null, updatedAt: at })
    .where(and(eq(c.id, customerId), eq(c.status, 'frozen'), eq(c.frozenReason, BUDGET_FREEZE_REASON)));
  return changed.length > 0;
}
