import { describe, expect, it } from 'vitest';
import { computeInvoiceAmounts, formatRate, LEGACY_CUTOFF, ruleFor, shanghaiDayStart } from './tax.rules.ts';

describe('invoice amounts (R14)', () => {
  it('adds VAT at the partner’s rate to the pre-tax amount (standard rule)', () => {
    const g = computeInvoiceAmounts({
      status: 'general',
      preTaxFen: 1_000_000,
      rateBasisPoints: 600,
      rule: 'standard',
    });
    expect(g).toMatchObject({ amountExTaxFen: 1_000_000, taxFen: 60_000, totalFen: 1_060_000 });
    const s = computeInvoiceAmounts({
      status: 'small_scale',
      preTaxFen: 1_000_000,
      rateBasisPoints: 300,
      rule: 'standard',
    });
    expect(s).toMatchObject({ taxFen: 30_000, totalFen: 1_030_000 });
    expect(s.formula['zh-CN']).toContain('小规模纳税人');
    expect(s.formula['en-US']).toBe(
      'Invoice amount = pre-tax incentive 10000.00 + VAT 10000.00 × 3% (small-scale taxpayer) = 10000.00 + 300.00 = 10300.00',
    );
  });

  it('names a countersigned bill in the formula when the invoice is for a bill', () => {
    const b = computeInvoiceAmounts({
      status: 'general',
      preTaxFen: 100_000,
      rateBasisPoints: 600,
      rule: 'standard',
      subject: 'bill',
    });
    expect(b.formula['zh-CN']).toBe(
      '开票金额 = 账单金额（不含税）1000.00 + 增值税 1000.00 × 6%（一般纳税人）= 1000.00 + 60.00 = 1060.00',
    );
    expect(b.formula['en-US']).toContain('Invoice amount = pre-tax bill amount 1000.00');
  });

  it('rounds half-up to the fen at the boundary', () => {
    // 25 fen × 6 % = 1.5 fen → 2; 8 fen × 6 % = 0.48 → 0; 9 × 6 % = 0.54 → 1
    expect(
      computeInvoiceAmounts({ status: 'general', preTaxFen: 25, rateBasisPoints: 600, rule: 'standard' })
        .taxFen,
    ).toBe(2);
    expect(
      computeInvoiceAmounts({ status: 'general', preTaxFen: 8, rateBasisPoints: 600, rule: 'standard' })
        .taxFen,
    ).toBe(0);
    expect(
      computeInvoiceAmounts({ status: 'general', preTaxFen: 9, rateBasisPoints: 600, rule: 'standard' })
        .taxFen,
    ).toBe(1);
    // 50 fen × 3 % = 1.5 → 2; 49 × 3 % = 1.47 → 1
    expect(
      computeInvoiceAmounts({ status: 'small_scale', preTaxFen: 50, rateBasisPoints: 300, rule: 'standard' })
        .taxFen,
    ).toBe(2);
    expect(
      computeInvoiceAmounts({ status: 'small_scale', preTaxFen: 49, rateBasisPoints: 300, rule: 'standard' })
        .taxFen,
    ).toBe(1);
    expect(
      computeInvoiceAmounts({ status: 'general', preTaxFen: 0, rateBasisPoints: 600, rule: 'standard' })
        .totalFen,
    ).toBe(0);
  });

  it('legacy rule: the notice amount included general VAT; small-scale invoices less, general the same', () => {
    const g = computeInvoiceAmounts({
      status: 'general',
      preTaxFen: 1_060_000,
      rateBasisPoints: 600,
      rule: 'legacy',
    });
    expect(g).toMatchObject({
      amountExTaxFen: 1_000_000,
      taxFen: 60_000,
      totalFen: 1_060_000,
      rule: 'legacy',
    });
    const s = computeInvoiceAmounts({
      status: 'small_scale',
      preTaxFen: 1_060_000,
      rateBasisPoints: 300,
      rule: 'legacy',
    });
    expect(s).toMatchObject({ amountExTaxFen: 1_000_000, taxFen: 30_000, totalFen: 1_030_000 });
    expect(s.formula['en-US']).toContain('the invoice amount prevails');
    // 100 / 1.06 = 94.339… → 94; 53 / 1.06 = 50.0 exactly; 1 / 1.06 = 0.943 → 1
    expect(
      computeInvoiceAmounts({ status: 'general', preTaxFen: 100, rateBasisPoints: 600, rule: 'legacy' })
        .amountExTaxFen,
    ).toBe(94);
    expect(
      computeInvoiceAmounts({ status: 'general', preTaxFen: 53, rateBasisPoints: 600, rule: 'legacy' })
        .amountExTaxFen,
    ).toBe(50);
    expect(
      computeInvoiceAmounts({ status: 'general', preTaxFen: 1, rateBasisPoints: 600, rule: 'legacy' })
        .amountExTaxFen,
    ).toBe(1);
  });

  it('the legacy rule covers periods starting before 2019-01-01 00:00 Asia/Shanghai', () => {
    expect(LEGACY_CUTOFF.toISOString()).toBe('2018-12-31T16:00:00.000Z');
    expect(ruleFor(new Date('2018-12-31T15:59:59.999Z'))).toBe('legacy');
    expect(ruleFor(new Date('2018-12-31T16:00:00.000Z'))).toBe('standard');
    expect(ruleFor(shanghaiDayStart('2018-12-01'))).toBe('legacy');
    expect(ruleFor(shanghaiDayStart('2019-01-01'))).toBe('standard');
    expect(ruleFor(undefined)).toBe('standard');
  });

  it('formats rates and refuses negative or fractional amounts', () => {
    expect([formatRate(600), formatRate(350), formatRate(1), formatRate(1300)]).toEqual([
      '6%',
      '3.5%',
      '0.01%',
      '13%',
    ]);
    expect(() =>
      computeInvoiceAmounts({ status: 'general', preTaxFen: -1, rateBasisPoints: 600, rule: 'standard' }),
    ).toThrow();
    expect(() =>
      computeInvoiceAmounts({ status: 'general', preTaxFen: 1.5, rateBasisPoints: 600, rule: 'standard' }),
    ).toThrow();
  });
});
