// `npm run backup -- <file>` and `npm run restore -- <file> [--replace]`, on the configured database.
// PGlite (DATA_DIR): a gzip tarball of the data directory made by PGlite itself; the server must be
// stopped (it holds the directory's lock), and a restore never goes over a running server's directory.
// PostgreSQL (DATABASE_URL): pg_dump's custom format and pg_restore (the client tools of the server's
// major version must be installed), in one transaction; the server may keep running during a backup.
// APP_SECRET (or the generated secret.key beside the data directory) is not in the backup: keep it
// apart, a restore without it cannot decrypt API secret keys or webhook secrets.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DataDirLockedError, lockDataDir, openDatabase } from '@pc/db';
import { loadConfig } from '../config.ts';

type Mode = 'backup' | 'restore';

const TABLES = "select count(*)::int as n from information_schema.tables where table_schema = 'public'";

function usage(): number {
  console.error('Usage: npm run backup -- <file>');
  console.error('       npm run restore -- <file> [--replace]');
  console.error('The database is the configured one: DATABASE_URL (PostgreSQL) or DATA_DIR (PGlite).');
  return 2;
}

const isEmptyDir = (dir: string) => !existsSync(dir) || readdirSync(dir).length === 0;

function withLock(dataDir: string, run: () => Promise<number>): Promise<number> {
  let release: () => void;
  try {
    release = lockDataDir(dataDir);
  } catch (e) {
    if (!(e instanceof DataDirLockedError)) throw e;
    console.error(
      `${e.message}\nStop the server first: PGlite backups and restores need the directory to themselves.`,
    );
    return Promise.resolve(1);
  }
  return run().finally(release);
}

async function backupPglite(dataDir: string, file: string): Promise<number> {
  if (isEmptyDir(dataDir)) {
    console.error(`There is no database in ${dataDir} (DATA_DIR).`);
    return 1;
  }
  const database = await openDatabase({ dataDir });
  try {
    const { n } = (await database.query<{ n: number }>(TABLES)).rows[0] ?? { n: 0 };
    const dump = await database.pglite!.dumpDataDir('gzip');
    const tmp = `${file}.partial`;
    writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
    renameSync(tmp, file);
    console.log(`Backed up ${dataDir} (${n} tables) to ${file} (${statSync(file).size} bytes).`);
    return 0;
  } finally {
    await database.close();
  }
}

async function restorePglite(dataDir: string, file: string, replace: boolean): Promise<number> {
  let moved: string | null = null;
  if (!isEmptyDir(dataDir)) {
    if (!replace) {
      console.error(
        `${dataDir} already holds a database. Add --replace to restore over it (it is kept as ${dataDir}.replaced-<time>).`,
      );
      return 1;
    }
    moved = `${dataDir}.replaced-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    renameSync(dataDir, moved);
  }
  try {
    const dump = new Blob([readFileSync(file)]);
    const database = await openDatabase({ dataDir, loadDataDir: dump });
    try {
      const { n } = (await database.query<{ n: number }>(TABLES)).rows[0] ?? { n: 0 };
      console.log(
        `Restored ${file} into ${dataDir} (${n} tables).${moved ? ` The previous data is in ${moved}.` : ''}`,
      );
    } finally {
      await database.close();
    }
    return 0;
  } catch (err) {
    // Leave the directory as it was before.
    rmSync(dataDir, { recursive: true, force: true });
    if (moved) renameSync(moved, dataDir);
    console.error(`Could not restore ${file}: ${(err as Error).message}`);
    return 1;
  }
}

/** Runs a PostgreSQL client tool; a missing tool is explained. */
function tool(name: string, args: string[]): number {
  const r = spawnSync(name, args, { stdio: 'inherit' });
  if ((r.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') {
    console.error(`${name} is not installed: install the PostgreSQL client of the server's major version.`);
    return 1;
  }
  return r.status ?? 1;
}

async function restorePostgres(url: string, file: string, replace: boolean): Promise<number> {
  const database = await openDatabase({ url, poolSize: 1 });
  let n = 0;
  try {
    n = (await database.query<{ n: number }>(TABLES)).rows[0]?.n ?? 0;
  } finally {
    await database.close();
  }
  if (n > 0 && !replace) {
    console.error(
      `The database of DATABASE_URL already has ${n} tables. Restore into a new, empty database, or add --replace to drop and restore the dumped objects.`,
    );
    return 1;
  }
  const args = ['--no-owner', '--exit-on-error', '--single-transaction', `--dbname=${url}`];
  if (replace) args.push('--clean', '--if-exists');
  const code = tool('pg_restore', [...args, file]);
  if (code === 0) console.log(`Restored ${file} into the database of DATABASE_URL.`);
  return code;
}

async function main(): Promise<number> {
  const [mode, file, ...rest] = process.argv.slice(2) as [Mode | undefined, string | undefined, ...string[]];
  if ((mode !== 'backup' && mode !== 'restore') || !file || file.startsWith('--')) return usage();
  const replace = rest.includes('--replace');
  const target = resolve(file);
  const config = loadConfig(process.env, []);
  if (mode === 'restore' && !existsSync(target)) {
    console.error(`${target} does not exist.`);
    return 1;
  }
  if (config.databaseUrl) {
    if (mode === 'backup') {
      const code = tool('pg_dump', [
        '--format=custom',
        '--no-owner',
        `--file=${target}`,
        `--dbname=${config.databaseUrl}`,
      ]);
      if (code === 0) console.log(`Backed up the database of DATABASE_URL to ${target}.`);
      return code;
    }
    return restorePostgres(config.databaseUrl, target, replace);
  }
  const dataDir = resolve(config.dataDir);
  return withLock(dataDir, () =>
    mode === 'backup' ? backupPglite(dataDir, target) : restorePglite(dataDir, target, replace),
  );
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
