import { describe, expect, it } from 'vitest';
import type { PolicyRules } from './policies.schemas.ts';
import { computeLines, type SpendGroup, tierBonus } from './settlement.rules.ts';

const rules: PolicyRules = {
  serviceTypes: null,
  paymentKinds: ['cash'],
  associationTypes: ['resale', 'referral'],
  rates: [
    { category: 'ecs', basisPoints: 500 },
    { category: '*', basisPoints: 200 },
  ],
  tiers: [
    { minFen: 10_000_00, bonusBasisPoints: 100 },
    { minFen: 50_000_00, bonusBasisPoints: 300 },
  ],
  allowDiscount: true,
};
const g = (over: Partial<SpendGroup>): SpendGroup => ({
  partnerId: 'p1',
  serviceType: 'ecs',
  associationType: 'resale',
  paymentKind: 'cash',
  originPeriodKey: '2026-03',
  late: false,
  amountFen: 0,
  recordCount: 1,
  ...over,
});
const policy = { policyId: 'pol', versionId: 'v1', rules, partners: new Set(['p1', 'p2']) };

describe('settlement rules', () => {
  it('rates per category, vouchers and unknown partners excluded, half-up per line', () => {
    const lines = computeLines(
      [
        g({ amountFen: 1_010 }), // 5 % of 10.10 = 0.505 → 0.51
        g({ serviceType: 'obs', amountFen: 25 }), // 2 % of 0.25 = 0.005 → 0.01
        g({ paymentKind: 'voucher', amountFen: 99_999 }),
        g({ partnerId: 'p9', amountFen: 99_999 }),
      ],
      [policy],
    );
    expect(lines.map((l) => [l.serviceType, l.baseFen, l.basisPoints, l.amountFen])).toEqual([
      ['ecs', 1_010, 500, 51],
      ['obs', 25, 200, 1],
    ]);
  });

  it('tiers by the partner’s volume, inclusive at the minimum', () => {
    expect([tierBonus(rules, 9_999_99), tierBonus(rules, 10_000_00), tierBonus(rules, 60_000_00)]).toEqual([
      0, 100, 300,
    ]);
    const lines = computeLines(
      [g({ amountFen: 6_000_00 }), g({ serviceType: 'obs', amountFen: 4_000_00 })],
      [policy],
    );
    expect(lines.map((l) => l.basisPoints)).toEqual([600, 300]);
    expect(lines.map((l) => l.amountFen)).toEqual([360_00, 120_00]);
  });

  it('late records stay separate lines and the output is the same in any input order', () => {
    const groups = [
      g({ partnerId: 'p2', amountFen: 100 }),
      g({ originPeriodKey: '2026-02', late: true, amountFen: 300 }),
      g({ amountFen: 200 }),
    ];
    const a = computeLines(groups, [policy]);
    const b = computeLines([...groups].reverse(), [policy]);
    expect(a).toEqual(b);
    expect(a.map((l) => [l.partnerId, l.originPeriodKey, l.late])).toEqual([
      ['p1', '2026-02', true],
      ['p1', '2026-03', false],
      ['p2', '2026-03', false],
    ]);
  });
});
