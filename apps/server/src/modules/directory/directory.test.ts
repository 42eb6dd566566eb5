import { schema } from '@pc/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AsUser,
  asUser,
  createOperator,
  createPartnerWithAdmin,
  type PartnerWithAdmin,
  signIn,
} from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/index.ts';
import { callV2, createApiKey, type TestApiKey } from '../../../test/v2.ts';
import { newId } from '../../platform/ids/ids.ts';

const DIRECTORY = '/api/console/partner-directory';

describe('partner directory, suspend and resume', () => {
  let t: TestApp;
  let alpha: PartnerWithAdmin;
  let beta: PartnerWithAdmin;
  let asManager: AsUser;
  let asSupport: AsUser;
  let asAlpha: AsUser;
  let key: TestApiKey;
  const tag = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

  const grant = (partnerId: string, program: string) =>
    t.ctx.db.insert(schema.memberships).values({
      id: newId('mbr'),
      partnerId,
      program,
      status: 'active',
      source: 'operator',
      startedAt: t.clock.now(),
    });
  const search = async (query: string) => {
    const res = await asManager({ method: 'GET', url: `${DIRECTORY}?${query}` });
    expect(res.statusCode).toBe(200);
    return res.json() as {
      items: { id: string; programs: string[]; tier: string; status: string }[];
      total: number;
    };
  };
  const status = (who: AsUser, id: string, action: 'suspend' | 'resume', reason = 'Overdue documents') =>
    who({ method: 'POST', url: `/api/console/partners/${id}/${action}`, payload: { reason } });

  beforeAll(async () => {
    t = await createTestApp({ config: { apiFlowLimit: 10_000 } });
    alpha = await createPartnerWithAdmin(t, { name: `Alpha Directory ${tag} 云`, locale: 'en-US' });
    beta = await createPartnerWithAdmin(t, { name: `Beta Directory ${tag}` });
    await grant(alpha.partner.id, 'distributor');
    await grant(beta.partner.id, 'cloud_reseller');
    await grant(beta.partner.id, 'solution_provider');
    const manager = await createOperator(t, ['ecosystem_manager']);
    asManager = asUser(t, await signIn(t, manager.user.email, manager.password));
    const support = await createOperator(t, ['support']);
    asSupport = asUser(t, await signIn(t, support.user.email, support.password));
    asAlpha = asUser(t, await signIn(t, alpha.user.email, alpha.password));
    key = await createApiKey(t, alpha.partner.id);
  }, 240_000);
  afterAll(() => t.close());

  it('finds partners by a piece of the name, id or domain id, in any case', async () => {
    const byName = await search(`q=${encodeURIComponent(`ALPHA directory ${tag}`)}`);
    expect(byName.items.map((i) => i.id)).toEqual([alpha.partner.id]);
    const byId = await search(`q=${alpha.partner.id.slice(-10).toUpperCase()}`);
    expect(byId.items.map((i) => i.id)).toContain(alpha.partner.id);
    const byDomain = await search(`q=${beta.partner.domainId.slice(4, 20)}`);
    expect(byDomain.items.map((i) => i.id)).toEqual([beta.partner.id]);
    // LIKE wildcards are taken literally.
    expect((await search(`q=${encodeURIComponent(`${tag}%`)}`)).total).toBe(0);
  });

  it('filters by program, tier, kind and status, pages and sorts', async () => {
    const q = `q=${tag}`;
    expect((await search(`${q}&program=distributor`)).items.map((i) => i.id)).toEqual([alpha.partner.id]);
    expect((await search(`${q}&tier=tier2`)).items.map((i) => i.id)).toEqual([beta.partner.id]);
    expect((await search(`${q}&tier=direct`)).total).toBe(0);
    expect((await search(`${q}&kind=solution_provider`)).items.map((i) => i.id)).toEqual([beta.partner.id]);
    expect((await search(`${q}&kind=unassigned`)).total).toBe(0);
    const page = await search(`${q}&sort=name&order=desc&pageSize=1&page=2`);
    expect(page.total).toBe(2);
    expect(page.items.map((i) => i.id)).toEqual([alpha.partner.id]);
    const all = await search(`${q}&sort=name&order=asc`);
    expect(all.items[1]).toMatchObject({ id: beta.partner.id, tier: 'tier2', status: 'active' });
    expect(all.items[1]?.programs).toEqual(['cloud_reseller', 'solution_provider']);
    expect((await search(`${q}&page=9`)).total).toBe(2);
    const bad = await asManager({ method: 'GET', url: `${DIRECTORY}?tier=gold` });
    expect(bad.statusCode).toBe(400);
  });

  it('lets only admins and ecosystem managers suspend, with a reason', async () => {
    expect((await status(asSupport, alpha.partner.id, 'suspend')).statusCode).toBe(403);
    const noReason = await status(asManager, alpha.partner.id, 'suspend', '  ');
    expect(noReason.statusCode).toBe(400);
    expect((await status(asManager, 'prt_missing', 'suspend')).json().code).toBe('partners.not_found');
    expect((await status(asManager, beta.partner.id, 'resume')).json()).toMatchObject({
      code: 'partners.not_suspended',
    });
  });

  it('suspends once: concurrent suspensions act once, the second is a 409 with a stable code', async () => {
    const me = await asAlpha({ method: 'GET', url: '/api/me' }); // cached in this process now
    expect(me.json().partner.status).toBe('active');
    const [a, b] = await Promise.all([
      status(asManager, alpha.partner.id, 'suspend'),
      status(asManager, alpha.partner.id, 'suspend'),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const loser = a.statusCode === 409 ? a : b;
    expect(loser.json().code).toBe('partners.already_suspended');
    const audit = await t.db.query<{ n: number }>(
      "select count(*)::int as n from audit_log where entity_id = $1 and action = 'partner.suspended'",
      [alpha.partner.id],
    );
    expect(audit.rows[0]?.n).toBe(1);
    const notices = await t.db.query<{ channel: string; subject: string | null }>(
      "select channel, subject from notifications where user_id = $1 and template = 'directory.partner_suspended'",
      [alpha.user.id],
    );
    expect(notices.rows.map((r) => r.channel).sort()).toEqual(['email', 'in_app']);
    expect(notices.rows.find((r) => r.channel === 'email')?.subject).toContain('suspended');
  });

  it('shows the suspension at once and refuses new commitments, reads still work', async () => {
    const me = (await asAlpha({ method: 'GET', url: '/api/me' })).json();
    expect(me.partner).toMatchObject({ status: 'suspended', suspensionReason: 'Overdue documents' });
    const standing = await asManager({
      method: 'GET',
      url: `/api/console/partners/${alpha.partner.id}/standing`,
    });
    expect(standing.json()).toMatchObject({ status: 'suspended', suspensionReason: 'Overdue documents' });
    expect((await search(`q=${tag}&status=suspended`)).items.map((i) => i.id)).toEqual([alpha.partner.id]);

    const invite = await asAlpha({
      method: 'POST',
      url: '/api/customers/invitations',
      payload: { email: `c-${tag}@customer.test`, type: 'resale' },
    });
    expect(invite.statusCode).toBe(403);
    expect(invite.json().code).toBe('partners.suspended');
    const newKey = await asAlpha({ method: 'POST', url: '/api/developer/keys', payload: { name: 'k' } });
    expect(newKey.json().code).toBe('partners.suspended');
    expect((await asAlpha({ method: 'GET', url: '/api/developer/keys' })).statusCode).toBe(200);

    const write = await callV2(t, key, {
      method: 'POST',
      url: '/v2/partners/sub-customers',
      body: { xaccount_type: 'shop', xaccount_id: `x-${tag}` },
    });
    expect(write.statusCode).toBe(403);
    expect(write.json().error_code).toBe('CBC.0151');
    const read = await callV2(t, key, { method: 'POST', url: '/v2/partners/sub-customers/query', body: {} });
    expect(read.statusCode).toBe(200);
  });

  it('resumes: everything works again, audited and told', async () => {
    const res = await status(asManager, alpha.partner.id, 'resume', 'Documents received');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'active', suspensionReason: null });
    expect((await asAlpha({ method: 'GET', url: '/api/me' })).json().partner.status).toBe('active');
    const write = await callV2(t, key, {
      method: 'POST',
      url: '/v2/partners/sub-customers',
      body: { xaccount_type: 'shop', xaccount_id: `x-${tag}` },
    });
    expect(write.statusCode).toBe(200);
    const notice = await t.db.query<{ n: number }>(
      "select count(*)::int as n from notifications where user_id = $1 and template = 'directory.partner_resumed'",
      [alpha.user.id],
    );
    expect(notice.rows[0]?.n).toBe(2); // email and in-app
    expect((await status(asManager, alpha.partner.id, 'resume')).statusCode).toBe(409);
  });

  it('searches 10,000 partners (timing printed, not asserted)', { timeout: 300_000 }, async () => {
    const now = t.clock.now().toISOString();
    await t.db.exec(`
      insert into partners (id, name, domain_id, site, status, created_at, updated_at)
      select 'prt_bulk_' || g, 'Bulk Company ' || md5(g::text), md5('bulk' || g), 'cn',
             case when g % 10 = 0 then 'suspended' else 'active' end, '${now}', '${now}'
      from generate_series(1, 10000) g;
      analyze partners;`);
    const runs: number[] = [];
    for (const q of [
      'q=bulk%20company%20a1b',
      'q=prt_bulk_99',
      'q=abc&status=suspended',
      'sort=name&page=50',
    ]) {
      const started = performance.now();
      const page = await search(q);
      runs.push(performance.now() - started);
      expect(page.total).toBeGreaterThan(0);
    }
    console.log(
      `[directory] ${t.db.kind}: search over 10,000 partners, ms per request: ${runs.map((r) => r.toFixed(1)).join(', ')}`,
    );
  });
});
