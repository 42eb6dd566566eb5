import type { AppContext } from '../../platform/context.ts';
import { systemActor } from '../../platform/context.ts';
import { listPolicies } from './policies.repository.ts';
import type { CreatePolicyBody } from './policies.schemas.ts';
import { createPolicy } from './policies.service.ts';

const RULES: CreatePolicyBody['rules'] = {
  serviceTypes: null,
  paymentKinds: ['cash'],
  associationTypes: ['resale', 'referral'],
  rates: [
    { category: 'ecs', basisPoints: 500 },
    { category: 'obs', basisPoints: 300 },
    { category: '*', basisPoints: 200 },
  ],
  tiers: [{ minFen: 10_000_000, bonusBasisPoints: 100 }],
  allowDiscount: true,
};

/** Monthly incentive policies for the solution provider and distributor programs (idempotent by code). */
export async function seedDemoIncentives(ctx: AppContext): Promise<void> {
  const existing = new Set((await listPolicies(ctx.db)).map((p) => p.code));
  const actor = { ...systemActor(), type: 'operator' as const, roles: ['admin'] };
  const demo: [string, string, string, CreatePolicyBody['program']][] = [
    ['DEMO-SP', '解决方案提供商月度激励', 'Solution provider monthly incentive', 'solution_provider'],
    ['DEMO-DIST', '总经销商月度激励', 'Distributor monthly incentive', 'distributor'],
  ];
  for (const [code, nameZh, nameEn, program] of demo) {
    if (existing.has(code)) continue;
    await createPolicy(ctx, actor, {
      code,
      nameZh,
      nameEn,
      program,
      periodKind: 'monthly',
      validFrom: '2020-01-01',
      validTo: null,
      rules: RULES,
      note: '',
    });
  }
}
