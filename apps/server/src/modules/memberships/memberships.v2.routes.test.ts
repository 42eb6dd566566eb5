import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOperator, createPartnerWithAdmin, type PartnerWithAdmin } from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/index.ts';
import { callV2, createApiKey, type TestApiKey } from '../../../test/v2.ts';
import { systemActor } from '../../platform/context.ts';
import { grantMembership } from './applications.service.ts';
import { acceptInvitation, exitDistributor, inviteReseller } from './hierarchy.service.ts';
import { assignManager } from './managers.service.ts';

const URL = '/v2/partners/indirect-partners/query';

describe('partner API: indirect partners query (R2)', () => {
  let t: TestApp;
  let d: PartnerWithAdmin;
  let d2: PartnerWithAdmin;
  let r1: PartnerWithAdmin;
  let r2: PartnerWithAdmin;
  let r3: PartnerWithAdmin;
  let other: PartnerWithAdmin;
  let dKey: TestApiKey;
  let managerId: string;

  const userActor = (p: PartnerWithAdmin) => ({
    ...systemActor(),
    type: 'user' as const,
    id: p.user.id,
    partnerId: p.partner.id,
    roles: ['admin'],
  });
  const makeDistributor = (p: PartnerWithAdmin) =>
    t.ctx.db.transaction((tx) =>
      grantMembership(t.ctx, tx, systemActor(), {
        partnerId: p.partner.id,
        program: 'distributor',
        source: 'operator',
      }),
    );
  const link = async (dist: PartnerWithAdmin, reseller: PartnerWithAdmin, at: string) => {
    t.clock.set(at);
    const inv = await inviteReseller(t.ctx, userActor(dist), { email: reseller.user.email });
    await acceptInvitation(t.ctx, userActor(reseller), inv.id);
  };
  const query = (key: TestApiKey, body: object) => {
    // A fresh second for each call: flow control counts calls per second per key and operation.
    t.clock.advance(1000);
    return callV2(t, key, { method: 'POST', url: URL, body });
  };

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set('2026-02-01T00:00:00Z');
    d = await createPartnerWithAdmin(t, { name: 'Distributor One' });
    d2 = await createPartnerWithAdmin(t, { name: 'Distributor Two' });
    r1 = await createPartnerWithAdmin(t, {
      name: 'Reseller Alpha',
      email: `alpha-${Date.now()}@resellers.test`,
    });
    r2 = await createPartnerWithAdmin(t, { name: 'Reseller Beta' });
    r3 = await createPartnerWithAdmin(t, { name: 'Reseller of Two' });
    other = await createPartnerWithAdmin(t, { name: 'Just a partner' });
    await makeDistributor(d);
    await makeDistributor(d2);
    await link(d, r1, '2026-02-10T08:00:00Z');
    await link(d, r2, '2026-03-15T08:00:00Z');
    await link(d2, r3, '2026-03-20T08:00:00Z');
    const manager = await createOperator(t, ['ecosystem_manager']);
    managerId = manager.user.id;
    await assignManager(t.ctx, systemActor(), r1.partner.id, managerId);
    dKey = await createApiKey(t, d.partner.id);
    t.clock.set('2026-04-01T00:00:00Z');
  });
  afterAll(() => t.close());

  it('lists the distributor’s active resellers, newest first, with the contract’s fields', async () => {
    const res = await query(dKey, {});
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.count).toBe(2);
    expect(body.indirect_partners).toEqual([
      {
        indirect_partner_id: r2.partner.domainId,
        name: 'Reseller Beta',
        account_name: r2.user.email,
        mobile_phone: null,
        email: r2.user.email,
        associated_on: '2026-03-15T08:00:00Z',
        account_manager_id: null,
        account_manager_name: null,
      },
      {
        indirect_partner_id: r1.partner.domainId,
        name: 'Reseller Alpha',
        account_name: r1.user.email,
        mobile_phone: null,
        email: r1.user.email,
        associated_on: '2026-02-10T08:00:00Z',
        account_manager_id: managerId,
        account_manager_name: expect.any(String),
      },
    ]);
  });

  it('filters by account name, association time and reseller id, and pages', async () => {
    const ids = async (body: object) => {
      const res = await query(dKey, body);
      expect(res.statusCode, res.body).toBe(200);
      return {
        count: res.json().count,
        ids: res.json().indirect_partners.map((p: { indirect_partner_id: string }) => p.indirect_partner_id),
      };
    };
    expect(await ids({ account_name: 'ALPHA-' })).toEqual({ count: 1, ids: [r1.partner.domainId] });
    expect(await ids({ associated_on_begin: '2026-03-01T00:00:00Z' })).toEqual({
      count: 1,
      ids: [r2.partner.domainId],
    });
    expect(await ids({ associated_on_end: '2026-02-10T08:00:00Z' })).toEqual({
      count: 1,
      ids: [r1.partner.domainId],
    });
    expect(
      await ids({ associated_on_begin: '2026-02-11T00:00:00Z', associated_on_end: '2026-03-01T00:00:00Z' }),
    ).toEqual({ count: 0, ids: [] });
    expect(await ids({ indirect_partner_id: r1.partner.domainId })).toEqual({
      count: 1,
      ids: [r1.partner.domainId],
    });
    expect(await ids({ offset: 1, limit: 1 })).toEqual({ count: 2, ids: [r1.partner.domainId] });
    expect(await ids({ offset: 5 })).toEqual({ count: 2, ids: [] });
  });

  it('never shows another distributor’s resellers', async () => {
    const res = await query(dKey, { indirect_partner_id: r3.partner.domainId });
    expect(res.json()).toEqual({ count: 0, indirect_partners: [] });
    const d2Key = await createApiKey(t, d2.partner.id);
    const theirs = await query(d2Key, {});
    expect(theirs.json().indirect_partners.map((p: { name: string }) => p.name)).toEqual(['Reseller of Two']);
  });

  it('refuses a partner that is not a distributor (CBC.0155), resellers included', async () => {
    for (const p of [other, r1]) {
      const key = await createApiKey(t, p.partner.id);
      const res = await query(key, {});
      expect(res.statusCode).toBe(403);
      expect(res.json().error_code).toBe('CBC.0155');
    }
  });

  it('validates the request per contract', async () => {
    for (const body of [
      { limit: 0 },
      { limit: 101 },
      { offset: -1 },
      { associated_on_begin: '2026-03-01' },
      { associated_on_end: '2026-13-01T00:00:00Z' },
      { account_name: '' },
      { offset: '1' },
    ]) {
      const res = await query(dKey, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error_code, JSON.stringify(body)).toBe('CBC.0100');
    }
  });

  it('drops a reseller that left its distributor', async () => {
    await exitDistributor(t.ctx, userActor(r2));
    const res = await query(dKey, {});
    expect(res.json().indirect_partners.map((p: { name: string }) => p.name)).toEqual(['Reseller Alpha']);
  });
});
