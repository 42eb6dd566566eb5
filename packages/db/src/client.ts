import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import * as schema from './schema/index.ts';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** A query runner: the database itself or an open transaction. */
export type DbOrTx = Db | Tx;

export interface SqlResult<R> {
  rows: R[];
}

/** The low-level handle, for the job queue and raw SQL that Drizzle does not express. */
export interface Database {
  kind: 'pglite' | 'postgres';
  db: Db;
  /** A parameterised query outside any transaction. */
  query<R = Record<string, unknown>>(text: string, params?: unknown[]): Promise<SqlResult<R>>;
  /**
   * A parameterised query as a named prepared statement on PostgreSQL (parsed and planned once per
   * connection; `name` must always go with the same text); a plain query on PGlite. For hot reads
   * that skip the ORM's row mapping.
   */
  prepared<R = Record<string, unknown>>(name: string, text: string, params: unknown[]): Promise<SqlResult<R>>;
  /** Several statements, no parameters (migrations, setup). */
  exec(text: string): Promise<void>;
  pglite?: PGlite;
  pool?: pg.Pool;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** PostgreSQL connection string; when absent the embedded PGlite is used. */
  url?: string;
  /** PGlite data directory; absent means in memory. */
  dataDir?: string;
  /** A PGlite data-directory dump to start from (tests start from a migrated template). */
  loadDataDir?: Blob | File;
  poolSize?: number;
}

// Bigint columns (money in fen) come back as strings from both drivers unless parsed; fen totals
// stay far below 2^53, and the money helpers check that.
pg.types.setTypeParser(20, (v) => Number(v));

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.url) {
    const pool = new pg.Pool({ connectionString: opts.url, max: opts.poolSize ?? 10 });
    const db = drizzlePg(pool, { schema }) as unknown as Db;
    return {
      kind: 'postgres',
      db,
      pool,
      query: async (text, params) => {
        const r = await pool.query(text, params as unknown[]);
        return { rows: r.rows };
      },
      prepared: async (name, text, params) => {
        const r = await pool.query({ name, text, values: params });
        return { rows: r.rows };
      },
      exec: async (text) => {
        await pool.query(text);
      },
      close: () => pool.end(),
    };
  }
  const pglite = new PGlite({
    dataDir: opts.dataDir,
    loadDataDir: opts.loadDataDir,
    parsers: { 20: (v: string) => Number(v) },
    // Trigram indexes (the console's partner directory search); migration 0013 creates it.
    extensions: { pg_trgm },
  });
  await pglite.waitReady;
  const db = drizzlePglite(pglite, { schema }) as unknown as Db;
  return {
    kind: 'pglite',
    db,
    pglite,
    query: async (text, params) => {
      const r = await pglite.query(text, params as unknown[]);
      return { rows: r.rows as never[] };
    },
    prepared: async (_name, text, params) => {
      const r = await pglite.query(text, params);
      return { rows: r.rows as never[] };
    },
    exec: async (text) => {
      await pglite.exec(text);
    },
    close: () => pglite.close(),
  };
}
