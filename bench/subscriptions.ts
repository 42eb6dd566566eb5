// R15: the signed yearly/monthly resource query (ListPayPerUseCustomerResources) next to the bare SQL
// it stands for, over BENCH_RESOURCES resources (default 20,000; 1,000,000 with BENCH_SCALE=full) of one partner's 1,000
// customers; and the lifecycle sweep (reminders, expiry into retention, release) over them.
import Fastify from 'fastify';
import { buildApp } from '../apps/server/src/app.ts';
import { testConfig } from '../apps/server/src/config.ts';
import { runLifecycle } from '../apps/server/src/modules/subscriptions/index.ts';
import { signRequest } from '../apps/server/src/platform/partner-api/signing.ts';
import { freshDatabase, listen, measureTogether, type Row } from './lib.ts';
import { API_CONNECTIONS, seedPartnerWithCustomers } from './partner-api.ts';

/** BENCH_SCALE=full: the 1 million resources; the quick default is 20,000. */
export const RESOURCES_DEFAULT = Number(
  process.env.BENCH_RESOURCES ?? (process.env.BENCH_SCALE === 'full' ? 1_000_000 : 20_000),
);

const RESOURCES = RESOURCES_DEFAULT;

export interface SweepFigures {
  database: string;
  resources: number;
  seconds: number;
  result: Record<string, number>;
}

/** Resources spread over the partner's customers, expiring from 30 days ago to ~2 years ahead. */
export async function seedResources(
  database: Awaited<ReturnType<typeof freshDatabase>>['database'],
  partnerId: string,
  RESOURCES = RESOURCES_DEFAULT,
) {
  const step = 100_000;
  for (let start = 0; start < RESOURCES; start += step) {
    const n = Math.min(step, RESOURCES - start);
    await database.query(
      `with c as (select customer_id, row_number() over (order by customer_id) - 1 as k
                    from customer_associations where partner_id = $1 and status = 'active'),
            cc as (select count(*) as total from c)
       insert into resources (id, resource_id, customer_id, resource_name, service_type_code, resource_type_code,
         region_code, resource_spec_code, product_spec_desc, enterprise_project_id, enterprise_project_name,
         charging_mode, effective_at, expire_at, status, source_updated_at, created_at, updated_at)
       select 'res_b' || g, 'bench-res-' || g, c.customer_id, 'server-' || g, 'hws.service.type.ec2',
         'hws.resource.type.vm', 'cn-north-4', 's6.large.2', '2 vCPUs | 4 GiB',
         case when g % 3 = 0 then 'ep-prod' else 'ep-test' end, 'project',
         'period', now() - interval '1 year', now() - interval '30 days' + (g % 730) * interval '1 day' + (g % 1440) * interval '1 minute',
         'in_use', now(), now(), now()
       from generate_series($2::int, $3::int) g
       join c on c.k = g % (select total from cc)`,
      [partnerId, start, start + n - 1],
    );
  }
  await database.query('analyze');
}

export async function benchSubscriptions(
  kind: 'pglite' | 'postgres',
): Promise<{ rows: Row[]; sweep: SweepFigures }> {
  const label = kind === 'pglite' ? 'PGlite' : 'PostgreSQL';
  const { database, drop } = await freshDatabase(kind);
  const rows: Row[] = [];
  try {
    const config = testConfig({
      env: 'production',
      webDist: '/nonexistent',
      logLevel: 'silent',
      apiFlowLimit: 1e9,
    });
    const app = await buildApp({ config, database });
    // Ready before the load: its onReady query must not queue behind the baseline's slow counts.
    await app.ready();
    const seeded = await seedPartnerWithCustomers(app.ctx);
    await seedResources(database, seeded.partner.id);

    await database.query('vacuum analyze');
    const base = await listen(app);
    const url = new URL('/v2/orders/suscriptions/resources/query', base);
    const body = JSON.stringify({ offset: 0, limit: 10 });
    const signed = signRequest({
      method: 'POST',
      path: url.pathname,
      headers: { host: url.host, 'content-type': 'application/json', 'x-domain-id': seeded.partner.domainId },
      body,
      accessKey: seeded.accessKey,
      secretKey: seeded.secretKey,
      date: new Date(),
    });
    const { host: _host, ...headers } = signed.headers;
    const target = { url: url.toString(), method: 'POST' as const, headers, body };

    // The baseline is the statement the operation itself sends (page and exact total in one),
    // captured from the driver during one signed call and run bare: the same SQL without the app.
    const statement = await captureStatement(database, /from "resources"/, async () => {
      const res = await fetch(target.url, { method: 'POST', headers, body });
      if (!res.ok) throw new Error(`signed resource query answered ${res.status}: ${await res.text()}`);
    });
    const bare = Fastify({ logger: false });
    bare.post('/', async () => {
      const r = await database.query(statement.text, statement.params);
      return { data: r.rows };
    });
    const [sql, api] = await measureTogether(
      [
        {
          url: await listen(bare),
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{}',
        },
        target,
      ],
      API_CONNECTIONS,
    );
    await bare.close();
    if (!sql || !api) throw new Error('no measurement');
    rows.push({
      database: label,
      scenario: `bare SQL: the operation's page + total statement (${RESOURCES.toLocaleString('en-US')} resources, 50 conn.)`,
      baseline: '—',
      ratio: null,
      ...sql,
    });
    rows.push({
      database: label,
      scenario: 'signed POST /v2/orders/suscriptions/resources/query (50 conn.)',
      baseline: 'bare SQL resource page',
      ratio: api.rps / sql.rps,
      ...api,
    });
    await app.close();

    // The sweep: ~4 % expired (into retention), ~4 % due a reminder, with their notices queued.
    const sweepApp = await buildApp({ config, database });
    const t0 = performance.now();
    const result = await runLifecycle(sweepApp.ctx);
    const seconds = (performance.now() - t0) / 1000;
    await sweepApp.close();
    return { rows, sweep: { database: label, resources: RESOURCES, seconds, result: { ...result } } };
  } finally {
    await database.close();
    await drop();
  }
}

export function printSweep(figures: SweepFigures[]): void {
  console.table(
    figures.map((f) => ({
      database: f.database,
      resources: f.resources.toLocaleString('en-US'),
      'sweep s': f.seconds.toFixed(1),
      reminded: f.result.reminded,
      expired: f.result.expired,
      released: f.result.released,
      'goal (PostgreSQL, 1M)': '< 60 s',
    })),
  );
}

/**
 * The first statement matching `pattern` that the app sends to the driver while `run` runs (text and
 * parameters), so a baseline can run exactly the app's SQL.
 */
async function captureStatement(
  database: Awaited<ReturnType<typeof freshDatabase>>['database'],
  pattern: RegExp,
  run: () => Promise<void>,
): Promise<{ text: string; params: unknown[] }> {
  const driver = (database.pool ?? database.pglite) as unknown as { query: (...args: unknown[]) => unknown };
  const original = driver.query;
  let captured: { text: string; params: unknown[] } | undefined;
  driver.query = function (this: unknown, q: unknown, params?: unknown, ...rest: unknown[]) {
    const text = typeof q === 'string' ? q : (q as { text: string }).text;
    const values = typeof q === 'string' ? params : ((q as { values?: unknown[] }).values ?? params);
    if (!captured && pattern.test(text)) captured = { text, params: (values as unknown[]) ?? [] };
    return original.call(this, q, params, ...rest);
  };
  try {
    await run();
  } finally {
    driver.query = original;
  }
  if (!captured) throw new Error(`no statement matching ${pattern} was sent`);
  return captured;
}
