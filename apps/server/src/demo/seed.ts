import { createHash } from 'node:crypto';
import { seedDemoBudgets } from '../modules/budgets/budgets.demo.ts';
import { seedDemoCertificates } from '../modules/certificates/certificates.demo.ts';
import { seedDemoCertification } from '../modules/certification/certification.demo.ts';
import { seedDemoCustomers } from '../modules/customers/customers.demo.ts';
import { seedDemoEvents } from '../modules/events/events.demo.ts';
import { DEMO_PASSWORD, DEMO_USERS, type DemoUser } from '../modules/identity/identity.demo-users.ts';
import { findUserByEmail } from '../modules/identity/identity.repository.ts';
import { createUser } from '../modules/identity/users.service.ts';
import { seedDemoMemberships } from '../modules/memberships/memberships.demo.ts';
import { seedDemoOrganization } from '../modules/organization/organization.demo.ts';
import { findPartner } from '../modules/partners/partners.repository.ts';
import { createPartner } from '../modules/partners/partners.service.ts';
import { seedDemoTickets } from '../modules/tickets/tickets.demo.ts';
import { type AppContext, systemActor } from '../platform/context.ts';
import type { Localized } from '../platform/i18n/i18n.ts';

type DemoPartnerKey = NonNullable<DemoUser['partner']>;

/** The three demo companies; ids and domain ids are fixed so links and API examples stay valid. */
export const DEMO_PARTNERS: Record<DemoPartnerKey, { id: string; name: Localized }> = {
  solution: {
    id: 'prt_demo_solution',
    name: { 'zh-CN': '华辰云科技有限公司', 'en-US': 'Huachen Cloud Technology Co., Ltd.' },
  },
  distributor: {
    id: 'prt_demo_distributor',
    name: { 'zh-CN': '远航数据分销有限公司', 'en-US': 'Yuanhang Data Distribution Co., Ltd.' },
  },
  reseller: {
    id: 'prt_demo_reseller',
    name: { 'zh-CN': '云启信息技术有限公司', 'en-US': 'Yunqi Information Technology Co., Ltd.' },
  },
};

/**
 * Two more accounts of the solution provider that show R1 and R8: one registered on the
 * international site (it sees the banner pointing there) and one federated account (its profile
 * is managed by the central identity provider). Same password as the others.
 */
export const EXTRA_DEMO_USERS: (DemoUser & { site: 'cn' | 'intl'; accountKind: 'local' | 'federated' })[] = [
  {
    label: 'International-site account (R1)',
    email: 'intl@solution.demo',
    name: 'Emma Liu',
    userType: 'partner',
    roles: ['member'],
    partner: 'solution',
    site: 'intl',
    accountKind: 'local',
  },
  {
    label: 'Federated account (R8)',
    email: 'federated@solution.demo',
    name: '林涛',
    userType: 'partner',
    roles: ['member'],
    partner: 'solution',
    site: 'cn',
    accountKind: 'federated',
  },
];

/** A stable 32-hex domain id per demo partner. */
export function demoDomainId(key: DemoPartnerKey): string {
  return createHash('sha256').update(`demo-partner:${key}`).digest('hex').slice(0, 32);
}

/**
 * Demo partners, their users and one operator per role. Idempotent: what exists is left as it
 * is, so it is safe on every start.
 */
export async function seedDemo(ctx: AppContext): Promise<void> {
  const actor = systemActor();
  await ctx.db.transaction(async (tx) => {
    for (const [key, p] of Object.entries(DEMO_PARTNERS) as [
      DemoPartnerKey,
      (typeof DEMO_PARTNERS)[DemoPartnerKey],
    ][]) {
      if (await findPartner(tx, p.id)) continue;
      await createPartner(ctx, tx, actor, { id: p.id, name: p.name['zh-CN'], domainId: demoDomainId(key) });
    }
    const all: (DemoUser & { site?: 'cn' | 'intl'; accountKind?: 'local' | 'federated' })[] = [
      ...DEMO_USERS,
      ...EXTRA_DEMO_USERS,
    ];
    for (const u of all) {
      if (await findUserByEmail(tx, u.email)) continue;
      await createUser(ctx, tx, actor, {
        userType: u.userType,
        partnerId: u.partner ? DEMO_PARTNERS[u.partner].id : null,
        roles: u.roles,
        email: u.email,
        name: u.name,
        password: DEMO_PASSWORD,
        locale: 'zh-CN',
        site: u.site ?? 'cn',
        accountKind: u.accountKind ?? 'local',
        verified: true,
      });
    }
  });
  await seedDemoTickets(ctx);
  await seedDemoCertificates(ctx);
  await seedDemoCertification(ctx);
  await seedDemoMemberships(ctx);
  await seedDemoOrganization(ctx);
  await seedDemoCustomers(ctx);
  await seedDemoBudgets(ctx, DEMO_PARTNERS.solution.id);
  await seedDemoEvents(ctx);
}
