import { closeSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `The data directory ${dataDir} is in use by process ${pid}. PGlite serves one process only: ` +
        'stop the other server, or set DATABASE_URL to use PostgreSQL for several processes.',
    );
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes an exclusive lock on a PGlite data directory. The lock file holds the owner's pid, so a
 * lock left by a killed process is recognised as stale and taken over instead of blocking.
 * Returns the release function.
 */
export function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, '..', `${dataDir.split('/').filter(Boolean).pop()}.lock`);
  for (let i = 0; i < 3; i++) {
    try {
      const fd = openSync(file, 'wx');
      writeFileSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(file, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const pid = Number(readFileSync(file, 'utf8').trim());
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid)) {
      throw new DataDirLockedError(dataDir, pid);
    }
    // Stale: move it aside atomically so only one contender removes it, then retry.
    try {
      renameSync(file, `${file}.stale.${process.pid}`);
      rmSync(`${file}.stale.${process.pid}`, { force: true });
    } catch {
      // another process took it over first; loop and look again
    }
  }
  throw new Error(`Could not lock ${dataDir}`);
}
