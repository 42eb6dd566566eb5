import type { Actor, AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors/errors.ts';
import type { Locale } from '../../platform/i18n/i18n.ts';
import { newId } from '../../platform/ids/ids.ts';
import { normalizePhone } from '../identity/index.ts';
import {
  type AlertRow,
  deleteRecipient,
  insertRecipients,
  listAlerts,
  listRecipients,
  pageBudgetRecords,
  type RecipientRow,
} from './budgets.repository.ts';
import { MAX_RECIPIENTS } from './budgets.rules.ts';
import type { BudgetTarget } from './budgets.service.ts';

export interface NewRecipient {
  name: string;
  phone?: string | null;
  email?: string | null;
  locale: Locale;
}

export function recipientsOf(ctx: AppContext, target: BudgetTarget): Promise<RecipientRow[]> {
  return listRecipients(ctx.db, target.customerId, target.partnerId);
}

/**
 * Saves the recipients the partner added and confirmed (several at once). Each has a name and a
 * phone and/or an email (the schema checks their format); at most MAX_RECIPIENTS per customer.
 */
export async function addRecipients(
  ctx: AppContext,
  actor: Actor,
  target: BudgetTarget,
  list: NewRecipient[],
): Promise<RecipientRow[]> {
  for (const r of list) {
    if (!r.phone && !r.email) throw new AppError('budgets.recipient_contact_required', { name: r.name });
  }
  return ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const existing = await listRecipients(tx, target.customerId, target.partnerId);
    if (existing.length + list.length > MAX_RECIPIENTS)
      throw new AppError('budgets.too_many_recipients', { max: MAX_RECIPIENTS });
    const rows = await insertRecipients(
      tx,
      list.map((r) => ({
        id: newId('brc', now.getTime()),
        customerId: target.customerId,
        partnerId: target.partnerId,
        name: r.name,
        phone: r.phone ? normalizePhone(r.phone) : null,
        email: r.email || null,
        locale: r.locale,
        createdAt: now,
      })),
    );
    await ctx.audit.record(tx, actor, {
      action: 'budget.recipients_added',
      entityType: 'customer',
      entityId: target.customerId,
      partnerId: target.partnerId,
      after: rows.map((r) => ({ id: r.id, name: r.name })),
    });
    return listRecipients(tx, target.customerId, target.partnerId);
  });
}

export async function removeRecipient(
  ctx: AppContext,
  actor: Actor,
  target: BudgetTarget,
  recipientId: string,
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const row = await deleteRecipient(tx, recipientId, target.customerId, target.partnerId);
    if (!row) throw new AppError('budgets.recipient_not_found');
    await ctx.audit.record(tx, actor, {
      action: 'budget.recipient_removed',
      entityType: 'customer',
      entityId: target.customerId,
      partnerId: target.partnerId,
      before: { id: row.id, name: row.name },
    });
  });
}

export function alertsOf(ctx: AppContext, target: BudgetTarget, limit = 100): Promise<AlertRow[]> {
  return listAlerts(ctx.db, target.customerId, target.partnerId, limit);
}

export function recordsOf(
  ctx: AppContext,
  target: BudgetTarget,
  f: { operationType?: string; budgetType?: string; offset: number; limit: number },
) {
  return pageBudgetRecords(ctx.db, { customerId: target.customerId, partnerId: target.partnerId, ...f });
}
