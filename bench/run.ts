// `npm run bench`: request throughput and p99 latency of the real app next to its raw baselines —
// a bare Fastify route (what HTTP alone costs) and a bare Fastify route doing one select (what the
// database round trip costs) — on PGlite, and on PostgreSQL when it is reachable. Loopback only.
// BENCH_SECONDS (default 5) sets each measurement's length; BENCH_CONNECTIONS (default 10) its load.
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import { migrate, openDatabase } from '@pc/db';
import autocannon from 'autocannon';
import Fastify, { type FastifyInstance } from 'fastify';
import pg from 'pg';
import { buildApp } from '../apps/server/src/app.ts';
import { testConfig } from '../apps/server/src/config.ts';
import { systemActor } from '../apps/server/src/context.ts';
import { createUser } from '../apps/server/src/modules/identity/users.service.ts';
import { createPartner } from '../apps/server/src/modules/partners/partners.service.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const PG_URL =
  process.env.BENCH_DATABASE_URL ??
  process.env.TEST_DATABASE_URL ??
  'postgres://postgres@127.0.0.1:5432/test';

interface Row {
  database: string;
  scenario: string;
  rps: number;
  p99: number;
  baseline: string;
  ratio: number | null;
  non2xx: number;
}

interface Target {
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
}

async function measure(target: Target): Promise<{ rps: number; p99: number; non2xx: number }> {
  const opts = { ...target, connections: CONNECTIONS };
  await autocannon({ ...opts, duration: 1 }); // warm-up: JIT, connection pools, caches
  const r = await autocannon({ ...opts, duration: SECONDS });
  // Requests cut off at the end are still being served; let them finish before the next measurement.
  await new Promise((resolve) => setTimeout(resolve, 1500));
  return { rps: r.requests.average, p99: r.latency.p99, non2xx: r.non2xx + r.errors };
}

async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  return `http://127.0.0.1:${address.port}`;
}

function reachable(url: string): Promise<boolean> {
  const u = new URL(url);
  return new Promise((resolve) => {
    const s = net.connect({ host: u.hostname, port: Number(u.port || 5432) });
    const done = (ok: boolean) => {
      s.destroy();
      resolve(ok);
    };
    s.setTimeout(1500);
    s.on('connect', () => done(true));
    s.on('error', () => done(false));
    s.on('timeout', () => done(false));
  });
}

