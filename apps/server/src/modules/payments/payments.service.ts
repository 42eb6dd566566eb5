import type { DbOrTx } from '@pc/db';
import type { Actor, AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors/errors.ts';
import { newId } from '../../platform/ids/ids.ts';
import { fenToYuan } from '../../platform/money/money.ts';
import {
  assertPayoutAllowed,
  certifiedAccountNumber,
  certifiedPayee,
  payoutEligibility,
} from '../certification/index.ts';
import { lockNoticeForPayment, markNoticePaid, type NoticeRow } from '../invoices/index.ts';
import { notifyPaid } from './payments.notify.ts';
import './payments.errors.ts';
import { insertPayment } from './payments.repository.ts';

async function payableNotice(tx: DbOrTx, noticeId: string): Promise<NoticeRow> {
  const notice = await lockNoticeForPayment(tx, noticeId);
  if (!notice) throw new AppError('invoices.notice_not_found');
  return notice;
}

/**
 * R21/R4: finance records the payment of an accepted notice to the partner's certified bank account.
 * The payout gate is checked again now (certification may have changed since the notice), the
 * amount must be the notice's total, and a notice is paid once (locked row + unique index).
 */
export async function recordPayment(
  ctx: AppContext,
  actor: Actor,
  noticeId: string,
  body: { paidOn: string; amountFen: number; bankReference: string },
) {
  return ctx.db.transaction(async (tx) => {
    const notice = await payableNotice(tx, noticeId);
    if (notice.status !== 'accepted') throw new AppError('payments.not_payable', { status: notice.status });
    await assertPayoutAllowed(tx, notice.partnerId);
    const payee = await certifiedPayee(tx, notice.partnerId);
    if (!payee) throw new AppError('payments.no_certified_account');
    if (body.amountFen !== notice.totalFen) {
      throw new AppError('payments.amount_mismatch', {
        amount: fenToYuan(body.amountFen),
        expected: fenToYuan(notice.totalFen),
      });
    }
    const now = ctx.clock.now();
    const row = await insertPayment(tx, {
      id: newId('pay', now.getTime()),
      noticeId: notice.id,
      partnerId: notice.partnerId,
      amountFen: body.amountFen,
      paidOn: body.paidOn,
      bankReference: body.bankReference,
      accountSourceId: payee.sourceId,
      bankName: `${payee.bankName} ${payee.bankBranch}`,
      accountName: payee.bankAccountName,
      accountLast4: payee.bankAccountLast4,
      paidBy: actor.id,
      createdAt: now,
    });
    await markNoticePaid(ctx, tx, actor, notice, {
      id: row.id,
      paidOn: row.paidOn,
      amountFen: row.amountFen,
      accountMasked: payee.bankAccountMasked,
    });
    await ctx.audit.record(tx, actor, {
      action: 'payments.paid',
      entityType: 'payment',
      entityId: row.id,
      partnerId: notice.partnerId,
      after: {
        noticeId: notice.id,
        amountFen: row.amountFen,
        paidOn: row.paidOn,
        bankReference: row.bankReference,
        account: payee.bankAccountMasked,
      },
    });
    await notifyPaid(ctx, tx, notice, row, payee.bankAccountMasked);
    return row;
  });
}

/** The account a notice would be paid to, masked, and whether the payout gate lets it through now. */
export async function payeeOf(ctx: AppContext, actor: Actor, noticeId: string) {
  const notice = await payableNotice(ctx.db, noticeId);
  const payee = await certifiedPayee(ctx.db, notice.partnerId);
  const gate = await payoutEligibility(ctx.db, ctx.errors, notice.partnerId, actor.locale);
  return {
    noticeId: notice.id,
    partnerId: notice.partnerId,
    totalFen: notice.totalFen,
    status: notice.status,
    payoutAllowed: gate.allowed,
    payoutBlockedMessage: gate.message,
    account: payee
      ? {
          companyLegalName: payee.companyLegalName,
          bankName: payee.bankName,
          bankBranch: payee.bankBranch,
          accountName: payee.bankAccountName,
          accountMasked: payee.bankAccountMasked,
        }
      : null,
  };
}

/** Finance only: the full certified account number for a notice's payment, with the reason audited. */
export async function revealPayeeAccount(ctx: AppContext, actor: Actor, noticeId: string, reason: string) {
  return ctx.db.transaction(async (tx) => {
    const notice = await payableNotice(tx, noticeId);
    const payee = await certifiedPayee(tx, notice.partnerId);
    const number = payee ? await certifiedAccountNumber(ctx, tx, payee.sourceId) : null;
    if (!payee || !number) throw new AppError('payments.no_certified_account');
    await ctx.audit.record(tx, actor, {
      action: 'payments.account_revealed',
      entityType: 'invoicing_notice',
      entityId: notice.id,
      partnerId: notice.partnerId,
      after: { reason, last4: payee.bankAccountLast4, certification: payee.sourceId },
    });
    return { accountNumber: number };
  });
}
