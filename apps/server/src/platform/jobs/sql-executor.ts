import type { Database, DbOrTx } from '@pc/db';

/** What pg-boss needs from a database: one statement with parameters, or several without. */
export interface SqlExecutor {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
}

interface QueryClient {
  query(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
}

/**
 * pg-boss over the embedded PGlite. PGlite's `query` runs one statement with parameters and `exec`
 * runs several without; pg-boss sends its locked DDL as one text (BEGIN; …; COMMIT). A failed
 * multi-statement text would leave PGlite's only session inside an aborted transaction, so it is
 * rolled back before the error is passed on.
 */
export function pgliteExecutor(database: Database): SqlExecutor {
  const lite = database.pglite;
  if (!lite) throw new Error('pgliteExecutor needs a PGlite database');
  return {
    async executeSql(text, values) {
      if (values && values.length > 0) {
        const r = await lite.query<Record<string, unknown>>(text, values);
        return { rows: r.rows };
      }
      try {
        const results = await lite.exec(text);
        return { rows: (results.at(-1)?.rows ?? []) as Record<string, unknown>[] };
      } catch (err) {
        if (!lite.closed) await lite.exec('ROLLBACK').catch(() => undefined);
        throw err;
      }
    },
  };
}

/**
 * Runs pg-boss statements on the connection of an open Drizzle transaction, so a job row commits or
 * rolls back with the caller's change. Drizzle keeps that connection at `session.client` for both
 * drivers (a pg PoolClient, or PGlite's transaction); both expose `query(text, values)`. The
 * rollback tests in queue.test.ts guard this against driver upgrades.
 */
export function transactionExecutor(tx: DbOrTx): SqlExecutor {
  const client = (tx as unknown as { session?: { client?: Partial<QueryClient> } }).session?.client;
  if (!client || typeof client.query !== 'function') {
    throw new Error('cannot reach the connection of this transaction');
  }
  const c = client as QueryClient;
  return {
    async executeSql(text, values) {
      const r = await c.query(text, values ?? []);
      return { rows: r.rows };
    },
  };
}
