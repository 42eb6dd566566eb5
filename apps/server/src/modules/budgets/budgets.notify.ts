import type { NotifyInput } from '../../platform/context.ts';
import { parseLocale } from '../../platform/i18n/i18n.ts';
import { fenToYuan } from '../../platform/money/money.ts';
import type { AlertRow, BudgetRow, RecipientRow } from './budgets.repository.ts';

export interface AlertToTell {
  budget: BudgetRow;
  alert: AlertRow;
  customer: { id: string; domainId: string; name: string };
  restricts: boolean;
}

/**
 * SMS and email to every recipient of the customer's budget, to be queued in the alert's transaction
 * so the messages exist the moment the crossing record is accepted. One idempotency key per
 * (alert, recipient): a retried batch never sends twice. The recipients are the budget's, read by the
 * caller (one read for a whole batch).
 */
export function messagesTo(recipients: readonly RecipientRow[], input: AlertToTell): NotifyInput[] {
  const { budget, alert, customer, restricts } = input;
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
