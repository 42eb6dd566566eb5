// R15: the signed yearly/monthly resource query (ListPayPerUseCustomerResources) next to the bare SQL
// it stands for, over BENCH_RESOURCES resources (default 20,000; 1,000,000 with BENCH_SCALE=full) of one partner's 1,000
// customers; and the lifecycle sweep (reminders, expiry into retention, release) over them.
import Fastify from 'fastify';
import { buildApp } from '../apps/server/src/app.ts';
import { testConfig } from '../apps/server/src/config.ts';
import { runLifecycle } from '../apps/server/src/modules/subscriptions/index.ts';
import { signRequest } from '../apps/server/src/platform/partner-api/signing.ts';
import { freshDatabase, listen, measure, type Row } from './lib.ts';
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

    // The same page the operation answers, in bare SQL: the partner's first 10 by expiry and the total.
    const bare = Fastify({ logger: false });
    bare.post('/', async () => {
      const [page, total] = await Promise.all([
        database.query(
          `select r.* from resources r
             join customers c on c.id = r.customer_id
             left join customer_associations a on a.customer_id = r.customer_id and a.status = 'active'
            where a.partner_id = $1 and r.charging_mode = 'period'
            order by r.expire_at asc nulls last, r.id limit 10`,
          [seeded.partner.id],
        ),
        database.query(
          `select count(*) from resources r
             join customers c on c.id = r.customer_id
             left join customer_associations a on a.customer_id = r.customer_id and a.status = 'active'
            where a.partner_id = $1 and r.charging_mode = 'period'`,
          [seeded.partner.id],
        ),
      ]);
      return { data: page.rows, total_count: total.rows[0] };
    });
    const sql = await measure(
      {
        url: await listen(bare),
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      },
      API_CONNECTIONS,
    );
    await bare.close();
    rows.push({
      database: label,
      scenario: `bare SQL: resource page + total (${RESOURCES.toLocaleString('en-US')} resources, 50 conn.)`,
      baseline: '—',
      ratio: null,
      ...sql,
    });

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
    const api = await measure({ url: url.toString(), method: 'POST', headers, body }, API_CONNECTIONS);
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
