import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asUser, signIn } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/index.ts';
import { demoDomainId, seedDemo } from './seed.ts';
import { DEMO_PASSWORD, DEMO_USERS } from './users.ts';

describe('demo data', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('loads partners, users and operators once, however often it runs', async () => {
    await seedDemo(t.ctx);
    await seedDemo(t.ctx);
    const users = await t.db.query<{ n: number }>('select count(*)::int as n from users');
    expect(users.rows[0]?.n).toBe(DEMO_USERS.length);
    const partners = await t.db.query<{ domain_id: string }>('select domain_id from partners order by id');
    expect(partners.rows.map((r) => r.domain_id).sort()).toEqual(
      [demoDomainId('distributor'), demoDomainId('reseller'), demoDomainId('solution')].sort(),
    );
  });

  it('lets every demo user sign in with the printed password', async () => {
    for (const u of DEMO_USERS) {
      const me = await asUser(t, await signIn(t, u.email, DEMO_PASSWORD))({ method: 'GET', url: '/api/me' });
      expect(me.json()).toMatchObject({ email: u.email, userType: u.userType, roles: u.roles });
      if (u.partner) expect(me.json().partner.domainId).toBe(demoDomainId(u.partner));
    }
  });
});
