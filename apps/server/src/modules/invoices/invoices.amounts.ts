import type { DbOrTx } from '@pc/db';
import type { AppContext } from '../../context.ts';
import { applyRate, fenToYuan } from '../../lib/money.ts';
import { approvedTaxIdentity } from '../certification/payout-gate.service.ts';

export type TaxpayerStatus = 'general' | 'small_scale';

export interface NoticeAmounts {
  preTaxFen: number;
  amountExTaxFen: number;
  taxFen: number;
  totalFen: number;
  rateBasisPoints: number;
  rule: 'standard' | 'legacy';
  formula: string;
}

/**
 * Interim R14 rules until the `tax` module is merged (same signatures as its `taxpayerStatusOf`
 * and `invoiceAmounts`, so the swap is one import): 6 % general, 3 % small-scale, half-up to the fen;
 * for periods before 2019-01-01 the pre-tax amount is the invoice total (legacy rule).
 */
async function taxpayerStatusOf(_ctx: AppContext, tx: DbOrTx, partnerId: string): Promise<TaxpayerStatus> {
  return (await approvedTaxIdentity(tx, partnerId))?.taxpayerStatus ?? 'general';
}

async function invoiceAmounts(
  _ctx: AppContext,
  _tx: DbOrTx,
  input: { status: TaxpayerStatus; preTaxFen: number; on: Date; periodStart?: Date },
): Promise<NoticeAmounts> {
  const rate = input.status === 'general' ? 600 : 300;
  const legacy = input.periodStart !== undefined && input.periodStart < new Date('2018-12-31T16:00:00Z');
  if (legacy) {
    const exTax = applyRate(input.preTaxFen, 10_000, 10_000 + rate);
    return {
      preTaxFen: input.preTaxFen,
      amountExTaxFen: exTax,
      taxFen: input.preTaxFen - exTax,
      totalFen: input.preTaxFen,
      rateBasisPoints: rate,
      rule: 'legacy',
      formula: `${fenToYuan(input.preTaxFen)} / (1 + ${rate / 100}%)`,
    };
  }
  const tax = applyRate(input.preTaxFen, rate, 10_000);
  return {
    preTaxFen: input.preTaxFen,
    amountExTaxFen: input.preTaxFen,
    taxFen: tax,
    totalFen: input.preTaxFen + tax,
    rateBasisPoints: rate,
    rule: 'standard',
    formula: `${fenToYuan(input.preTaxFen)} × (1 + ${rate / 100}%)`,
  };
}

/** The one place the notice's amounts come from: the partner's taxpayer status on the notice date. */
export async function noticeAmounts(
  ctx: AppContext,
  tx: DbOrTx,
  input: { partnerId: string; preTaxFen: number; on: Date; periodStart?: Date },
): Promise<NoticeAmounts & { status: TaxpayerStatus }> {
  const status = await taxpayerStatusOf(ctx, tx, input.partnerId);
  const amounts = await invoiceAmounts(ctx, tx, { status, ...input });
  return { ...amounts, status };
}
