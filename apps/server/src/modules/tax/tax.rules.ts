import { businessDayStart } from '../../platform/clock/clock.ts';
import { applyRate, fenToYuan } from '../../platform/money/money.ts';

export type TaxpayerStatus = 'general' | 'small_scale';
export const TAXPAYER_STATUSES: readonly TaxpayerStatus[] = ['general', 'small_scale'];

/**
 * Rates in force when no operator row applies (the defaults of the domain description): general
 * taxpayers 6 %, small-scale taxpayers 3 %.
 */
export const DEFAULT_RATE_BP: Record<TaxpayerStatus, number> = { general: 600, small_scale: 300 };

/** R14: reconciliation periods that start before 2019-01-01 00:00 Asia/Shanghai use the legacy rule. */
export const LEGACY_CUTOFF = new Date('2018-12-31T16:00:00Z');

export type TaxRule = 'standard' | 'legacy';

export interface InvoiceAmounts {
  preTaxFen: number;
  amountExTaxFen: number;
  taxFen: number;
  totalFen: number;
  rateBasisPoints: number;
  rule: TaxRule;
  formula: { 'zh-CN': string; 'en-US': string };
}

export function ruleFor(periodStart: Date | undefined): TaxRule {
  return periodStart && periodStart.getTime() < LEGACY_CUTOFF.getTime() ? 'legacy' : 'standard';
}

/** 600 → "6%", 350 → "3.5%", 1 → "0.01%". */
export function formatRate(bp: number): string {
  const whole = Math.floor(bp / 100);
  const frac = String(bp % 100)
    .padStart(2, '0')
    .replace(/0+$/, '');
  return `${whole}${frac ? `.${frac}` : ''}%`;
}

const STATUS_TEXT: Record<TaxpayerStatus, { 'zh-CN': string; 'en-US': string }> = {
  general: { 'zh-CN': '一般纳税人', 'en-US': 'general taxpayer' },
  small_scale: { 'zh-CN': '小规模纳税人', 'en-US': 'small-scale taxpayer' },
};

/** An incentive's invoice or a countersigned bill's: the same arithmetic, named in the formula. */
export type InvoiceSubject = 'incentive' | 'bill';

const SUBJECT_TEXT: Record<
  InvoiceSubject,
  Record<'preTax' | 'notice', { 'zh-CN': string; 'en-US': string }>
> = {
  incentive: {
    preTax: { 'zh-CN': '激励金额（不含税）', 'en-US': 'pre-tax incentive' },
    notice: { 'zh-CN': '激励通知金额', 'en-US': 'notice amount' },
  },
  bill: {
    preTax: { 'zh-CN': '账单金额（不含税）', 'en-US': 'pre-tax bill amount' },
    notice: { 'zh-CN': '账单金额', 'en-US': 'bill amount' },
  },
};

/**
 * The invoice amount of an incentive (R14), in integer fen. Rounding is declared once: every
 * derived amount is rounded half-up to the fen, on the notice's total (not per line).
 *
 * - `standard` (periods from 2019-01-01): the notice states the amount before tax; the invoice is
 *   that amount plus VAT at the partner's rate: total = pre-tax + round(pre-tax × rate).
 * - `legacy` (periods before 2019-01-01): the notice amount included VAT at the general rate of the
 *   time; the amount without tax is round(notice ÷ (1 + general rate)), and the invoice adds VAT at
 *   the partner's rate. For general taxpayers the invoice equals the notice; for small-scale
 *   taxpayers it is lower, and the invoice amount prevails.
 */
export function computeInvoiceAmounts(input: {
  status: TaxpayerStatus;
  preTaxFen: number;
  rateBasisPoints: number;
  rule: TaxRule;
  /** Legacy rule only: the general rate the notice amount included. */
  legacyGeneralBasisPoints?: number;
  /** What is invoiced, as the formula names it: an incentive (default) or a countersigned bill. */
  subject?: InvoiceSubject;
}): InvoiceAmounts {
  const { status, preTaxFen, rateBasisPoints: bp, rule } = input;
  if (!Number.isSafeInteger(preTaxFen) || preTaxFen < 0) throw new RangeError(`pre-tax fen ${preTaxFen}`);
  const y = fenToYuan;
  const s = STATUS_TEXT[status];
  const what = SUBJECT_TEXT[input.subject ?? 'incentive'];
  if (rule === 'standard') {
    const taxFen = applyRate(preTaxFen, bp, 10_000);
    const totalFen = preTaxFen + taxFen;
    return {
      preTaxFen,
      amountExTaxFen: preTaxFen,
      taxFen,
      totalFen,
      rateBasisPoints: bp,
      rule,
      formula: {
        'zh-CN': `开票金额 = ${what.preTax['zh-CN']}${y(preTaxFen)} + 增值税 ${y(preTaxFen)} × ${formatRate(bp)}（${s['zh-CN']}）= ${y(preTaxFen)} + ${y(taxFen)} = ${y(totalFen)}`,
        'en-US': `Invoice amount = ${what.preTax['en-US']} ${y(preTaxFen)} + VAT ${y(preTaxFen)} × ${formatRate(bp)} (${s['en-US']}) = ${y(preTaxFen)} + ${y(taxFen)} = ${y(totalFen)}`,
      },
    };
  }
  const gbp = input.legacyGeneralBasisPoints ?? DEFAULT_RATE_BP.general;
  const amountExTaxFen = applyRate(preTaxFen, 10_000, 10_000 + gbp);
  const taxFen = applyRate(amountExTaxFen, bp, 10_000);
  const totalFen = amountExTaxFen + taxFen;
  return {
    preTaxFen,
    amountExTaxFen,
    taxFen,
    totalFen,
    rateBasisPoints: bp,
    rule,
    formula: {
      'zh-CN': `2019年1月1日前的对账期次以开票金额为准：不含税金额 = ${what.notice['zh-CN']} ${y(preTaxFen)} ÷ (1 + ${formatRate(gbp)}) = ${y(amountExTaxFen)}；开票金额 = ${y(amountExTaxFen)} + ${y(amountExTaxFen)} × ${formatRate(bp)}（${s['zh-CN']}）= ${y(totalFen)}`,
      'en-US': `Periods before 2019-01-01: the invoice amount prevails. Amount without tax = ${what.notice['en-US']} ${y(preTaxFen)} ÷ (1 + ${formatRate(gbp)}) = ${y(amountExTaxFen)}; invoice amount = ${y(amountExTaxFen)} + ${y(amountExTaxFen)} × ${formatRate(bp)} (${s['en-US']}) = ${y(totalFen)}`,
    },
  };
}

/** 00:00 Asia/Shanghai of a `YYYY-MM-DD` date. */
export const shanghaiDayStart = businessDayStart;