/** A fresh migrated database; on PostgreSQL a throwaway database that `drop` removes. */
async function freshDatabase(kind: 'pglite' | 'postgres') {
  if (kind === 'pglite') {
    const database = await openDatabase({});
    await migrate(database);
    return { database, drop: async () => {} };
  }
  const name = `pc_bench_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString(), poolSize: CONNECTIONS });
  await migrate(database);
  return {
    database,
    drop: async () => {
      // The app's pools (its own and the job queue's) close asynchronously; a forced drop would
      // kill an idle connection that is still closing, which its pool reports as a fatal error.
      for (let i = 0; i < 50; i++) {
        const { rows } = await admin.query('select 1 from pg_stat_activity where datname = $1', [name]);
        if (rows.length === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

/** Cookies from a response, as one Cookie header value. */
function cookiesOf(res: Response, prior = ''): string {
  const jar = new Map(
    prior
      .split('; ')
      .filter(Boolean)
      .map((c) => c.split('=', 2) as [string, string]),
  );
  for (const c of res.headers.getSetCookie()) {
    const pair = c.split(';')[0] ?? '';
    const i = pair.indexOf('=');
    if (i > 0) jar.set(pair.slice(0, i), pair.slice(i + 1));
  }
  return [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
}

async function benchConstant(): Promise<Row> {
  const app = Fastify({ logger: false });
  app.get('/', async () => ({ ok: true }));
  const url = await listen(app);
  const m = await measure({ url });
  await app.close();
  return { database: '—', scenario: 'bare Fastify, constant', baseline: '—', ratio: null, ...m };
}

async function benchDatabase(kind: 'pglite' | 'postgres', constantRps: number): Promise<Row[]> {
  const label = kind === 'pglite' ? 'PGlite' : 'PostgreSQL';
  const { database, drop } = await freshDatabase(kind);
  const rows: Row[] = [];
  try {
    const config = testConfig({ env: 'production', webDist: '/nonexistent', logLevel: 'silent' });
    const app = await buildApp({ config, database });
    // A confirmed partner administrator, made through the services as registration would.
    const user = { email: 'bench-admin@partner.bench', password: 'Bench@Pass2026' };
    const userId = await app.ctx.db.transaction(async (tx) => {
      const partner = await createPartner(app.ctx, tx, systemActor(), { name: 'Bench Partner' });
      const row = await createUser(app.ctx, tx, systemActor(), {
        userType: 'partner',
        partnerId: partner.id,
        roles: ['admin'],
        email: user.email,
        name: 'Bench Admin',
        password: user.password,
        verified: true,
      });
      return row.id;
    });

    const bare = Fastify({ logger: false });
    bare.get('/', async () => {
      const r = await database.query('select id, email, name, locale from users where id = $1', [userId]);
      return r.rows[0];
    });
    const sql = await measure({ url: await listen(bare) });
    await bare.close();
    rows.push({
      database: label,
      scenario: 'bare Fastify, one select',
      baseline: 'constant',
      ratio: sql.rps / constantRps,
      ...sql,
    });

    const base = await listen(app);
    const csrfRes = await fetch(`${base}/api/auth/csrf`);
    const { token } = (await csrfRes.json()) as { token: string };
    const csrfCookie = cookiesOf(csrfRes);
    const signInBody = JSON.stringify(user);
    const signInHeaders = { 'content-type': 'application/json', 'x-csrf-token': token, cookie: csrfCookie };
    const first = await fetch(`${base}/api/auth/sign-in`, {
      method: 'POST',
      headers: signInHeaders,
      body: signInBody,
    });
    if (first.status !== 200) throw new Error(`sign-in failed: ${first.status} ${await first.text()}`);
    const session = cookiesOf(first, csrfCookie);

    const signIn = await measure({
      url: `${base}/api/auth/sign-in`,
      method: 'POST',
      headers: signInHeaders,
      body: signInBody,
    });
    rows.push({
      database: label,
      scenario: 'POST /api/auth/sign-in (argon2id)',
      baseline: 'one select',
      ratio: signIn.rps / sql.rps,
      ...signIn,
    });

    const me = await measure({ url: `${base}/api/me`, headers: { cookie: session } });
    rows.push({
      database: label,
      scenario: 'GET /api/me (session)',
      baseline: 'one select',
      ratio: me.rps / sql.rps,
      ...me,
    });
    await app.close();
  } finally {
    await database.close();
    await drop();
  }
  return rows;
}

function print(rows: Row[]) {
  const lines = [
    '| database | scenario | req/s | p99 ms | baseline | ratio | non-2xx |',
    '|---|---|---:|---:|---|---:|---:|',
    ...rows.map(
      (r) =>
        `| ${r.database} | ${r.scenario} | ${Math.round(r.rps).toLocaleString('en-US')} | ${r.p99} | ${r.baseline} | ${
          r.ratio === null ? '—' : r.ratio.toFixed(2)
        } | ${r.non2xx} |`,
    ),
  ];
  console.log(`\n${lines.join('\n')}\n`);
}

console.log(`Each measurement: ${SECONDS} s, ${CONNECTIONS} connections, loopback, after a 1 s warm-up.`);
const rows: Row[] = [];
const constant = await benchConstant();
rows.push(constant);
print(rows);
rows.push(...(await benchDatabase('pglite', constant.rps)));
print(rows);
if (await reachable(PG_URL)) rows.push(...(await benchDatabase('postgres', constant.rps)));
else console.log(`PostgreSQL at ${PG_URL} is not reachable; measured PGlite only.`);
print(rows);
if (rows.some((r) => r.non2xx > 0)) {
  console.error('Some requests failed (non-2xx or errors): those figures are not comparable.');
  process.exitCode = 1;
}
