import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPartnerWithAdmin } from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/index.ts';
import { systemActor } from '../../platform/context.ts';
import { grantMembership } from './applications.service.ts';
import { inviteReseller } from './hierarchy.service.ts';
import { membershipsJobs as jobRegistry } from './memberships.jobs.ts';

describe('memberships.expire_invitations job', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('is scheduled daily and expires pending invitations once they run out', async () => {
    const job = jobRegistry.find((j) => j.name === 'memberships.expire_invitations');
    expect(job?.cron).toBe('10 0 * * *');
    const d = await createPartnerWithAdmin(t);
    const r = await createPartnerWithAdmin(t);
    await t.ctx.db.transaction((tx) =>
      grantMembership(t.ctx, tx, systemActor(), {
        partnerId: d.partner.id,
        program: 'distributor',
        source: 'operator',
      }),
    );
    const inv = await inviteReseller(
      t.ctx,
      { ...systemActor(), type: 'user', id: d.user.id, partnerId: d.partner.id, roles: ['admin'] },
      { email: r.user.email },
    );
    const status = async () =>
      (
        await t.db.query<{ status: string }>('select status from reseller_invitations where id = $1', [
          inv.id,
        ])
      ).rows[0]?.status;
    const run = (at: Date) => job?.handler(t.ctx, { slot: at.toISOString() }, { id: 'test', retryCount: 0 });

    await run(new Date(inv.expiresAt.getTime() - 1000));
    expect(await status()).toBe('pending');
    await run(inv.expiresAt);
    expect(await status()).toBe('expired');
    // Idempotent: a second run of the slot changes nothing.
    await run(inv.expiresAt);
    const audit = await t.db.query(
      `select 1 from audit_log where entity_id = $1 and action = 'reseller_invitation.expired'`,
      [inv.id],
    );
    expect(audit.rows).toHaveLength(2);
  });
});
