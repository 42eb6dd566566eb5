import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../src/demo/seed.ts';
import { createTestApp, type TestApp } from './app.ts';
import { type AsUser, asUser, createOperator, createPartnerWithAdmin, getCsrf, signIn } from './factories.ts';

/**
 * Tenancy over every route of the OpenAPI document, so a route added later is covered without
 * anyone remembering to: anonymous callers are refused, partners never reach the console,
 * operators never act as a partner, and a fresh partner B never reads or changes anything of the
 * demo partners through any route, whichever of their ids it puts in the path.
 */

/** Routes anyone may call: public pages, sign-up and sign-in, and capability links by token. */
const PUBLIC = [
  /^\/api\/programs/,
  /^\/api\/auth\//,
  /^\/api\/invitations\//,
  /^\/api\/test\//,
  /^\/api\/developer\/platform-certificate$/,
];
/** Portal routes that belong to a partner; operators have no business there. */
const PARTNER_ONLY = [
  /^\/api\/tickets/,
  /^\/api\/certification/,
  /^\/api\/certificate/,
  /^\/api\/memberships/,
  /^\/api\/organization/,
  /^\/api\/payout-eligibility/,
  /^\/api\/budgets/,
  /^\/api\/customers/,
  /^\/api\/customer\//,
  /^\/api\/developer\/(webhooks|deliveries|integration)/,
];

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

  it("never lets partner B reach another partner's records by id", async () => {
    const leaks: string[] = [];
    const withParams = routes.filter(
      (r) => r.path.includes('{') && !isPublic(r) && !r.path.startsWith('/api/console/'),
    );
    for (const r of withParams) {
      for (const id of demoIds) {
        const res = await partnerB({
          method: r.method as 'GET',
          url: fill(r.path, id),
          payload: r.method === 'GET' || r.method === 'DELETE' ? undefined : {},
        });
        if (ok(res.statusCode)) leaks.push(`${r.method} ${fill(r.path, id)} → ${res.statusCode}`);
      }
    }
    expect(leaks).toEqual([]);
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
