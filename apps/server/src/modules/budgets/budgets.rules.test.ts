import { describe, expect, it } from 'vitest';
import { reachedThresholds } from './budgets.periods.ts';
import { budgetAmountToFen } from './budgets.rules.ts';

describe('budget amounts', () => {
  it('converts yuan to fen exactly from the decimal text, never through float arithmetic', () => {
    expect(budgetAmountToFen(0.29)).toBe(29); // 0.29 * 100 = 28.999999999999996 in floats
    expect(budgetAmountToFen(1.1)).toBe(110);
    expect(budgetAmountToFen(100)).toBe(10_000);
    expect(budgetAmountToFen('99.5')).toBe(9_950);
    expect(budgetAmountToFen(999_999_999_999.99)).toBe(99_999_999_999_999);
    for (const bad of [0, -1, 12.345, 1e-7, 1e21, Number.NaN, '1e3', '', '0.00'])
      expect(budgetAmountToFen(bad)).toBeNull();
  });

  it('reaches a threshold at exactly its share of the budget', () => {
    expect(reachedThresholds(7_499, 10_000)).toEqual([]);
    expect(reachedThresholds(7_500, 10_000)).toEqual([75]);
    expect(reachedThresholds(10_000, 10_000)).toEqual([75, 90, 100]);
    expect(reachedThresholds(7_538, 10_050)).toEqual([75]); // 75.004 %
  });
});
