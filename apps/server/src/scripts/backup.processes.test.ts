// Backups and restores with the real commands (`npm run backup` / `npm run restore`, run as processes):
// PGlite's data directory on every run, pg_dump/pg_restore on the PostgreSQL run. This is the restore
// check of CI: a database with rows is backed up, restored somewhere new, and the rows are there.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate, openDatabase } from '@pc/db';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createPgDatabaseUrl, testDbKind } from '../../test/index.ts';
import { withDatabase } from '../../test/pg-url.ts';
import { repoRoot, TEST_APP_SECRET } from '../../test/processes.ts';

const work = mkdtempSync(join(tmpdir(), 'pc-backup-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** `npm run backup|restore -- …` as an operator runs it; exit code and output. */
function command(mode: 'backup' | 'restore', args: string[], env: Record<string, string>) {
  const { DATABASE_URL: _, DATA_DIR: __, ...base } = process.env;
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'apps/server/src/scripts/backup.ts', mode, ...args],
    {
      cwd: repoRoot,
      env: { ...base, NODE_ENV: 'test', APP_SECRET: TEST_APP_SECRET, LOG_LEVEL: 'error', ...env },
      encoding: 'utf8',
      timeout: 180_000,
    },
  );
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

const ROWS = `insert into rate_limits (key, window_start, hits, expires_at)
  select 'backup:' || g, now(), g, now() + interval '1 day' from generate_series(1, 500) g`;
const COUNT = `select count(*)::int as n, coalesce(sum(hits), 0)::int as s from rate_limits where key like 'backup:%'`;

describe.skipIf(testDbKind() !== 'pglite')(
  'backup and restore of the embedded database',
  { timeout: 400_000 },
  () => {
    it('restores a backup into a new directory, refuses a running server and an occupied directory', async () => {
      const dataDir = join(work, 'live', 'pglite');
      mkdirSync(dataDir, { recursive: true });
      const db = await openDatabase({ dataDir });
      await migrate(db);
      await db.exec(ROWS);
      await db.close();
      const file = join(work, 'pc.tar.gz');

      const made = command('backup', [file], { DATA_DIR: dataDir });
      expect(made.out).toContain('Backed up');
      expect(made.code).toBe(0);

      const restoredDir = join(work, 'restored', 'pglite');
      const restored = command('restore', [file], { DATA_DIR: restoredDir });
      expect(restored.out).toContain('Restored');
      expect(restored.code).toBe(0);
      const check = await openDatabase({ dataDir: restoredDir });
      try {
        expect((await check.query(COUNT)).rows[0]).toEqual({ n: 500, s: 125_250 });
        // Migrations are recorded too: a start on the restored directory applies none again.
        const applied = await check.query<{ n: number }>(
          'select count(*)::int as n from drizzle.__drizzle_migrations',
        );
        expect(applied.rows[0]?.n).toBeGreaterThan(0);
      } finally {
        await check.close();
      }

      // Over an existing database only with --replace, keeping the previous one aside.
      const again = command('restore', [file], { DATA_DIR: restoredDir });
      expect(again.code).toBe(1);
      expect(again.out).toContain('--replace');
      const replaced = command('restore', [file, '--replace'], { DATA_DIR: restoredDir });
      expect(replaced.code).toBe(0);
      expect(readdirSync(join(work, 'restored')).some((f) => f.startsWith('pglite.replaced-'))).toBe(true);

      // A running server holds the directory's lock (its pid is alive): both commands refuse.
      writeFileSync(join(work, 'restored', 'pglite.lock'), String(process.ppid));
      for (const mode of ['backup', 'restore'] as const) {
        const refused = command(mode, mode === 'backup' ? [join(work, 'x.tar.gz')] : [file, '--replace'], {
          DATA_DIR: restoredDir,
        });
        expect(refused.code).toBe(1);
        expect(refused.out).toContain(`is in use by process ${process.ppid}`);
        expect(refused.out).toContain('Stop the server first');
      }
      expect(existsSync(join(work, 'x.tar.gz'))).toBe(false);
      rmSync(join(work, 'restored', 'pglite.lock'));

      // A damaged file leaves the directory as it was.
      writeFileSync(join(work, 'bad.tar.gz'), 'not a backup');
      const bad = command('restore', [join(work, 'bad.tar.gz'), '--replace'], { DATA_DIR: restoredDir });
      expect(bad.code).toBe(1);
      const still = await openDatabase({ dataDir: restoredDir });
      try {
        expect((await still.query(COUNT)).rows[0]).toEqual({ n: 500, s: 125_250 });
      } finally {
        await still.close();
      }
    });
  },
);

const hasPgTools = spawnSync('pg_dump', ['--version']).status === 0;

describe.skipIf(testDbKind() !== 'postgres' || !hasPgTools)(
  'pg_dump and pg_restore',
  { timeout: 400_000 },
  () => {
    it('restores a dump into a new database with its rows, and refuses a database that has tables', async () => {
      const url = await createPgDatabaseUrl();
      if (!url) throw new Error('no PostgreSQL');
      const db = await openDatabase({ url, poolSize: 1 });
      try {
        await db.exec(ROWS);
      } finally {
        await db.close();
      }
      const file = join(work, 'pc.dump');
      const made = command('backup', [file], { DATABASE_URL: url });
      expect(made.code).toBe(0);

      const name = `${new URL(url).pathname.slice(1)}_restored`;
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      try {
        await admin.query(`create database ${name}`);
        const target = withDatabase(url, name);
        const restored = command('restore', [file], { DATABASE_URL: target });
        expect(restored.out).toContain('Restored');
        expect(restored.code).toBe(0);
        const check = await openDatabase({ url: target, poolSize: 1 });
        try {
          expect((await check.query(COUNT)).rows[0]).toEqual({ n: 500, s: 125_250 });
          const tables =
            "select count(*)::int as n from information_schema.tables where table_schema in ('public', 'pgboss', 'drizzle')";
          const source = await openDatabase({ url, poolSize: 1 });
          try {
            expect((await check.query(tables)).rows[0]).toEqual((await source.query(tables)).rows[0]);
          } finally {
            await source.close();
          }
        } finally {
          await check.close();
        }
        const again = command('restore', [file], { DATABASE_URL: target });
        expect(again.code).toBe(1);
        expect(again.out).toContain('--replace');
        expect(command('restore', [file, '--replace'], { DATABASE_URL: target }).code).toBe(0);
      } finally {
        await admin.query(`drop database if exists ${name} with (force)`);
        await admin.end();
      }
    });
  },
);
