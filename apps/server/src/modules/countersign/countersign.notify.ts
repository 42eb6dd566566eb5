import type { DbOrTx } from '@pc/db';
import type { AppContext, Channel } from '../../platform/context.ts';
import { fenToYuan } from '../../platform/money/money.ts';
import { businessDateTime } from '../certificates/index.ts';
import { operatorsWithRoles, parseUserLocale, partnerAdmins } from '../identity/index.ts';
import { getPartner } from '../partners/index.ts';
import type { BillRow, StepRow } from './countersign.repository.ts';

type Label = { 'zh-CN': string; 'en-US': string };
type Template = 'countersign.step_pending' | 'countersign.returned' | 'countersign.escalated';

/** Whoever acts on a step: the partner's administrators, or the operators of the step's role. */
export async function approversOf(ctx: AppContext, tx: DbOrTx, bill: BillRow, approver: string) {
  return approver === 'partner'
    ? partnerAdmins(ctx, bill.partnerId, tx)
    : operatorsWithRoles(ctx, [approver], tx);
}

/** The approver's manager for an overdue step: operator admins; for the partner's step its ecosystem managers. */
export async function managersOf(ctx: AppContext, tx: DbOrTx, approver: string) {
  return operatorsWithRoles(ctx, [approver === 'partner' ? 'ecosystem_manager' : 'admin'], tx);
}

export async function notifyStep(
  ctx: AppContext,
  tx: DbOrTx,
  template: Template,
  bill: BillRow,
  step: StepRow,
  recipients: Awaited<ReturnType<typeof approversOf>>,
): Promise<void> {
  const partner = await getPartner(ctx, bill.partnerId, tx);
  await ctx.notifier.notifyMany(
    tx,
    recipients.map((u) => {
      const locale = parseUserLocale(u);
      const sms = template !== 'countersign.escalated' && u.phone;
      const channels: Channel[] = sms ? ['email', 'sms', 'in_app'] : ['email', 'in_app'];
      return {
        template,
        locale,
        to: { userId: u.id, email: u.email, phone: u.phone, partnerId: u.partnerId ?? null },
        channels,
        data: {
          name: u.name,
          billId: bill.id,
          title: bill.title,
          externalId: bill.externalId,
          total: fenToYuan(bill.totalFen),
          step: (step.label as Label)[locale],
          dueAt: step.dueAt ? businessDateTime(step.dueAt) : '',
          reason: step.reason ?? '',
          partnerName: partner?.name ?? '',
          link: u.userType === 'partner' ? `/invoicing/bills/${bill.id}` : `/console/countersign/${bill.id}`,
        },
        idempotencyKey: `${template}:${step.id}:${u.id}`,
      };
    }),
  );
}
