// `npm run bench:profile`: a CPU profile of the real app under load on one path, with a flame graph.
// PROFILE_PATH=api (signed ListSubCustomers, 50 connections) | me (GET /api/me, 10 connections) |
// resources (signed ListPayPerUseCustomerResources over 20,000 resources, 50 connections);
// PROFILE_DB=pglite | postgres. The profiler runs only while autocannon loads the path (setup and
// warm-up excluded); autocannon runs in its own process (`load` in lib.ts), so the profile is the
// server's alone. Writes bench/profiles/<path>-<db>.svg (flame graph) and .md (where the time goes).
import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { area, largest, type Profile, selfTimes } from './cpu-profile.ts';
import { cookiesOf, freshDatabase, listen, load, SECONDS, type Target } from './lib.ts';
import { buildBenchApp, seedPartnerWithCustomers, signedQuery } from './partner-api.ts';

const path = (['me', 'resources'] as const).find((p) => p === process.env.PROFILE_PATH) ?? 'api';
const kind = process.env.PROFILE_DB === 'postgres' ? 'postgres' : 'pglite';
const outDir = new URL('./profiles/', import.meta.url);

const { database, drop } = await freshDatabase(kind);
const app = await buildBenchApp(database);
const seeded = await seedPartnerWithCustomers(app.ctx);
const base = await listen(app);
let target: Target & { connections: number };
if (path === 'api') {
  target = { ...signedQuery(base, seeded), connections: 50 };
} else if (path === 'resources') {
  // ListPayPerUseCustomerResources over 20,000 yearly/monthly resources of the partner's customers.
  const { seedResources } = await import('./subscriptions.ts');
  await seedResources(database, seeded.partner.id, 20_000);
  target = { ...signedQuery(base, seeded, '/v2/orders/suscriptions/resources/query'), connections: 50 };
} else {
  const { createUser } = await import('../apps/server/src/modules/identity/users.service.ts');
  const { systemActor } = await import('../apps/server/src/platform/context.ts');
  const user = { email: 'profile@partner.bench', password: 'Bench@Pass2026' };
  await app.ctx.db.transaction((tx) =>
    createUser(app.ctx, tx, systemActor(), {
      userType: 'partner',
      partnerId: seeded.partner.id,
      roles: ['admin'],
      email: user.email,
      name: 'Profile',
      password: user.password,
      verified: true,
    }),
  );
  const csrfRes = await fetch(`${base}/api/auth/csrf`);
  const { token } = (await csrfRes.json()) as { token: string };
  const csrfCookie = cookiesOf(csrfRes);
  const signIn = await fetch(`${base}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-csrf-token': token, cookie: csrfCookie },
    body: JSON.stringify(user),
  });
  target = { url: `${base}/api/me`, headers: { cookie: cookiesOf(signIn, csrfCookie) }, connections: 10 };
}

await load({ ...target, duration: 1 });
const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 200 });
await session.post('Profiler.start');
const result = await load({ ...target, duration: SECONDS });
const { profile } = (await session.post('Profiler.stop')) as { profile: Profile };
session.disconnect();
await app.close();
await database.close();
await drop();

mkdirSync(outDir, { recursive: true });
const name = `${path}-${kind}`;
writeFileSync(
  new URL(`${name}.svg`, outDir),
  flameGraph(profile, `${name}: ${Math.round(result.rps)} req/s`),
);
writeFileSync(new URL(`${name}.md`, outDir), summary(profile, name, result.rps));
console.log(`bench/profiles/${name}.svg and .md written (${Math.round(result.rps)} req/s)`);

function summary(p: Profile, title: string, rps: number): string {
  const { total, byArea, byFn } = selfTimes(p);
  const pct = (v: number) => `${((100 * v) / total).toFixed(1)} %`;
  const rows = (m: Map<string, number>, k: number) =>
    largest(m, k)
      .map(([key, v]) => `| ${key.replace(/\|/g, '\\|')} | ${pct(v)} |`)
      .join('\n');
  return `# CPU profile: ${title}\n\n${Math.round(rps)} req/s while profiled (${SECONDS} s). Self time by area:\n\n| area | self time |\n|---|---:|\n${rows(byArea, 20)}\n\nTop functions by self time:\n\n| function | self time |\n|---|---:|\n${rows(byFn, 25)}\n`;
}

/** A flame graph (root at the bottom) of the sampled stacks, as a standalone SVG. */
function flameGraph(p: Profile, title: string): string {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const totals = new Map<number, number>();
  const totalOf = (id: number): number => {
    const n = byId.get(id);
    if (!n) return 0;
    let t = n.hitCount ?? 0;
    for (const c of n.children ?? []) t += totalOf(c);
    totals.set(id, t);
    return t;
  };
  const root = p.nodes[0];
  if (!root) return '<svg xmlns="http://www.w3.org/2000/svg"/>';
  const all = totalOf(root.id);
  const width = 1600;
  const rowH = 16;
  const rects: string[] = [];
  let maxDepth = 0;
  const walk = (id: number, x: number, depth: number) => {
    const n = byId.get(id);
    const t = totals.get(id) ?? 0;
    if (!n || t === 0) return;
    const w = (t / all) * width;
    if (w < 0.5) return;
    maxDepth = Math.max(maxDepth, depth);
    const label = `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').slice(-1)[0] ?? ''}`;
    const hue = area(n.callFrame.url, n.callFrame.functionName).length * 37;
    const esc = label.replace(/&/g, '&amp;').replace(/</g, '&lt;');
    rects.push(
      `<g><title>${esc} (${((100 * t) / all).toFixed(1)} %)</title><rect x="${x.toFixed(1)}" y="${depth}" width="${w.toFixed(1)}" height="${rowH - 1}" fill="hsl(${hue % 360},70%,65%)"/>${
        w > 60
          ? `<text x="${(x + 3).toFixed(1)}" y="${depth}" dy="12" font-size="11">${esc.slice(0, Math.floor(w / 6.5))}</text>`
          : ''
      }</g>`,
    );
    let cx = x;
    for (const c of n.children ?? []) {
      walk(c, cx, depth + 1);
      cx += ((totals.get(c) ?? 0) / all) * width;
    }
  };
  walk(root.id, 0, 0);
  const height = (maxDepth + 2) * rowH + 24;
  // Depth was written as y; flip so the root is at the bottom.
  const body = rects
    .map((r) => r.replace(/ y="(\d+)"/g, (_m, d: string) => ` y="${height - (Number(d) + 1) * rowH}"`))
    .join('\n');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="monospace" role="img" aria-label="${title}"><title>${title}</title><text x="4" y="14" font-size="13">${title}</text>\n${body}\n</svg>\n`;
}
