// The PGlite data-directory lock across real processes: a live holder keeps others out with a clear
// message; a holder killed without cleanup does not block the next start.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { DataDirLockedError, lockDataDir } from './lock.ts';

const root = resolve(import.meta.dirname, '../../..');
const lockModule = pathToFileURL(resolve(import.meta.dirname, 'lock.ts')).href;
const work = mkdtempSync(join(tmpdir(), 'pc-lock-'));
const children: ChildProcess[] = [];

/** A separate Node process (TypeScript through tsx) that locks `dataDir` and holds it until killed. */
function startHolder(dataDir: string) {
  const code = `
    import { DataDirLockedError, lockDataDir } from ${JSON.stringify(lockModule)};
    try {
      lockDataDir(${JSON.stringify(dataDir)});
      console.log('locked');
      setInterval(() => {}, 60_000);
    } catch (e) {
      if (!(e instanceof DataDirLockedError)) throw e;
      console.error(e.message);
      process.exit(3);
    }`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => {
    stdout += d;
  });
  child.stderr.on('data', (d) => {
    stderr += d;
  });
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  const locked = new Promise<void>((ok, fail) => {
    child.stdout.on('data', () => stdout.includes('locked') && ok());
    void exited.then((code) => fail(new Error(`holder exited ${code}: ${stderr}`)));
  });
  // A holder that is expected to refuse never locks; only tests that await `locked` care.
  locked.catch(() => {});
  return { child, locked, exited, output: () => ({ stdout, stderr }) };
}

afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  rmSync(work, { recursive: true, force: true });
});

// Each test starts Node processes with tsx; slow on a busy machine, so the default timeout is too short.
describe('data-directory lock', { timeout: 120_000 }, () => {
  it('refuses a second process with a clear message while the first is alive', async () => {
    const dataDir = join(work, 'a', 'pglite');
    const first = startHolder(dataDir);
    await first.locked;

    const second = startHolder(dataDir);
    expect(await second.exited).toBe(3);
    const message = second.output().stderr;
    expect(message).toContain(`The data directory ${dataDir} is in use by process ${first.child.pid}`);
    expect(message).toContain('set DATABASE_URL to use PostgreSQL');

    expect(() => lockDataDir(dataDir)).toThrow(DataDirLockedError);
    first.child.kill('SIGTERM');
    await first.exited;
  });

  it('is taken over after the holder was killed without releasing it', async () => {
    const dataDir = join(work, 'b', 'pglite');
    const holder = startHolder(dataDir);
    await holder.locked;
    holder.child.kill('SIGKILL');
    await holder.exited;
    expect(existsSync(join(work, 'b', 'pglite.lock'))).toBe(true);

    const next = startHolder(dataDir);
    await next.locked;
    next.child.kill('SIGKILL');
    await next.exited;

    const release = lockDataDir(dataDir);
    release();
    expect(existsSync(join(work, 'b', 'pglite.lock'))).toBe(false);
  });
});
