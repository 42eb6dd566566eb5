// The portal API next to its raw baselines: a bare Fastify route, and one doing a single select.
import Fastify from 'fastify';
import { buildApp } from '../apps/server/src/app.ts';
import { testConfig } from '../apps/server/src/config.ts';
import { createUser } from '../apps/server/src/modules/identity/users.service.ts';
import { createPartner } from '../apps/server/src/modules/partners/partners.service.ts';
import { systemActor } from '../apps/server/src/platform/context.ts';
import { cookiesOf, freshDatabase, listen, measure, measureTogether, type Row } from './lib.ts';

type Measured = Awaited<ReturnType<typeof measure>>;

export async function benchConstant(): Promise<Row> {
  const app = Fastify({ logger: false });
  app.get('/', async () => ({ ok: true }));
  const url = await listen(app);
  const m = await measure({ url });
  await app.close();
  return { database: '—', scenario: 'bare Fastify, constant', baseline: '—', ratio: null, ...m };
}

export async function benchSession(kind: 'pglite' | 'postgres', constantRps: number): Promise<Row[]> {
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
    const bareUrl = await listen(bare);

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

    // The one-select baseline and /api/me in alternating rounds; sign-in (argon2id) apart.
    const [sql, me] = (await measureTogether([
      { url: bareUrl },
      { url: `${base}/api/me`, headers: { cookie: session } },
    ])) as [Measured, Measured];
    await bare.close();
    rows.push({
      database: label,
      scenario: 'bare Fastify, one select',
      baseline: 'constant',
      ratio: sql.rps / constantRps,
      ...sql,
    });
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
