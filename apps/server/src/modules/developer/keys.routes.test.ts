import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AsUser,
  asUser,
  createPartnerUser,
  createPartnerWithAdmin,
  type PartnerWithAdmin,
  signIn,
} from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/index.ts';
import { findKeyForVerification } from './keys.service.ts';

describe('developer: API keys (R16)', () => {
  let t: TestApp;
  let a: PartnerWithAdmin;
  let b: PartnerWithAdmin;
  let asA: AsUser;
  let asB: AsUser;
  let asMember: AsUser;

  const create = (as: AsUser, name: string) =>
    as({ method: 'POST', url: '/api/developer/keys', payload: { name } });

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set('2026-03-02T02:00:00Z');
    a = await createPartnerWithAdmin(t, { locale: 'en-US' });
    b = await createPartnerWithAdmin(t);
    const m = await createPartnerUser(t, a.partner.id);
    asA = asUser(t, await signIn(t, a.user.email, a.password));
    asB = asUser(t, await signIn(t, b.user.email, b.password));
    asMember = asUser(t, await signIn(t, m.user.email, m.password));
  });
  afterAll(() => t.close());

  it('creates a key: AK of 20 upper-case alphanumerics, SK of 40 shown once, domain id, sealed at rest, audited', async () => {
    const res = await create(asA, '  Billing robot  ');
    expect(res.statusCode, res.body).toBe(200);
    const key = res.json();
    expect(key).toMatchObject({
      name: 'Billing robot',
      status: 'active',
      partnerDomainId: a.partner.domainId,
      createdAt: '2026-03-02T02:00:00.000Z',
      lastUsedAt: null,
      previousSecretValidUntil: null,
    });
    expect(key.accessKey).toMatch(/^[A-Z0-9]{20}$/);
    expect(key.secretKey).toMatch(/^[A-Za-z0-9]{40}$/);

    const list = await asA({ method: 'GET', url: '/api/developer/keys' });
    expect(list.statusCode).toBe(200);
    expect(list.json().limit).toBe(20);
    const listed = list.json().items.find((k: { id: string }) => k.id === key.id);
    expect(listed.accessKey).toBe(key.accessKey);
    expect(listed).not.toHaveProperty('secretKey');
    expect(list.body).not.toContain(key.secretKey);

    const row = await t.db.query<{ secret_sealed: string }>(
      'select secret_sealed from api_keys where id = $1',
      [key.id],
    );
    expect(row.rows[0]?.secret_sealed).not.toContain(key.secretKey);
    const audit = await t.db.query<{ action: string; after: unknown }>(
      'select action, after from audit_log where entity_id = $1',
      [key.id],
    );
    expect(audit.rows.map((r) => r.action)).toEqual(['api_key.created']);
    expect(JSON.stringify(audit.rows)).not.toContain(key.secretKey);

    const found = await findKeyForVerification(t.ctx, key.accessKey);
    expect(found).toEqual({
      keyId: key.id,
      partnerId: a.partner.id,
      partnerDomainId: a.partner.domainId,
      partnerSite: 'cn',
      partnerStatus: 'active',
      secrets: [key.secretKey],
      previousExpiresAt: null,
    });
  });

  it('validates the name', async () => {
    expect((await create(asA, '   ')).statusCode).toBe(400);
    expect((await create(asA, 'x'.repeat(65))).statusCode).toBe(400);
    expect((await create(asA, 'x'.repeat(64))).statusCode).toBe(200);
    const extra = await asA({
      method: 'POST',
      url: '/api/developer/keys',
      payload: { name: 'n', secretKey: 'x' },
    });
    expect(extra.statusCode).toBe(400);
  });

  it('refuses members and other partners', async () => {
    expect((await asMember({ method: 'GET', url: '/api/developer/keys' })).statusCode).toBe(403);
    expect((await create(asMember, 'mine')).statusCode).toBe(403);
    const key = (await create(asA, 'A only')).json();
    for (const action of ['disable', 'enable', 'rotate']) {
      const res = await asB({ method: 'POST', url: `/api/developer/keys/${key.id}/${action}` });
      expect(res.statusCode, action).toBe(404);
      expect(res.json().code).toBe('developer.key_not_found');
      expect(
        (await asMember({ method: 'POST', url: `/api/developer/keys/${key.id}/${action}` })).statusCode,
      ).toBe(403);
    }
    const listB = await asB({ method: 'GET', url: '/api/developer/keys' });
    expect(listB.json().items).toEqual([]);
  });

  it('disables and enables: a disabled key is not found for verification; both audited', async () => {
    t.clock.set('2026-03-02T02:00:00Z');
    const key = (await create(asA, 'toggle')).json();
    t.clock.set('2026-03-02T02:00:01Z');
    const off = await asA({ method: 'POST', url: `/api/developer/keys/${key.id}/disable` });
    expect(off.statusCode).toBe(200);
    expect(off.json()).toMatchObject({ status: 'disabled', disabledAt: '2026-03-02T02:00:01.000Z' });
    expect(await findKeyForVerification(t.ctx, key.accessKey)).toBeUndefined();
    const rotateDisabled = await asA({ method: 'POST', url: `/api/developer/keys/${key.id}/rotate` });
    expect(rotateDisabled.statusCode).toBe(409);
    expect(rotateDisabled.json().code).toBe('developer.key_disabled');
    t.clock.set('2026-03-02T02:00:02Z');
    const on = await asA({ method: 'POST', url: `/api/developer/keys/${key.id}/enable` });
    expect(on.json()).toMatchObject({ status: 'active', disabledAt: null });
    expect((await findKeyForVerification(t.ctx, key.accessKey))?.secrets).toEqual([key.secretKey]);
    // Enabling an enabled key changes nothing and records nothing.
    await asA({ method: 'POST', url: `/api/developer/keys/${key.id}/enable` });
    const audit = await t.db.query<{ action: string }>(
      'select action from audit_log where entity_id = $1 order by at, id',
      [key.id],
    );
    expect(audit.rows.map((r) => r.action)).toEqual([
      'api_key.created',
      'api_key.disabled',
      'api_key.enabled',
    ]);
  });

  it('rotates: new secret shown once, the previous one verifies for 24 hours only', async () => {
    const t0 = '2026-03-03T00:00:00Z';
    t.clock.set(t0);
    const key = (await create(asA, 'rotating')).json();
    const res = await asA({ method: 'POST', url: `/api/developer/keys/${key.id}/rotate` });
    expect(res.statusCode).toBe(200);
    const rotated = res.json();
    expect(rotated.accessKey).toBe(key.accessKey);
    expect(rotated.secretKey).toMatch(/^[A-Za-z0-9]{40}$/);
    expect(rotated.secretKey).not.toBe(key.secretKey);
    expect(rotated).toMatchObject({
      rotatedAt: '2026-03-03T00:00:00.000Z',
      previousSecretValidUntil: '2026-03-04T00:00:00.000Z',
    });
    expect((await findKeyForVerification(t.ctx, key.accessKey))?.secrets).toEqual([
      rotated.secretKey,
      key.secretKey,
    ]);
    t.clock.set('2026-03-03T23:59:59Z');
    expect((await findKeyForVerification(t.ctx, key.accessKey))?.secrets).toHaveLength(2);
    t.clock.set('2026-03-04T00:00:00Z');
    expect((await findKeyForVerification(t.ctx, key.accessKey))?.secrets).toEqual([rotated.secretKey]);
    const list = await asA({ method: 'GET', url: '/api/developer/keys' });
    expect(list.body).not.toContain(rotated.secretKey);
    const listed = list.json().items.find((k: { id: string }) => k.id === key.id);
    expect(listed.previousSecretValidUntil).toBeNull();
    const audit = await t.db.query<{ action: string }>(
      'select action, after from audit_log where entity_id = $1',
      [key.id],
    );
    expect(audit.rows.map((r) => r.action)).toContain('api_key.rotated');
    expect(JSON.stringify(audit.rows)).not.toContain(rotated.secretKey);
  });

  it('stamps last use at most once a minute', async () => {
    t.clock.set('2026-03-05T00:00:00Z');
    const key = (await create(asA, 'usage')).json();
    await findKeyForVerification(t.ctx, key.accessKey);
    const lastUsed = async () =>
      (await asA({ method: 'GET', url: '/api/developer/keys' }))
        .json()
        .items.find((k: { id: string }) => k.id === key.id).lastUsedAt;
    expect(await lastUsed()).toBe('2026-03-05T00:00:00.000Z');
    t.clock.set('2026-03-05T00:00:30Z');
    await findKeyForVerification(t.ctx, key.accessKey);
    expect(await lastUsed()).toBe('2026-03-05T00:00:00.000Z');
    t.clock.set('2026-03-05T00:01:01Z');
    await findKeyForVerification(t.ctx, key.accessKey);
    expect(await lastUsed()).toBe('2026-03-05T00:01:01.000Z');
  });

  it('limits a partner to 20 keys', async () => {
    const c = await createPartnerWithAdmin(t);
    const asC = asUser(t, await signIn(t, c.user.email, c.password));
    for (let i = 0; i < 20; i++) expect((await create(asC, `k${i}`)).statusCode).toBe(200);
    const over = await create(asC, 'one too many');
    expect(over.statusCode).toBe(409);
    expect(over.json().code).toBe('developer.key_limit');
  });

  it('SDK centre info: endpoint from PUBLIC_URL and the partner’s domain id, for members too', async () => {
    const res = await asMember({ method: 'GET', url: '/api/developer/partner-api' });
    expect(res.statusCode, res.body).toBe(200);
    const info = res.json();
    expect(info.domainId).toBe(a.partner.domainId);
    expect(info.endpoint).toBe(t.ctx.config.publicUrl.replace(/\/+$/, ''));
    expect(info.openapiUrl).toBe(`${info.endpoint}/openapi.json`);
    expect(Array.isArray(info.operations)).toBe(true);
    for (const op of info.operations) expect(op.path.startsWith('/v2/')).toBe(true);
    expect(info.operations).toContainEqual({
      method: 'POST',
      path: '/v2/partners/indirect-partners/query',
      operationId: 'ListIndirectPartners',
      summary: expect.any(String),
    });
  });

  it('SDK centre info: every operation described in the reader’s language', async () => {
    const zh = (
      await asMember({ method: 'GET', url: '/api/developer/partner-api', headers: { 'x-language': 'zh-CN' } })
    ).json();
    const en = (
      await asMember({ method: 'GET', url: '/api/developer/partner-api', headers: { 'x-language': 'en-US' } })
    ).json();
    const english = new Map(
      en.operations.map((o: { operationId: string; summary: string }) => [o.operationId, o.summary]),
    );
    const untranslated = zh.operations.filter(
      (o: { operationId: string; summary: string }) => !/[\u4e00-\u9fff]/.test(o.summary),
    );
    expect(untranslated).toEqual([]);
    expect(english.get('ListSubCustomers')).toMatch(/^Query my customers/);
    expect(
      zh.operations.find((o: { operationId: string }) => o.operationId === 'ListSubCustomers').summary,
    ).toMatch(/^查询我的客户/);
  });
});
