// The signed partner API query next to a bare Fastify route doing one select, both at 50 connections.

import { randomBytes } from 'node:crypto';
import type { Database } from '@pc/db';
import Fastify from 'fastify';
import { buildApp } from '../apps/server/src/app.ts';
import { testConfig } from '../apps/server/src/config.ts';
import { createPartner } from '../apps/server/src/modules/partners/partners.service.ts';
import { systemClock } from '../apps/server/src/platform/clock/clock.ts';
import { type AppContext, systemActor } from '../apps/server/src/platform/context.ts';
import { newId } from '../apps/server/src/platform/ids/ids.ts';
import { createFlowControl } from '../apps/server/src/platform/partner-api/flow-control.ts';
import { signRequest } from '../apps/server/src/platform/partner-api/signing.ts';
import { sealSecret } from '../apps/server/src/platform/seal/seal.ts';
import {
  type CachedData,
  freshDatabase,
  listen,
  measureTogether,
  postgresCpu,
  type Row,
  type Target,
} from './lib.ts';

export const API_CONNECTIONS = 50;
const CUSTOMERS = 1_000;
/**
 * Customers in the database in all (BENCH_CUSTOMERS; a comma-separated list runs each size): the
 * measured partner's 1,000 and another partner's rest.
 */
export const CUSTOMER_SCALES = (process.env.BENCH_CUSTOMERS ?? '10000').split(',').map(Number);

/**
 * Another partner's `count` customers, generated in the database (`generate_series`, 100,000 per
 * statement); on PostgreSQL kept in a template database between runs (see `freshDatabase`).
 */
export function otherCustomers(count: number): CachedData {
  return {
    key: `customers_${count}`,
    seed: async (database) => {
      const other = 'prt_bench_other';
      const now = new Date('2026-01-01T00:00:00Z');
      await database.query(
        `insert into partners (id, name, domain_id, site, status, created_at, updated_at)
         values ($1, 'Bench Other Partner', 'bench-other-domain', 'cn', 'active', $2, $2)`,
        [other, now],
      );
      for (let start = 0; start < count; start += 100_000) {
        const end = Math.min(count, start + 100_000) - 1;
        await database.query(
          `with c as (
             insert into customers (id, domain_id, domain_name, name, email, created_at, updated_at, origin)
             select 'cus_o' || g, md5('o' || g), 'other_customer_' || g, 'Other ' || g, 'o' || g || '@bench.test',
                    $2::timestamptz, $2::timestamptz, 'api'
             from generate_series($3::int, $4::int) as g
             returning id, created_at)
           insert into customer_associations (id, customer_id, partner_id, type, status, source, started_at)
           select 'asc_' || c.id, c.id, $1, 'resale', 'active', 'api', c.created_at from c`,
          [other, now, start, end],
        );
      }
      await database.exec('analyze customers; analyze customer_associations');
    },
  };
}

/** A partner with an API key and CUSTOMERS associated customers, written with plain SQL. */
export async function seedPartnerWithCustomers(ctx: AppContext) {
  const { database } = ctx;
  const secretKey = ctx.config.secretKey;
  const partner = await ctx.db.transaction((tx) =>
    createPartner(ctx, tx, systemActor(), { name: 'Bench Partner' }),
  );
  const keyId = newId('key');
  const accessKey = randomBytes(10).toString('hex').toUpperCase();
  const sk = randomBytes(20).toString('hex');
  const now = new Date();
  await database.query(
    `insert into api_keys (id, partner_id, name, access_key, secret_sealed, status, created_at)
     values ($1, $2, 'bench', $3, $4, 'active', $5)`,
    [keyId, partner.id, accessKey, sealSecret(secretKey, 'api-key', keyId, sk), now],
  );
  for (let start = 0; start < CUSTOMERS; start += 250) {
    const values: string[] = [];
    const params: unknown[] = [];
    for (let i = start; i < Math.min(CUSTOMERS, start + 250); i++) {
      const id = newId('cus');
      const p = params.length;
      values.push(`($${p + 1}, $${p + 2}, $${p + 3}, $${p + 4}, $${p + 5}, $${p + 6})`);
      params.push(
        id,
        randomBytes(16).toString('hex'),
        `bench_customer_${i}`,
        `Customer ${i}`,
        `c${i}@bench.test`,
        now,
      );
    }
    await database.query(
      `with c as (
         insert into customers (id, domain_id, domain_name, name, email, created_at, updated_at, origin)
         select v.id, v.domain_id, v.domain_name, v.name, v.email, v.at::timestamptz, v.at::timestamptz, 'api'
         from (values ${values.join(', ')}) as v(id, domain_id, domain_name, name, email, at)
         returning id, created_at)
       insert into customer_associations (id, customer_id, partner_id, type, status, source, started_at)
       select 'asc_' || c.id, c.id, '${partner.id}', 'resale', 'active', 'api', c.created_at from c`,
      params,
    );
  }
  return { partner, accessKey, secretKey: sk };
}

