import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../src/demo/seed.ts';
import { DEMO_PASSWORD } from '../src/modules/identity/identity.demo-users.ts';
import { MODULES } from '../src/modules/index.ts';
import { OPERATOR_ROLES } from '../src/platform/http/auth.ts';
import { createTestApp, type TestApp } from './app.ts';
import { type AsUser, asUser, createOperator, createPartnerWithAdmin, getCsrf, signIn } from './factories.ts';
import { callV2, createApiKey } from './v2.ts';

/**
 * Tenancy over every route of the OpenAPI document, so a route added later is covered without
 * anyone remembering to: anonymous callers are refused, partners never reach the console,
 * operators never act as a partner, and a fresh partner B never reads or changes anything of the
 * demo partners through any route, whichever of their ids it puts in the path.
 */

/** Routes anyone may call (public pages, sign-up and sign-in, capability links by token), and
 * portal routes that belong to a partner (operators have no business there): each module declares
 * its own in its manifest's `tenancy`. */
const PUBLIC = MODULES.flatMap((m) => m.tenancy?.public ?? []);
const PARTNER_ONLY = MODULES.flatMap((m) => m.tenancy?.partnerOnly ?? []);
/** Console paths only some operator roles may call, as each module declares them. */
const OPERATOR_ROLES_ONLY = MODULES.flatMap((m) => m.tenancy?.operatorRoles ?? []);

interface Route {
  method: string;
  path: string;
}

const fill = (path: string, value: string) => path.replace(/\{[^}]+\}/g, value);
const isPublic = (r: Route) => PUBLIC.some((p) => p.test(r.path));
const ok = (status: number) => status >= 200 && status < 300;

