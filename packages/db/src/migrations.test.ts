// Proofs that the committed migrations are the schema in code: nothing left to generate, and a
// migrated database is indistinguishable from one built straight from the schema.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateDrizzleJson, generateMigration, pushSchema } from 'drizzle-kit/api';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { type Database, openDatabase } from './client.ts';
import { migrate, migrationsFolder } from './migrate.ts';
import * as schema from './schema/index.ts';

const serverUrl = process.env.TEST_DATABASE_URL || undefined;
const created: string[] = [];

function lastSnapshot() {
  const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta/_journal.json'), 'utf8')) as {
    entries: { idx: number; tag: string }[];
  };
  const last = journal.entries.at(-1);
  if (!last) throw new Error('no migrations committed');
  const file = join(migrationsFolder, `meta/${String(last.idx).padStart(4, '0')}_snapshot.json`);
  return JSON.parse(readFileSync(file, 'utf8'));
}

/**
 * On PGlite, the run's template: the database the global setup built by applying the migrations
 * (loading it takes under a second; creating a PGlite database takes several).
 */
async function migratedPglite(): Promise<Database | null> {
  const file = (inject as (key: string) => unknown)('pgliteTemplate');
  if (serverUrl || typeof file !== 'string') return null;
  return openDatabase({ loadDataDir: new Blob([readFileSync(file)]) });
}

/** A fresh, empty database on the engine of this run. */
async function freshDatabase(): Promise<Database> {
  if (!serverUrl) return openDatabase({});
  const name = `pc_schema_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  created.push(name);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return openDatabase({ url: url.toString(), poolSize: 2 });
}

/** Everything about the public schema that a migration can change, in a stable order. */
async function describeSchema(database: Database) {
  const q = async (sql: string) => (await database.query(sql)).rows;
  return {
    columns: await q(`
      select table_name, column_name, data_type, udt_name, is_nullable, column_default,
             character_maximum_length, numeric_precision, numeric_scale, datetime_precision, is_identity
      from information_schema.columns where table_schema = 'public'
      order by table_name, column_name`),
    constraints: await q(`
      select c.conrelid::regclass::text as table_name, c.conname, c.contype,
             pg_get_constraintdef(c.oid) as definition
      from pg_constraint c join pg_namespace n on n.oid = c.connamespace
      where n.nspname = 'public'
      order by 1, 2`),
    indexes: await q(`
      select tablename, indexname, indexdef from pg_indexes where schemaname = 'public'
      order by tablename, indexname`),
    types: await q(`
      select t.typname, array_agg(e.enumlabel order by e.enumsortorder)::text as labels
      from pg_type t join pg_namespace n on n.oid = t.typnamespace
      left join pg_enum e on e.enumtypid = t.oid
      where n.nspname = 'public' and t.typtype = 'e'
      group by t.typname order by t.typname`),
    sequences: await q(`
      select sequence_name, data_type, increment from information_schema.sequences
      where sequence_schema = 'public' order by sequence_name`),
  };
}

afterAll(async () => {
  if (!serverUrl || created.length === 0) return;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  for (const name of created) await admin.query(`drop database if exists ${name} with (force)`);
  await admin.end();
});

describe('migrations', () => {
  it('are generated from the current schema: nothing is pending', async () => {
    const prev = lastSnapshot();
    const current = generateDrizzleJson(schema, prev.id);
    const pending = await generateMigration(prev, current);
    expect(pending, 'run `npm run db:generate` and commit the migration').toEqual([]);
  });

  // Two databases created from nothing: a few seconds each on PGlite, far more on a busy machine.
  it(`build the same database as the schema pushed from code (${serverUrl ? 'PostgreSQL' : 'PGlite'})`, {
    timeout: 180_000,
  }, async () => {
    const template = await migratedPglite();
    const migrated = template ?? (await freshDatabase());
    const pushed = await freshDatabase();
    try {
      if (!template) await migrate(migrated);
      // Extensions are not part of the schema in code: migration 0013 creates pg_trgm.
      await pushed.exec('create extension if not exists pg_trgm');
      const push = await pushSchema(schema, pushed.db as never);
      await push.apply();
      const fromCode = await describeSchema(pushed);
      expect(fromCode.columns.length).toBeGreaterThan(0);
      expect(fromCode.indexes.length).toBeGreaterThan(0);
      expect(fromCode.constraints.length).toBeGreaterThan(0);
      expect(await describeSchema(migrated)).toEqual(fromCode);
    } finally {
      await migrated.close();
      await pushed.close();
    }
  });
});
