import { atDemoHistoryStart } from '../../platform/clock/demo-history.ts';
import { type AppContext, systemActor } from '../../platform/context.ts';
import { newId } from '../../platform/ids/ids.ts';
import { findUserByEmail } from '../identity/index.ts';
import { grantMembership } from './applications.service.ts';
import {
  findActiveLinkOfReseller,
  findManager,
  findPerformance,
  insertApplication,
  insertLink,
  listApplicationsOf,
  upsertManager,
} from './memberships.repository.ts';
import { businessYear } from './memberships.rules.ts';
import { recordPerformance } from './performance.service.ts';

const SOLUTION = 'prt_demo_solution';
const DISTRIBUTOR = 'prt_demo_distributor';
const RESELLER = 'prt_demo_reseller';

/**
 * Demo programs: the distributor (also ASSC) with the reseller in its channel, the reseller past
 * the 800,000 threshold last year, the solution provider with an application waiting for review,
 * and the demo ecosystem manager looking after all three. Idempotent.
 */
export async function seedDemoMemberships(ctx: AppContext): Promise<void> {
  const actor = systemActor();
  await ctx.db.transaction(async (tx) => {
    const grant = (partnerId: string, program: string, at = ctx) =>
      grantMembership(at, tx, actor, { partnerId, program, source: 'demo' });
    // In its program since the demo's history start (the incentives demo settles that month).
    await grant(SOLUTION, 'solution_provider', atDemoHistoryStart(ctx));
    await grant(DISTRIBUTOR, 'authorized_sales_support_center');
    await grant(DISTRIBUTOR, 'distributor');
    await grant(RESELLER, 'cloud_reseller');
    const now = ctx.clock.now();
    if (!(await findActiveLinkOfReseller(tx, RESELLER))) {
      await insertLink(tx, {
        id: newId('rlnk', now.getTime()),
        distributorId: DISTRIBUTOR,
        resellerId: RESELLER,
        status: 'active',
        startedAt: now,
      });
    }
    const year = businessYear(now);
    const perf: [string, number, number][] = [
      [RESELLER, year - 1, 85_600_000],
      [RESELLER, year, 32_000_000],
      [DISTRIBUTOR, year - 1, 520_000_000],
      [DISTRIBUTOR, year, 260_000_000],
      [SOLUTION, year, 18_800_000],
    ];
    for (const [partnerId, y, amountFen] of perf) {
      if (await findPerformance(tx, partnerId, y)) continue;
      await recordPerformance(ctx, tx, actor, { partnerId, year: y, amountFen, mode: 'set', source: 'demo' });
    }
    const eco = await findUserByEmail(tx, 'eco@operator.demo');
    if (eco) {
      for (const partnerId of [SOLUTION, DISTRIBUTOR, RESELLER]) {
        if (!(await findManager(tx, partnerId)))
          await upsertManager(tx, { partnerId, managerId: eco.id, assignedAt: now });
      }
    }
    if ((await listApplicationsOf(tx, SOLUTION)).length === 0) {
      await insertApplication(tx, {
        id: newId('mba', now.getTime()),
        partnerId: SOLUTION,
        program: 'service_partner',
        kind: 'join',
        status: 'submitted',
        note: '我们有 12 名认证工程师，可提供迁移与运维服务。',
        createdAt: now,
        updatedAt: now,
      });
    }
  });
}
