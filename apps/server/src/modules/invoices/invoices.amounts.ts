import type { DbOrTx } from '@pc/db';
import type { AppContext } from '../../platform/context.ts';
import { type InvoiceSubject, partnerInvoiceAmounts } from '../tax/index.ts';

/**
 * The one place a notice's amounts come from (R14): the tax module, by the partner's certified
 * taxpayer status on the notice date, with the legacy rule for periods before 2019-01-01. Refused
 * (`tax.taxpayer_status_unknown`) while the partner's business information is not certified.
 */
export function noticeAmounts(
  ctx: AppContext,
  tx: DbOrTx,
  input: { partnerId: string; preTaxFen: number; on: Date; periodStart?: Date; subject?: InvoiceSubject },
) {
  const { partnerId, ...rest } = input;
  return partnerInvoiceAmounts(ctx, tx, partnerId, rest);
}
