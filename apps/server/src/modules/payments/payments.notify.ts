import type { DbOrTx } from '@pc/db';
import type { AppContext, Channel } from '../../platform/context.ts';
import { fenToYuan } from '../../platform/money/money.ts';
import { parseUserLocale, partnerAdmins } from '../identity/index.ts';
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
  const admins = await partnerAdmins(ctx, notice.partnerId, tx);
  await ctx.notifier.notifyMany(
    tx,
    admins.map((u) => {
      const channels: Channel[] = u.phone ? ['email', 'sms', 'in_app'] : ['email', 'in_app'];
      return {
        template: 'payments.paid',
        locale: parseUserLocale(u),
        to: { userId: u.id, email: u.email, phone: u.phone, partnerId: notice.partnerId },
        channels,
        data: {
          name: u.name,
          noticeId: notice.id,
          documentNo: notice.documentNo,
          amount: fenToYuan(payment.amountFen),
          paidOn: payment.paidOn,
          account: accountMasked,
        },
        idempotencyKey: `payments:paid:${payment.id}:${u.id}`,
      };
    }),
  );
}
