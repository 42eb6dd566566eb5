import { type DbOrTx, schema } from '@pc/db';
import { eq, lt } from 'drizzle-orm';
import { MAX_CLOCK_SKEW_MS } from './signing.ts';

const { apiReplays } = schema;

/**
 * A signature is accepted while its X-Sdk-Date is within 15 minutes either side of now, so a
 * replay can arrive up to 30 minutes after the first; the entry is kept that long.
 */
const KEEP_MS = 2 * MAX_CLOCK_SKEW_MS;

/**
 * Operations that change something. Reads (GET, and the POST operations that only query:
 * `…/query`, `…/check-identity`) stay repeatable with the same signature.
 */
export function isReplayableWrite(method: string, routeUrl: string | undefined): boolean {
  if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') return false;
  return !/\/(query|check-identity)$/.test(routeUrl ?? '');
}

export type ReplayClaim =
  | { state: 'first' }
  | { state: 'answered'; status: number; contentType: string | null; body: string }
  | { state: 'running' };

/**
 * Claims a signature for the request about to run. The primary key makes two copies of one signed
 * request, on any server process, unable to both be first.
 */
export async function claimSignature(
  db: DbOrTx,
  signature: string,
  accessKey: string,
  now: Date,
): Promise<ReplayClaim> {
  const inserted = await db
    .insert(apiReplays)
    .values({ signature, accessKey, createdAt: now, expiresAt: new Date(now.getTime() + KEEP_MS) })
    .onConflictDoNothing()
    .returning({ signature: apiReplays.signature });
  if (inserted.length) return { state: 'first' };
  const [row] = await db.select().from(apiReplays).where(eq(apiReplays.signature, signature));
  if (!row) return claimSignature(db, signature, accessKey, now); // released meanwhile: run it
  if (row.status === null) return { state: 'running' };
  return { state: 'answered', status: row.status, contentType: row.contentType, body: row.body ?? '' };
}

/** Keeps the first answer for replays; a server error releases the signature so a retry runs again. */
export async function recordAnswer(
  db: DbOrTx,
  signature: string,
  answer: { status: number; contentType: string | null; body: string },
): Promise<void> {
  if (answer.status >= 500) {
    await db.delete(apiReplays).where(eq(apiReplays.signature, signature));
    return;
  }
  await db.update(apiReplays).set(answer).where(eq(apiReplays.signature, signature));
}

export async function pruneReplays(db: DbOrTx, now: Date): Promise<number> {
  const rows = await db
    .delete(apiReplays)
    .where(lt(apiReplays.expiresAt, now))
    .returning({ s: apiReplays.signature });
  return rows.length;
}