describe('tenancy on every route', () => {
  let t: TestApp;
  let routes: Route[];
  let anon: AsUser;
  let partnerB: AsUser;
  let operator: AsUser;
  let demoIds: string[];

  beforeAll(async () => {
    t = await createTestApp();
    await seedDemo(t.ctx);
    const doc = t.app.swagger() as { paths: Record<string, Record<string, unknown>> };
    routes = Object.entries(doc.paths)
      .filter(([p]) => p.startsWith('/api/'))
      .flatMap(([path, methods]) => Object.keys(methods).map((m) => ({ method: m.toUpperCase(), path })));
    anon = asUser(t, await getCsrf(t));
    const b = await createPartnerWithAdmin(t);
    partnerB = asUser(t, await signIn(t, b.user.email, b.password));
    const op = await createOperator(t, ['admin']);
    operator = asUser(t, await signIn(t, op.user.email, op.password));
    demoIds = await ownedIds(t, ['prt_demo_solution', 'prt_demo_distributor', 'prt_demo_reseller']);
  });
  afterAll(() => t.close());

  it('finds the routes and the demo data to probe with', () => {
    expect(routes.length).toBeGreaterThan(50);
    expect(demoIds.length).toBeGreaterThan(20);
  });

  it('refuses anonymous callers on every non-public route', async () => {
    const open: string[] = [];
    for (const r of routes.filter((r) => !isPublic(r))) {
      const res = await anon({
        method: r.method as 'GET',
        url: fill(r.path, 'x_missing'),
        payload: r.method === 'GET' || r.method === 'DELETE' ? undefined : {},
      });
      if (res.statusCode !== 401) open.push(`${r.method} ${r.path} → ${res.statusCode}`);
    }
    expect(open).toEqual([]);
  });

  it('keeps partners out of every console route', async () => {
    const reached: string[] = [];
    for (const r of routes.filter((r) => r.path.startsWith('/api/console/'))) {
      const res = await partnerB({
        method: r.method as 'GET',
        url: fill(r.path, 'x_missing'),
        payload: r.method === 'GET' || r.method === 'DELETE' ? undefined : {},
      });
      if (res.statusCode !== 403) reached.push(`${r.method} ${r.path} → ${res.statusCode}`);
    }
    expect(reached).toEqual([]);
  });

  it("keeps operators out of partners' own routes", async () => {
    const reached: string[] = [];
    for (const r of routes.filter((r) => PARTNER_ONLY.some((p) => p.test(r.path)))) {
      const res = await operator({
        method: r.method as 'GET',
        url: fill(r.path, 'x_missing'),
        payload: r.method === 'GET' || r.method === 'DELETE' ? undefined : {},
      });
      if (res.statusCode !== 403) reached.push(`${r.method} ${r.path} → ${res.statusCode}`);
    }
    expect(reached).toEqual([]);
  });

  it('keeps operators without the role out of role-restricted console routes', async () => {
    const reached: string[] = [];
    let probed = 0;
    for (const rule of OPERATOR_ROLES_ONLY) {
      const restricted = routes.filter((r) => rule.path.test(r.path));
      for (const role of OPERATOR_ROLES.filter((x) => !rule.roles.includes(x) && x !== 'admin')) {
        const op = await createOperator(t, [role]);
        const call = asUser(t, await signIn(t, op.user.email, op.password));
        for (const r of restricted) {
          probed++;
          const res = await call({
            method: r.method as 'GET',
            url: fill(r.path, 'x_missing'),
            payload: r.method === 'GET' || r.method === 'DELETE' ? undefined : {},
          });
          if (res.statusCode !== 403) reached.push(`${role}: ${r.method} ${r.path} → ${res.statusCode}`);
        }
      }
    }
    expect(probed).toBeGreaterThan(0);
    expect(reached).toEqual([]);
  });

  // Every route with an id × every demo id is thousands of requests: split into shards, each with
  // its own timeout, so a slow, loaded machine does not fail the whole probe.
  const SHARDS = 6;
  for (let shard = 0; shard < SHARDS; shard++) {
    it(`never lets partner B reach another partner's records by id (part ${shard + 1} of ${SHARDS})`, async () => {
      const leaks: string[] = [];
      const withParams = routes
        .filter((r) => r.path.includes('{') && !isPublic(r) && !r.path.startsWith('/api/console/'))
        .filter((_, i) => i % SHARDS === shard);
      const probes = withParams.flatMap((r) => demoIds.map((id) => ({ r, id })));
      // A few at a time: the database works while the next request is parsed.
      for (let i = 0; i < probes.length; i += 4) {
        await Promise.all(
          probes.slice(i, i + 4).map(async ({ r, id }) => {
            const res = await partnerB({
              method: r.method as 'GET',
              url: fill(r.path, id),
              payload: r.method === 'GET' || r.method === 'DELETE' ? undefined : {},
            });
            if (ok(res.statusCode)) leaks.push(`${r.method} ${fill(r.path, id)} → ${res.statusCode}`);
          }),
        );
      }
      expect(leaks).toEqual([]);
    }, 180_000);
  }

  it("never lets anyone list or sign out another account's sessions or authenticator", async () => {
    const demo = await signIn(t, 'admin@solution.demo', DEMO_PASSWORD);
    const own = asUser(t, demo);
    const ids = (await own({ method: 'GET', url: '/api/me/sessions' })).json<{ items: { id: string }[] }>();
    const demoSession = ids.items[0]?.id;
    expect(demoSession).toBeTruthy();
    for (const caller of [partnerB, operator]) {
      const listed = await caller({ method: 'GET', url: '/api/me/sessions' });
      expect(listed.body).not.toContain(demoSession);
      const r = await caller({ method: 'POST', url: `/api/me/sessions/${demoSession}/revoke` });
      expect(r.statusCode).toBe(404);
    }
    expect((await own({ method: 'GET', url: '/api/me' })).statusCode).toBe(200);
    for (const url of ['/api/me/sessions', '/api/me/totp']) {
      expect((await anon({ method: 'GET', url })).statusCode).toBe(401);
    }
  });

  it("never shows partner B another partner's records in a list", async () => {
    const leaks: string[] = [];
    const lists = routes.filter(
      (r) =>
        r.method === 'GET' && !r.path.includes('{') && !isPublic(r) && !r.path.startsWith('/api/console/'),
    );
    for (const r of lists) {
      const res = await partnerB({ method: 'GET', url: r.path });
      const seen = demoIds.filter((id) => res.body.includes(id));
      if (seen.length) leaks.push(`${r.path} shows ${seen.slice(0, 3).join(', ')}`);
    }
    expect(leaks).toEqual([]);
    // Every route with an id × every demo id: a few thousand requests, slow on a loaded machine.
  }, 180_000);
});

