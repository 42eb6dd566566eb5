import type { DbOrTx } from '@pc/db';
import type { NotifyInput } from '../../platform/context.ts';
import { parseLocale } from '../../platform/i18n/i18n.ts';
import { fenToYuan } from '../../platform/money/money.ts';
import { type AlertRow, type BudgetRow, listRecipients } from './budgets.repository.ts';

/**
 * SMS and email to every recipient of the customer's budget, to be queued in the alert's transaction
 * so the messages exist the moment the crossing record is accepted. One idempotency key per
 * (alert, recipient): a retried batch never sends twice.
 */
export async function recipientMessages(
  tx: DbOrTx,
  input: {
    budget: BudgetRow;
    alert: AlertRow;
    customer: { id: string; domainId: string; name: string };
    restricts: boolean;
  },
): Promise<NotifyInput[]> {
  const { budget, alert, customer, restricts } = input;
  const recipients = await listRecipients(tx, budget.customerId, budget.partnerId);
  return recipients.map(
    (r): NotifyInput => ({
      template: restricts ? 'budgets.exhausted_restricted' : 'budgets.threshold_crossed',
      locale: parseLocale(r.locale) ?? 'zh-CN',
      to: { email: r.email, phone: r.phone, partnerId: budget.partnerId },
      channels: ['sms', 'email'],
      data: {
        name: r.name,
        customerName: customer.name,
        customerDomainId: customer.domainId,
        customerId: customer.id,
        threshold: alert.threshold,
        used: fenToYuan(alert.usedFen),
        budget: fenToYuan(alert.budgetFen),
        period: budget.budgetType === 'MONTHLY' ? budget.periodKey : '',
      },
      idempotencyKey: `budget-alert:${alert.id}:${r.id}`,
    }),
  );
}
