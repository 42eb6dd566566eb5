import type { DbOrTx } from '@pc/db';
import type { AppContext } from '../../platform/context.ts';
import { fenToYuan } from '../../platform/money/money.ts';
import { notifyPartnerAdmins } from '../identity/index.ts';
import type { NoticeRow } from '../invoices/index.ts';
import type { PaymentRow } from './payments.repository.ts';

/** The partner's administrators learn the notice is paid, to which account (masked). */
export async function notifyPaid(
  ctx: AppContext,
  tx: DbOrTx,
  notice: NoticeRow,
  payment: PaymentRow,
  accountMasked: string,
): Promise<void> {
  await notifyPartnerAdmins(ctx, tx, notice.partnerId, {
    template: 'payments.paid',
    key: `payments:paid:${payment.id}`,
    data: () => ({
      noticeId: notice.id,
      documentNo: notice.documentNo,
      amount: fenToYuan(payment.amountFen),
      paidOn: payment.paidOn,
      account: accountMasked,
    }),
  });
}
