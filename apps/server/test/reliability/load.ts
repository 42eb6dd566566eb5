import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPgDatabaseUrl, testDbKind } from '../db.ts';
import { stubWebDist } from '../processes.ts';

export const INGEST_TOKEN = 'reliability-ingest-token-0123456789';

/** The environment of a server on a fresh database of this run's kind (PGlite directory or PostgreSQL). */
export async function serverEnv(): Promise<Record<string, string>> {
  const base = { WEB_DIST: stubWebDist(), INGEST_TOKEN, LOG_LEVEL: 'error' };
  if (testDbKind() === 'postgres') {
    const url = await createPgDatabaseUrl();
    if (!url) throw new Error('no PostgreSQL');
    return { ...base, DATABASE_URL: url };
  }
  return { ...base, DATA_DIR: join(mkdtempSync(join(tmpdir(), 'pc-rel-')), 'pglite') };
}

/** The domain id of a demo customer (as the demo data makes it). */
const demoCustomer = (key: string) =>
  createHash('sha256').update(`demo-customer:${key}`).digest('hex').slice(0, 32);
const CUSTOMERS = ['c1', 'c2', 'c3'].map(demoCustomer);

/** A batch of spend records with fresh ids for the demo customers. */
export function spendBatch(n: number): { records: Record<string, unknown>[]; ids: string[] } {
  const ids = Array.from({ length: n }, () => `rel-${randomBytes(8).toString('hex')}`);
  const at = new Date(Date.now() - 3_600_000).toISOString();
  const records = ids.map((id, i) => ({
    record_id: id,
    customer_id: CUSTOMERS[i % CUSTOMERS.length],
    spent_at: at,
    service_type: 'ecs',
    amount_fen: 1 + (i % 50),
    payment_kind: 'cash',
  }));
  return { records, ids };
}

/** Sends one batch to the ingest endpoint; the ids when it was acknowledged, null otherwise. */
export async function ingest(base: string, n: number): Promise<{ status: number; ids: string[] | null }> {
  const { records, ids } = spendBatch(n);
  try {
    const res = await fetch(`${base}/api/ingest/spend`, {
      method: 'POST',
      headers: { authorization: `Bearer ${INGEST_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ records }),
    });
    const body = (await res.json().catch(() => null)) as { accepted?: number; duplicates?: number } | null;
    const all = res.status === 200 && (body?.accepted ?? 0) + (body?.duplicates ?? 0) === n;
    return { status: res.status, ids: all ? ids : null };
  } catch {
    return { status: 0, ids: null };
  }
}

/** Resident memory of a process, in MB (Linux). */
export function rssMb(pid: number): number {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/);
    return line ? Math.round(Number(line[1]) / 1024) : 0;
  } catch {
    return 0;
  }
}
