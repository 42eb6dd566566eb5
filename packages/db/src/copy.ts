import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import type { DbOrTx } from './client.ts';

/** One field of COPY's text format: `\N` for null, backslash, tab and line breaks escaped. */
export function copyField(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return '\\N';
  if (typeof v === 'number') return String(v);
  return /[\\\t\n\r]/.test(v)
    ? v.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'))
    : v;
}

interface PgLikeClient {
  query(q: unknown): NodeJS.WritableStream;
  release?: () => void;
}
interface PgliteLikeTx {
  query(q: string, params: unknown[], opts: { blob: Blob }): Promise<unknown>;
  rollback(): Promise<void>;
}

/**
 * `COPY target FROM` the given text-format lines (each ending in `\n`, fields from `copyField`) on
 * the connection of an open transaction: PostgreSQL through pg-copy-streams on the transaction's
 * client, PGlite through `COPY … FROM '/dev/blob'`. Rows land in the transaction like an insert.
 */
export async function copyTextInto(tx: DbOrTx, target: string, lines: string): Promise<void> {
  const client = (tx as unknown as { session?: { client?: unknown } }).session?.client as
    | PgLikeClient
    | PgliteLikeTx
    | undefined;
  if (!client) throw new Error('copyTextInto needs a transaction');
  if ('rollback' in client && typeof client.rollback === 'function') {
    await client.query(`copy ${target} from '/dev/blob'`, [], { blob: new Blob([lines]) });
    return;
  }
  await pipeline(
    Readable.from([lines]),
    (client as PgLikeClient).query(copyFrom(`copy ${target} from stdin`)) as NodeJS.WritableStream,
  );
}
