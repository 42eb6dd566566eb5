// The pieces of a signed ListSubCustomers call changed by the `apicpu` branch, each measured against
// its version on main (commit 01324e4) in the same process, alternating rounds, CPU µs per call
// (`process.cpuUsage`, median of the rounds). Less exposed to a loaded machine than whole calls:
// both sides of each line run back to back on the same data.
//
//   npx tsx bench/cpu-pieces.ts            # PGlite and PostgreSQL (the page read differs)

import { execSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type DbOrTx, schema } from '@pc/db';
import { and, desc, eq, sql } from 'drizzle-orm';
import { serializerCompiler } from 'fastify-type-provider-zod';
import { listCustomersForApi } from '../apps/server/src/modules/customers/customers.repository.ts';
import { apiTime } from '../apps/server/src/modules/customers/customers.rules.ts';
import { subCustomersAnswer } from '../apps/server/src/modules/customers/customers.v2.routes.ts';
import { querySubCustomers } from '../apps/server/src/modules/customers/sub-customers.service.ts';
import { partnerApiSerializerCompiler } from '../apps/server/src/platform/partner-api/serializer.ts';
import * as signingNow from '../apps/server/src/platform/partner-api/signing.ts';
import { freshDatabase } from './lib.ts';
import { buildBenchApp, seedSettled, signedQuery } from './partner-api.ts';

const BASE = '01324e4';
const ROUNDS = Number(process.env.CPU_ROUNDS ?? 5);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

async function perCall(n: number, f: () => unknown): Promise<number> {
  const start = process.cpuUsage();
  for (let i = 0; i < n; i++) await f();
  const u = process.cpuUsage(start);
  return (u.user + u.system) / n;
}

async function compare(label: string, n: number, before: () => unknown, after: () => unknown) {
  await perCall(Math.ceil(n / 5), before);
  await perCall(Math.ceil(n / 5), after);
  const b: number[] = [];
  const a: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    b.push(await perCall(n, before));
    a.push(await perCall(n, after));
  }
  const mb = median(b);
  const ma = median(a);
  console.log(
    `| ${label} | ${mb.toFixed(1)} | ${ma.toFixed(1)} | ${(mb - ma).toFixed(1)} | ${(ma / mb).toFixed(2)} |`,
  );
}

// main's signing.ts, as a module of its own.
const oldSigningPath = join(tmpdir(), `signing-${BASE}.ts`);
writeFileSync(
  oldSigningPath,
  execSync(`git show ${BASE}:apps/server/src/platform/partner-api/signing.ts`, { cwd: import.meta.dirname }),
);
const signingMain = (await import(oldSigningPath)) as typeof signingNow;

/** main's page statement (drizzle prepared query, its row mapping) plus `apiTime` in the service. */
function mainPage(db: DbOrTx) {
  const c = schema.customers;
  const a = schema.customerAssociations;
  const pid = sql.placeholder('pid');
  const statement = db
    .select({
      domainId: c.domainId,
      domainName: c.domainName,
      name: c.name,
      phone: c.phone,
      email: c.email,
      verifiedStatus: c.verifiedStatus,
      customerType: c.customerType,
      status: c.status,
      freezeType: c.freezeType,
      xaccountId: c.xaccountId,
      xaccountType: c.xaccountType,
      associatedAt: a.startedAt,
      associationType: a.type,
      label: a.label,
      total: sql<number>`coalesce((select k.n from partner_customer_counts k
        where k.partner_id = ${pid} and k.status = 'active'), 0)::int`,
    })
    .from(a)
    .innerJoin(c, eq(c.id, a.customerId))
    .where(and(eq(a.partnerId, pid), eq(a.status, 'active')))
    .orderBy(desc(a.startedAt), desc(a.id))
    .limit(sql.placeholder('limit'))
    .offset(sql.placeholder('offset'))
    .prepare('pc_api_customer_page');
  return async (partnerId: string) => {
    const rows = await statement.execute({ pid: partnerId, limit: 10, offset: 0 });
    return rows.map((r) => apiTime(r.associatedAt));
  };
}

console.log(`${new Date().toISOString()} ${execSync('uptime').toString().trim()}`);
console.log(
  '\n| piece | main µs/call | branch µs/call | saved µs | branch ÷ main |\n|---|---:|---:|---:|---:|',
);
for (const kind of (process.env.CPU_DB ?? 'pglite,postgres').split(',') as ('pglite' | 'postgres')[]) {
  const { database, drop } = await freshDatabase(kind);
  try {
    const app = await buildBenchApp(database);
    const seeded = await seedSettled(app.ctx, database);
    const partnerId = seeded.partner.id;
    const old = mainPage(database.db);
    await compare(
      `${kind}: page read (10 rows + kept total)`,
      1000,
      () => old(partnerId),
      () => listCustomersForApi(database, { partnerIds: [partnerId], offset: 0, limit: 10 }),
    );
    if (kind === 'pglite') {
      const answer = await querySubCustomers(app.ctx, partnerId, { offset: 0, limit: 10 }, 'cn');
      const route = { schema: subCustomersAnswer, method: 'POST', url: '/q', httpStatus: '200' };
      const zod = serializerCompiler(route as never) as (d: unknown) => string;
      const fast = partnerApiSerializerCompiler(false)(route as never) as (d: unknown) => string;
      if (zod(answer) !== fast(answer)) throw new Error('serialisers differ');
      await compare(
        'answer serialisation (10 customers)',
        20000,
        () => zod(answer),
        () => fast(answer),
      );

      const q = signedQuery('http://localhost', seeded);
      const headers = Object.fromEntries(
        Object.entries({ ...q.headers, host: 'localhost' }).map(([k, v]) => [k.toLowerCase(), v]),
      );
      const input = {
        method: 'POST',
        path: '/v2/partners/sub-customers/query',
        query: '',
        headers,
        rawBody: Buffer.from(q.body),
        now: new Date(),
        secretFor: () => seeded.secretKey,
      };
      if (!(await signingNow.verifySignature(input)).ok) throw new Error('signature refused');
      await compare(
        'signature verification',
        20000,
        () => signingMain.verifySignature(input),
        () => signingNow.verifySignature(input),
      );
    }
    await app.close();
  } finally {
    await database.close();
    await drop();
  }
}
console.log(`\n${execSync('uptime').toString().trim()}`);
process.exit(0);