describe('tenancy on every partner API (/v2) operation', () => {
  let t: TestApp;
  let routes: Route[];

  beforeAll(async () => {
    t = await createTestApp({ config: { apiFlowLimit: 1_000 } });
    await seedDemo(t.ctx);
    const doc = t.app.swagger() as { paths: Record<string, Record<string, unknown>> };
    routes = Object.entries(doc.paths)
      .filter(([p]) => p.startsWith('/v2/'))
      .flatMap(([path, methods]) => Object.keys(methods).map((m) => ({ method: m.toUpperCase(), path })));
  });
  afterAll(() => t.close());

  it('refuses unsigned callers on every operation with APIGW.0301', async () => {
    expect(routes.length).toBeGreaterThan(8);
    const open: string[] = [];
    for (const r of routes) {
      const res = await t.app.inject({
        method: r.method as 'GET',
        url: fill(r.path, 'x'),
        ...(r.method === 'GET' ? {} : { payload: {} }),
      });
      if (res.statusCode !== 401 || res.json().error_code !== 'APIGW.0301')
        open.push(`${r.method} ${r.path} → ${res.statusCode}`);
    }
    expect(open).toEqual([]);
  });

  it("never lets partner B's key read or change the demo partners' customers or resellers", async () => {
    const b = await createPartnerWithAdmin(t);
    const key = await createApiKey(t, b.partner.id);
    const demo = await t.db.query<{ domain_id: string; name: string; domain_name: string }>(
      `select c.domain_id, c.name, c.domain_name from customers c
         join customer_associations a on a.customer_id = c.id and a.status = 'active'`,
    );
    const resellers = await t.db.query<{ domain_id: string; name: string }>(
      "select domain_id, name from partners where id like 'prt_demo_%'",
    );
    expect(demo.rows.length).toBeGreaterThan(3);
    const secrets = [
      ...demo.rows.flatMap((c) => [c.name, c.domain_name]),
      ...resellers.rows.map((r) => r.name),
    ];
    const leaks: string[] = [];
    for (const r of routes) {
      for (const c of demo.rows) {
        for (const indirect of [undefined, ...resellers.rows.map((x) => x.domain_id)]) {
          const ids = { customer_id: c.domain_id, ...(indirect ? { indirect_partner_id: indirect } : {}) };
          const body = {
            ...ids,
            customer_ids: [c.domain_id],
            budget_amount: 1,
            reason: 'tenancy probe',
            search_type: 'name',
            search_value: c.domain_name,
          };
          const query = new URLSearchParams(ids).toString();
          const res = await callV2(t, key, {
            method: r.method as 'GET',
            url: r.method === 'GET' ? `${fill(r.path, c.domain_id)}?${query}` : fill(r.path, c.domain_id),
            ...(r.method === 'GET' ? {} : { body }),
          });
          const shown = secrets.filter((x) => res.body.includes(x));
          if (ok(res.statusCode) && shown.length)
            leaks.push(`${r.method} ${r.path} shows ${shown.join(', ')}`);
        }
      }
    }
    expect(leaks).toEqual([]);
    // The probe does see names when they are the caller's: the demo partner's own key lists them.
    const own = await callV2(t, await createApiKey(t, 'prt_demo_solution'), {
      method: 'POST',
      url: '/v2/partners/sub-customers/query',
      body: {},
    });
    expect(secrets.some((x) => own.body.includes(x))).toBe(true);
    // Nothing of theirs changed: no freeze, no budget set by B.
    const frozen = await t.db.query<{ n: string }>(
      "select count(*) as n from customers where status = 'frozen'",
    );
    const budgets = await t.db.query<{ n: string }>(
      'select count(*) as n from budget_records where partner_id = $1',
      [b.partner.id],
    );
    expect(Number(frozen.rows[0]?.n)).toBe(0);
    expect(Number(budgets.rows[0]?.n)).toBe(0);
  });
});

/** Ids of the given partners and of every row in a table with a partner_id column that is theirs. */
async function ownedIds(t: TestApp, partnerIds: string[]): Promise<string[]> {
  const tables = await t.db.query<{ table_name: string }>(
    `select c.table_name from information_schema.columns c
       join information_schema.columns i on i.table_name = c.table_name and i.table_schema = c.table_schema and i.column_name = 'id'
      where c.table_schema = 'public' and c.column_name = 'partner_id' and i.data_type = 'text'`,
  );
  const ids = new Set(partnerIds);
  for (const { table_name } of tables.rows) {
    const rows = await t.db.query<{ id: string }>(
      `select id from "${table_name}" where partner_id = any($1)`,
      [partnerIds],
    );
    for (const r of rows.rows) ids.add(r.id);
  }
  return [...ids];
}
