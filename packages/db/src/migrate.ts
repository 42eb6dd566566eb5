import { fileURLToPath } from 'node:url';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { Database } from './client.ts';

export const migrationsFolder = fileURLToPath(new URL('../migrations', import.meta.url));

/** Applies the committed migrations; safe to call on every start. */
export async function migrate(database: Database): Promise<void> {
  // Drizzle's migrators take their own driver's database type; both share the same schema.
  if (database.kind === 'pglite') await migratePglite(database.db as never, { migrationsFolder });
  else await migratePg(database.db as never, { migrationsFolder });
}

/** The migration count on disk and in the database; `/ready` compares the two. */
export async function migrationStatus(database: Database): Promise<{ applied: number; expected: number }> {
  const { readFile } = await import('node:fs/promises');
  const journal = JSON.parse(await readFile(`${migrationsFolder}/meta/_journal.json`, 'utf8')) as {
    entries: unknown[];
  };
  let applied = 0;
  try {
    const r = await database.query<{ n: number }>(
      'select count(*)::int as n from drizzle.__drizzle_migrations',
    );
    applied = r.rows[0]?.n ?? 0;
  } catch {
    applied = 0;
  }
  return { applied, expected: journal.entries.length };
}
