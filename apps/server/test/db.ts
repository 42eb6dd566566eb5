import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { type Database, openDatabase } from '@pc/db';
import pg from 'pg';
import { inject } from 'vitest';
import { withDatabase } from './pg-url.ts';

let pgliteTemplate: Blob | undefined;

/** The database kind of this run: `pglite`, or `postgres` when TEST_DATABASE_URL is set. */
export const testDbKind = (): 'pglite' | 'postgres' => (inject('pgServerUrl') ? 'postgres' : 'pglite');

/**
 * A fresh, migrated database of its own for one test file (or one test): a copy of the run's
 * template, so no test sees another's rows and nothing needs truncating.
 */
export async function createTestDb(): Promise<Database> {
  const serverUrl = inject('pgServerUrl');
  const template = inject('pgTemplate');
  if (serverUrl && template) {
    const name = `pc_t_${inject('runId')}_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    try {
      await admin.query(`create database ${name} template ${template}`);
    } finally {
      await admin.end();
    }
    return openDatabase({ url: withDatabase(serverUrl, name), poolSize: 5 });
  }
  pgliteTemplate ??= new Blob([readFileSync(inject('pgliteTemplate'))]);
  return openDatabase({ loadDataDir: pgliteTemplate });
}

/** The connection string of a fresh database on the PostgreSQL server (for multi-process tests). */
export async function createPgDatabaseUrl(): Promise<string | null> {
  const serverUrl = inject('pgServerUrl');
  const template = inject('pgTemplate');
  if (!serverUrl || !template) return null;
  const name = `pc_t_${inject('runId')}_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name} template ${template}`);
  } finally {
    await admin.end();
  }
  return withDatabase(serverUrl, name);
}
