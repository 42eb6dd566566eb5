import { applyRate } from '../../platform/money/money.ts';
import type { PolicyRules } from './policies.schemas.ts';

/** Spend of one partner summed by what a policy can select on (one row of the period aggregate). */
export interface SpendGroup {
  partnerId: string;
  serviceType: string;
  associationType: string;
  paymentKind: string;
  /** The period the records belong to; differs from the settled period for late records. */
  originPeriodKey: string;
  late: boolean;
  amountFen: number;
  recordCount: number;
}

export interface PolicyInForce {
  policyId: string;
  versionId: string;
  rules: PolicyRules;
  /** Partners holding the policy's program at period end (and certified, not suspended). */
  partners: ReadonlySet<string>;
}

export interface ComputedLine {
  partnerId: string;
  policyId: string;
  policyVersionId: string;
  serviceType: string;
  originPeriodKey: string;
  late: boolean;
  recordCount: number;
  baseFen: number;
  basisPoints: number;
  amountFen: number;
}

export function matches(rules: PolicyRules, g: SpendGroup): boolean {
  return (
    (rules.serviceTypes === null || rules.serviceTypes.includes(g.serviceType)) &&
    (rules.paymentKinds as readonly string[]).includes(g.paymentKind) &&
    (rules.associationTypes as readonly string[]).includes(g.associationType)
  );
}

/** The category rate of a service type: its own entry, else `*`, else none (not incentivised). */
export function categoryRate(rules: PolicyRules, serviceType: string): number | null {
  const own = rules.rates.find((r) => r.category === serviceType);
  if (own) return own.basisPoints;
  return rules.rates.find((r) => r.category === '*')?.basisPoints ?? null;
}

/** The volume bonus: the highest tier whose minimum the partner's matched spend reaches. */
export function tierBonus(rules: PolicyRules, volumeFen: number): number {
  let best = 0;
  let bestMin = -1;
  for (const t of rules.tiers) {
    if (volumeFen >= t.minFen && t.minFen > bestMin) {
      best = t.bonusBasisPoints;
      bestMin = t.minFen;
    }
  }
  return best;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The incentive lines of a period, deterministic for the same inputs (sorted output, integer
 * arithmetic). One line per partner × policy version × service type × origin period; its amount is
 * the line's base × (category rate + tier bonus), rounded half-up to the fen per line. Tiers read
 * the partner's whole matched volume under the policy in the period (late records included).
 */
export function computeLines(
  groups: readonly SpendGroup[],
  policies: readonly PolicyInForce[],
): ComputedLine[] {
  const out: ComputedLine[] = [];
  for (const p of policies) {
    const volume = new Map<string, number>();
    const lines = new Map<string, ComputedLine>();
    for (const g of groups) {
      if (!p.partners.has(g.partnerId) || !matches(p.rules, g)) continue;
      const rate = categoryRate(p.rules, g.serviceType);
      if (rate === null) continue;
      volume.set(g.partnerId, (volume.get(g.partnerId) ?? 0) + g.amountFen);
      const key = `${g.partnerId} ${g.serviceType} ${g.originPeriodKey} ${g.late}`;
      const line = lines.get(key) ?? {
        partnerId: g.partnerId,
        policyId: p.policyId,
        policyVersionId: p.versionId,
        serviceType: g.serviceType,
        originPeriodKey: g.originPeriodKey,
        late: g.late,
        recordCount: 0,
        baseFen: 0,
        basisPoints: rate,
        amountFen: 0,
      };
      line.recordCount += g.recordCount;
      line.baseFen += g.amountFen;
      lines.set(key, line);
    }
    for (const line of lines.values()) {
      line.basisPoints += tierBonus(p.rules, volume.get(line.partnerId) ?? 0);
      line.amountFen = applyRate(line.baseFen, line.basisPoints, 10_000);
      out.push(line);
    }
  }
  return out.sort(
    (a, b) =>
      cmp(a.partnerId, b.partnerId) ||
      cmp(a.policyVersionId, b.policyVersionId) ||
      cmp(a.serviceType, b.serviceType) ||
      cmp(a.originPeriodKey, b.originPeriodKey) ||
      Number(a.late) - Number(b.late),
  );
}
