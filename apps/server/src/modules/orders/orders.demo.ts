import { schema } from '@pc/db';
import { businessDayStart, inBusinessTz } from '../../platform/clock/clock.ts';
import type { AppContext } from '../../platform/context.ts';
import { demoCustomerId, findCustomer } from '../customers/index.ts';

/**
 * Two cash coupons of the demo resale customer (星河电商), so the purchase pages and the console's
 * coupon list show some: ¥300 off any order from ¥1,000, and ¥50 off ECS. Valid from the start of
 * this month for three months. Stored once (fixed ids).
 */
export async function seedDemoCoupons(ctx: AppContext): Promise<void> {
  const customer = await findCustomer(ctx.db, demoCustomerId('c1'));
  if (!customer) return;
  const now = ctx.clock.now();
  const local = inBusinessTz(now);
  const monthStart = (add: number) => {
    const m = local.getFullYear() * 12 + local.getMonth() + add;
    return businessDayStart(`${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}-01`);
  };
  const from = monthStart(0);
  const until = monthStart(3);
  const base = { customerId: customer.id, validFrom: from, validUntil: until, status: 'available' };
  await ctx.db
    .insert(schema.coupons)
    .values([
      {
        ...base,
        id: 'cpn_demo_c1_300',
        faceValueFen: 30_000,
        minOrderFen: 100_000,
        serviceTypeCodes: [],
        note: '年终促销 Year-end promotion',
        issuedBy: 'system',
        createdAt: now,
        updatedAt: now,
      },
      {
        ...base,
        id: 'cpn_demo_c1_ecs50',
        faceValueFen: 5_000,
        minOrderFen: 0,
        serviceTypeCodes: ['hws.service.type.ec2'],
        note: '云服务器体验券 ECS trial',
        issuedBy: 'system',
        createdAt: now,
        updatedAt: now,
      },
    ])
    .onConflictDoNothing();
}
