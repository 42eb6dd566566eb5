// The in-memory caches of the hot paths (verified API keys, sessions, users) and partner API flow
// control with two server processes on one database: a change made through one node takes effect on
// the other within a second (on PostgreSQL through LISTEN/NOTIFY; on PGlite both nodes share the
// process), and the 10 calls/s limit per key and operation holds across both nodes.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  asUser,
  createPartnerWithAdmin,
  createTestApp,
  type PartnerWithAdmin,
  signIn,
  type TestApp,
  type TestSession,
} from '../../../test/index.ts';
import { callV2, type TestApiKey } from '../../../test/v2.ts';
import { buildApp } from '../../app.ts';
import { testConfig } from '../../config.ts';

const QUERY = '/v2/partners/sub-customers/query';
/** The bound: a revoked key or session stops working everywhere within one second. */
const WITHIN_MS = 1_000;

describe('caches and flow control across two server processes', () => {
  let t: TestApp;
  let b: FastifyInstance;
  let admin: PartnerWithAdmin;
  let session: TestSession;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await createPartnerWithAdmin(t);
    session = await signIn(t, admin.user.email, admin.password);
    b = await buildApp({ config: testConfig(), database: t.db, clock: t.clock });
    await b.ready();
  });
  afterAll(async () => {
    await b.close();
    await t.close();
  });

  const onB = (): TestApp => ({ ...t, app: b, ctx: b.ctx });
  const meOnB = () =>
    b
      .inject({ method: 'GET', url: '/api/me', headers: { cookie: session.cookie } })
      .then((r) => r.statusCode);

  /** Polls `status` until it gives `want`; the milliseconds it took, or Infinity after WITHIN_MS. */
  async function msUntil(status: () => Promise<number>, want: number): Promise<number> {
    const started = performance.now();
    while (performance.now() - started < WITHIN_MS) {
      if ((await status()) === want) return performance.now() - started;
      await new Promise((r) => setTimeout(r, 10));
    }
    return Number.POSITIVE_INFINITY;
  }

  async function newKey(name: string): Promise<TestApiKey & { id: string }> {
    const res = await asUser(t, session)({ method: 'POST', url: '/api/developer/keys', payload: { name } });
    expect(res.statusCode).toBe(200);
    const k = res.json<{ id: string; accessKey: string; secretKey: string }>();
    return { id: k.id, keyId: k.id, accessKey: k.accessKey, secretKey: k.secretKey };
  }
  const queryOnB = (key: TestApiKey) =>
    callV2(onB(), key, { method: 'POST', url: QUERY, body: { offset: 0, limit: 1 } }).then(
      (r) => r.statusCode,
    );

  it('a key disabled through one node stops verifying on the other within a second', async () => {
    const key = await newKey('cross-node');
    // Node B verifies (and keeps) the key.
    expect(await queryOnB(key)).toBe(200);
    expect(await queryOnB(key)).toBe(200);
    t.clock.advance(1_000); // a fresh flow-control window
    const off = await asUser(t, session)({ method: 'POST', url: `/api/developer/keys/${key.id}/disable` });
    expect(off.statusCode).toBe(200);
    expect(await msUntil(() => queryOnB(key), 401)).toBeLessThan(WITHIN_MS);
    // Enabled again: verifies on B again.
    t.clock.advance(1_000);
    await asUser(t, session)({ method: 'POST', url: `/api/developer/keys/${key.id}/enable` });
    expect(await msUntil(() => queryOnB(key), 200)).toBeLessThan(WITHIN_MS);
  });

  it('a rotated key: the new secret verifies on the other node at once', async () => {
    const key = await newKey('rotate');
    expect(await queryOnB(key)).toBe(200);
    t.clock.advance(1_000);
    const res = await asUser(t, session)({ method: 'POST', url: `/api/developer/keys/${key.id}/rotate` });
    const rotated = { ...key, secretKey: res.json<{ secretKey: string }>().secretKey };
    expect(await msUntil(() => queryOnB(rotated), 200)).toBeLessThan(WITHIN_MS);
  });

  it('a session signed out on one node is refused by the other within a second', async () => {
    const other = await signIn(t, admin.user.email, admin.password);
    const meOf = () =>
      b
        .inject({ method: 'GET', url: '/api/me', headers: { cookie: other.cookie } })
        .then((r) => r.statusCode);
    expect(await meOf()).toBe(200);
    expect(await meOf()).toBe(200); // answered from B's cache
    expect(await meOnB()).toBe(200);
    const out = await asUser(t, other)({ method: 'POST', url: '/api/auth/sign-out' });
    expect(out.statusCode).toBe(200);
    expect(await msUntil(meOf, 401)).toBeLessThan(WITHIN_MS);
    // The other session of the same user is untouched.
    expect(await meOnB()).toBe(200);
  });

  it('a renamed user shows the new name on the other node', async () => {
    const before = await b.inject({ method: 'GET', url: '/api/me', headers: { cookie: session.cookie } });
    expect(before.json<{ name: string }>().name).toBe(admin.user.name);
    const res = await asUser(
      t,
      session,
    )({ method: 'PATCH', url: '/api/me/profile', payload: { name: '改名后' } });
    expect(res.statusCode).toBe(200);
    const name = async () =>
      (await b.inject({ method: 'GET', url: '/api/me', headers: { cookie: session.cookie } })).json<{
        name: string;
      }>().name === '改名后'
        ? 1
        : 0;
    expect(await msUntil(name, 1)).toBeLessThan(WITHIN_MS);
  });

  it('flow control: 10 calls/s per key and operation in total over both nodes (PostgreSQL)', async (c) => {
    if (t.db.kind !== 'postgres') c.skip(); // PGlite serves one process: its count is in memory
    const key = await newKey('flow');
    t.clock.advance(1_000);
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) {
      const node = i % 2 === 0 ? t : onB();
      statuses.push(
        (await callV2(node, key, { method: 'POST', url: QUERY, body: { offset: 0, limit: 1 } })).statusCode,
      );
    }
    expect(statuses).toEqual(Array(10).fill(200));
    expect(await queryOnB(key)).toBe(429);
    expect(
      (await callV2(t, key, { method: 'POST', url: QUERY, body: { offset: 0, limit: 1 } })).statusCode,
    ).toBe(429);
    t.clock.advance(1_000);
    expect(await queryOnB(key)).toBe(200);
  });

  it('flow control: a concurrent burst over both nodes, counted in batches, passes exactly 10 (PostgreSQL)', async (c) => {
    if (t.db.kind !== 'postgres') c.skip();
    const key = await newKey('burst');
    t.clock.advance(1_000); // the clock stands still: every call falls in one window
    const statuses = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        callV2(i % 2 === 0 ? t : onB(), key, {
          method: 'POST',
          url: QUERY,
          body: { offset: 0, limit: 1 },
        }).then((r) => r.statusCode),
      ),
    );
    expect(statuses.filter((s) => s === 200)).toHaveLength(10);
    expect(statuses.filter((s) => s === 429)).toHaveLength(20);
  });
});
