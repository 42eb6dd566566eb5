// Self time of a V8 CPU profile (the inspector's `Profiler.stop`), shared by the bench scripts that
// profile: bench/profile.ts, bench/ingest-split.ts and bench/cpu-per-call.ts.

export interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
  hitCount?: number;
}
export interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
}

/** Where a frame's code lives, in a few buckets that say what the time is spent on. */
export function area(url: string, fn: string): string {
  if (url.includes('/autocannon/') || url.includes('hdr-histogram') || url.includes('/bench/'))
    return 'load generator (autocannon)';
  if (url.includes('/pglite/') || url.startsWith('wasm://')) return 'PGlite (WebAssembly PostgreSQL)';
  if (url.includes('/pg/') || url.includes('/pg-protocol/') || url.includes('/pg-pool/')) return 'pg driver';
  if (url.includes('/drizzle-orm/')) return 'drizzle';
  if (url.includes('/zod/') || url.includes('fastify-type-provider-zod'))
    return 'zod (validation, serialisation)';
  if (
    url.includes('/fastify/') ||
    url.includes('/@fastify/') ||
    url.includes('find-my-way') ||
    url.includes('light-my-request') ||
    url.includes('avvio') ||
    url.includes('/pino')
  )
    return 'fastify and plugins';
  if (url.includes('/apps/server/src/platform/partner-api/signing'))
    return 'signature (HMAC, canonical request)';
  if (url.includes('/apps/server/src/') || url.includes('/packages/db/')) return 'app code';
  if (fn === '(garbage collector)') return 'garbage collection';
  if (fn === '(idle)' || fn === '(program)') return `${fn}`;
  if (url.startsWith('node:') || url === '') return 'node core / native';
  return 'other libraries';
}

/** Samples per area and per function (`name file:line`, paths from node_modules/apps/packages). */
export function selfTimes(p: { nodes: ProfileNode[] }) {
  let total = 0;
  const byArea = new Map<string, number>();
  const byFn = new Map<string, number>();
  for (const n of p.nodes) {
    const hits = n.hitCount ?? 0;
    if (!hits) continue;
    total += hits;
    const a = area(n.callFrame.url, n.callFrame.functionName);
    byArea.set(a, (byArea.get(a) ?? 0) + hits);
    const short = n.callFrame.url.replace(/^.*\/(node_modules|apps|packages)\//, '$1/');
    const f = `${n.callFrame.functionName || '(anonymous)'} ${short}:${n.callFrame.lineNumber + 1}`;
    byFn.set(f, (byFn.get(f) ?? 0) + hits);
  }
  return { total, byArea, byFn };
}

/** The `k` largest entries of a count map, largest first. */
export function largest(m: Map<string, number>, k: number): [string, number][] {
  return [...m].sort((a, b) => b[1] - a[1]).slice(0, k);
}
