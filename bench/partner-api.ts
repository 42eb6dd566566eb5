// The signed partner API query next to a bare Fastify route doing one select, both at 50 connections.
import { randomBytes } from 'node:crypto';
import Fastify from 'fastify';
import { buildApp } from '../apps/server/src/app.ts';
import { testConfig } from '../apps/server/src/config.ts';
import { createPartner } from '../apps/server/src/modules/partners/partners.service.ts';
import { type AppContext, systemActor } from '../apps/server/src/platform/context.ts';
import { newId } from '../apps/server/src/platform/ids/ids.ts';
import { signRequest } from '../apps/server/src/platform/partner-api/signing.ts';
import { sealSecret } from '../apps/server/src/platform/seal/seal.ts';
import { freshDatabase, listen, measure, type Row } from './lib.ts';

export const API_CONNECTIONS = 50;
const CUSTOMERS = 1_000;

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

export async function benchPartnerApi(kind: 'pglite' | 'postgres'): Promise<Row[]> {
  const label = kind === 'pglite' ? 'PGlite' : 'PostgreSQL';
  const { database, drop } = await freshDatabase(kind);
  const rows: Row[] = [];
  try {
    // Flow control (10 calls/s per key and operation) would refuse a load test; lift it here.
    const config = testConfig({
      env: 'production',
      webDist: '/nonexistent',
      logLevel: 'silent',
      apiFlowLimit: 1e9,
    });
    const app = await buildApp({ config, database });
    const seeded = await seedPartnerWithCustomers(app.ctx);

    const bare = Fastify({ logger: false });
    bare.post('/', async () => {
      const r = await database.query(
        'select id, domain_id, domain_name, name, email from customers where domain_name = $1',
        ['bench_customer_7'],
      );
      return r.rows[0];
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
      scenario: 'bare Fastify, one select (50 conn.)',
      baseline: '—',
      ratio: null,
      ...sql,
    });

    const base = await listen(app);
    const url = new URL('/v2/partners/sub-customers/query', base);
    const body = JSON.stringify({ offset: 0, limit: 10 });
    // One signature serves the whole run: it is valid for 15 minutes and the server keeps no nonce.
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
    const query = await measure({ url: url.toString(), method: 'POST', headers, body }, API_CONNECTIONS);
    rows.push({
      database: label,
      scenario: 'signed POST /v2/partners/sub-customers/query (50 conn.)',
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