/** The signed ListSubCustomers call (first page of 10 with the total), as autocannon options. */
export function signedQuery(
  base: string,
  seeded: Awaited<ReturnType<typeof seedPartnerWithCustomers>>,
  path = '/v2/partners/sub-customers/query',
) {
  const url = new URL(path, base);
  const body = JSON.stringify({ offset: 0, limit: 10 });
  // One signature serves the whole run: it is valid for 15 minutes and reads are not replay-cached.
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
  return { url: url.toString(), method: 'POST' as const, headers, body };
}

/**
 * The partner and its customers, vacuumed as autovacuum leaves a settled table: the total's index-only
 * count then reads no heap pages (freshly written rows are not all-visible yet: 1,000 heap fetches per
 * call otherwise). One statement each: VACUUM cannot run inside the implicit transaction of a multi-statement.
 */
export async function seedSettled(ctx: AppContext, database: Database) {
  const seeded = await seedPartnerWithCustomers(ctx);
  await database.exec('vacuum analyze customers');
  await database.exec('vacuum analyze customer_associations');
  return seeded;
}

/** The baseline: a bare Fastify route doing one point lookup by the unique index. */
export function oneSelectRoute(database: Database) {
  const bare = Fastify({ logger: false });
  bare.post('/', async () => {
    const r = await database.query(
      'select id, domain_id, domain_name, name, email from customers where lower(domain_name) = $1',
      ['bench_customer_7'],
    );
    return r.rows[0];
  });
  return bare;
}

/** The app as main.ts builds it, with flow control (10 calls/s per key and operation) lifted for load tests. */
export function buildBenchApp(database: Database) {
  const config = testConfig({
    env: 'production',
    webDist: '/nonexistent',
    logLevel: 'silent',
    apiFlowLimit: 1e9,
  });
  return buildApp({ config, database });
}

export async function benchPartnerApi(
  kind: 'pglite' | 'postgres',
  customers = CUSTOMER_SCALES[0] ?? 10_000,
): Promise<Row[]> {
  const label = kind === 'pglite' ? 'PGlite' : 'PostgreSQL';
  const { database, drop } = await freshDatabase(
    kind,
    customers > CUSTOMERS ? otherCustomers(customers - CUSTOMERS) : undefined,
  );
  const rows: Row[] = [];
  try {
    const app = await buildBenchApp(database);
    const seeded = await seedSettled(app.ctx, database);

    // The baselines and the app listen side by side and are measured in alternating rounds. The
    // baseline's select is a point lookup by the unique index on lower(domain_name) (before
    // 2026-12-07 it filtered on domain_name itself, which no index serves: a sequential scan that grew
    // with the table and made the baseline slower than the app's page query).
    const bare = oneSelectRoute(database);
    const post = { method: 'POST' as const, headers: { 'content-type': 'application/json' }, body: '{}' };
    const targets: Target[] = [{ url: await listen(bare), ...post }];
    // What flow control shared by all API processes costs (PostgreSQL): the same route plus its
    // counter upsert.
    const flow = Fastify({ logger: false });
    if (kind === 'postgres') {
      const counter = createFlowControl(systemClock, 1e9, database);
      let n = 0;
      flow.post('/', async () => {
        await counter.take(`bench ${n++ % 50}`);
        const r = await database.query(
          'select id, domain_id, domain_name, name, email from customers where lower(domain_name) = $1',
          ['bench_customer_7'],
        );
        return r.rows[0];
      });
      targets.push({ url: await listen(flow), ...post });
    }
    const base = await listen(app);
    targets.push(signedQuery(base, seeded));
    const measured = await measureTogether(
      targets,
      API_CONNECTIONS,
      kind === 'postgres' ? postgresCpu(database) : undefined,
    );
    await bare.close();
    await flow.close();
    const sql = measured[0] as (typeof measured)[0];
    const query = measured[measured.length - 1] as (typeof measured)[0];
    rows.push({
      database: label,
      scenario: 'bare Fastify, one select (50 conn.)',
      baseline: '—',
      ratio: null,
      ...sql,
    });
    if (kind === 'postgres') {
      const withFlow = measured[1] as (typeof measured)[0];
      rows.push({
        database: label,
        scenario: 'bare Fastify, shared flow-control upsert + one select (50 conn.)',
        baseline: 'one select (50 conn.)',
        ratio: withFlow.rps / sql.rps,
        ...withFlow,
      });
    }
    rows.push({
      database: label,
      scenario: `signed POST /v2/partners/sub-customers/query (50 conn., ${customers.toLocaleString('en-US')} customers)`,
      baseline: 'one select (50 conn.)',
      ratio: query.rps / sql.rps,
      ...query,
    });
    await app.close();
  } finally {
    await database.close();
    await drop();
  }
  return rows;
}
