import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asUser, signIn } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/index.ts';
import { DEMO_PASSWORD, DEMO_USERS, EXTRA_DEMO_USERS } from '../modules/identity/identity.demo-users.ts';
import { demoDomainId } from '../modules/partners/partners.demo.ts';
import { seedDemo } from './seed.ts';

/** A fingerprint of every row of every table, to show that a second run writes nothing at all. */
async function fingerprint(t: TestApp): Promise<Record<string, string>> {
  const tables = await t.db.query<{ name: string }>(
    "select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1",
  );
  const out: Record<string, string> = {};
  for (const { name } of tables.rows) {
    const r = await t.db.query<{ n: number; h: string | null }>(
      `select count(*)::int as n, md5(string_agg(x::text, ',' order by x::text)) as h from "${name}" x`,
    );
    out[name] = `${r.rows[0]?.n}:${r.rows[0]?.h ?? ''}`;
  }
  return out;
}

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
    expect(users.rows[0]?.n).toBe(DEMO_USERS.length + EXTRA_DEMO_USERS.length + 1); // + the demo customer user;
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

  it('includes an international-site account (R1) and a federated one (R8)', async () => {
    const [intl, fed] = EXTRA_DEMO_USERS;
    if (!intl || !fed) throw new Error('extra demo users missing');
    const meIntl = await asUser(
      t,
      await signIn(t, intl.email, DEMO_PASSWORD),
    )({ method: 'GET', url: '/api/me' });
    expect(meIntl.json()).toMatchObject({ site: 'intl', siteBanner: { show: true } });
    const meFed = await asUser(
      t,
      await signIn(t, fed.email, DEMO_PASSWORD),
    )({ method: 'GET', url: '/api/me' });
    expect(meFed.json()).toMatchObject({ accountKind: 'federated', federatedProfileUrl: expect.any(String) });
  });

  it('changes nothing in any table when it runs again (every start of npm start)', async () => {
    await seedDemo(t.ctx);
    const before = await fingerprint(t);
    expect(Number(before.users?.split(':')[0])).toBe(DEMO_USERS.length + EXTRA_DEMO_USERS.length + 1); // + the demo customer user;
    await seedDemo(t.ctx);
    expect(await fingerprint(t)).toEqual(before);
  });
});
