import { type AppContext, systemActor } from '../../platform/context.ts';
import { DEMO_PARTNERS } from '../partners/index.ts';
import {
  DEMO_PASSWORD,
  DEMO_TOTP_SECRET,
  DEMO_USERS,
  type DemoUser,
  EXTRA_DEMO_USERS,
} from './identity.demo-users.ts';
import { findUserByEmail } from './identity.repository.ts';
import { enrolWithSecret } from './totp.service.ts';
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
      const existing = await findUserByEmail(tx, u.email);
      // Operators need a second factor: the demo ones come enrolled with the published secret.
      if (existing) {
        if (existing.userType === 'operator') await enrolWithSecret(ctx, tx, existing.id, DEMO_TOTP_SECRET);
        continue;
      }
      const created = await createUser(ctx, tx, actor, {
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
      if (created.userType === 'operator') await enrolWithSecret(ctx, tx, created.id, DEMO_TOTP_SECRET);
    }
  });
}
