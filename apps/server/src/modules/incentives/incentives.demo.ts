import { demoHistoryStart } from '../../platform/clock/demo-history.ts';
import type { AppContext } from '../../platform/context.ts';
import { systemActor } from '../../platform/context.ts';
import { demoCustomerId, findCustomer } from '../customers/index.ts';
import { ingestSpendBatch } from '../spend/index.ts';
import { periodOf, previousPeriod } from './incentives.periods.ts';
import { listPolicies } from './policies.repository.ts';
import type { CreatePolicyBody } from './policies.schemas.ts';
import { createPolicy } from './policies.service.ts';
import { countRunsByStatus, partnerStandings } from './settlement.repository.ts';
import { runSettlement, startSettlement } from './settlement.service.ts';

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

/**
 * Monthly incentive policies for the solution provider and distributor programs (idempotent by
 * code), and last month settled with the solution provider's spend, so Benefits shows a notice
 * waiting for confirmation on the first start.
 */
export async function seedDemoIncentives(ctx: AppContext): Promise<void> {
  await seedDemoPolicies(ctx);
  await seedDemoSettlement(ctx);
}

async function seedDemoPolicies(ctx: AppContext): Promise<void> {
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

const SOLUTION = 'prt_demo_solution';
/** Last month's usage of the solution provider's customers: [customer, service, amount in fen, by voucher]. */
const LAST_MONTH: [string, string, number, boolean][] = [
  ['c1', 'ecs', 1_286_000, false],
  ['c1', 'obs', 245_600, false],
  ['c1', 'cdn', 80_000, true],
  ['c2', 'rds', 986_400, false],
  ['c2', 'ecs', 412_300, false],
  ['c3', 'ecs', 38_640, false],
];

/**
 * Ingests last month's demo usage and settles that month, once: only while no settlement has ever
 * run (a restart months later adds nothing) and when the solution provider held its certificate
 * before the usage (the partner, its customers and certificate date from `demoHistoryStart`).
 */
async function seedDemoSettlement(ctx: AppContext): Promise<void> {
  const now = ctx.clock.now();
  const since = demoHistoryStart(now);
  if (!since) return;
  const spentAt = new Date(since.getTime() + 9 * 86_400_000);
  const runs = await countRunsByStatus(ctx.db);
  if (Object.values(runs).some((n) => n > 0)) return;
  const standing = (await partnerStandings(ctx.db, [SOLUTION])).get(SOLUTION);
  if (!standing?.certIssuedAt || standing.certIssuedAt > spentAt) return;
  const period = previousPeriod(periodOf('monthly', now));
  const records: Record<string, unknown>[] = [];
  for (const [key, service, amount, voucher] of LAST_MONTH) {
    const customer = await findCustomer(ctx.db, demoCustomerId(key));
    if (!customer) return;
    records.push({
      record_id: `demo-incentives-${period.key}-${records.length + 1}`,
      customer_id: customer.domainId,
      spent_at: spentAt.toISOString(),
      service_type: service,
      amount_fen: amount,
      payment_kind: voucher ? 'voucher' : 'cash',
    });
  }
  await ingestSpendBatch(ctx, records);
  const run = await startSettlement(ctx, systemActor(), period.key, 'schedule');
  if (run) await runSettlement(ctx, run.id);
}
