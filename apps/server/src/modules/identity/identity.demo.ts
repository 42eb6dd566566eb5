import { type AppContext, systemActor } from '../../platform/context.ts';
import { DEMO_PARTNERS } from '../partners/partners.demo.ts';
import { DEMO_PASSWORD, DEMO_USERS, type DemoUser, EXTRA_DEMO_USERS } from './identity.demo-users.ts';
import { findUserByEmail } from './identity.repository.ts';
import { createUser } from './users.service.ts';

/** The demo users of the demo partners and one operator per role. Idempotent (runs after partners). */
export async function seedDemoUsers(ctx: AppContext): Promise<void> {
  const actor = systemActor();
  const all: (DemoUser & { site?: 'cn' | 'intl'; accountKind?: 'local' | 'federated' })[] = [
    ...DEMO_USERS,
    ...EXTRA_DEMO_USERS,
  ];
  await ctx.db.transaction(async (tx) => {
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
}
