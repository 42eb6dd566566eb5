import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { openDatabase } from '@pc/db';
import { describe, expect, it } from 'vitest';
import { createPgDatabaseUrl, testDbKind } from '../../../test/index.ts';

const fixture = resolve(import.meta.dirname, 'scheduler-race.fixture.ts');
const tsx = resolve(import.meta.dirname, '../../../../../node_modules/.bin/tsx');

/** Resolves when the process prints a line starting with `prefix`; returns that line. */
function waitFor(p: ChildProcessWithoutNullStreams, prefix: string): Promise<string> {
  return new Promise((ok, fail) => {
    let out = '';
    let err = '';
    const onData = (b: Buffer) => {
      out += b.toString();
      const line = out.split('\n').find((l) => l.startsWith(prefix));
      if (line) {
        p.stdout.off('data', onData);
        ok(line);
      }
    };
    p.stdout.on('data', onData);
    p.stderr.on('data', (b: Buffer) => {
      err += b.toString();
    });
    p.on('exit', (code) =>
      fail(new Error(`process exited (${code}) before "${prefix}": ${err.slice(-2000)}`)),
    );
  });
}

describe.skipIf(testDbKind() !== 'postgres')('scheduler across two processes on one PostgreSQL', () => {
  it('runs each slot exactly once', { timeout: 120_000 }, async () => {
    const url = await createPgDatabaseUrl();
    if (!url) throw new Error('no PostgreSQL');
    // 30 minutes of slots, ticked by both processes at the same instants.
    const start = Date.parse('2026-12-01T00:00:00+08:00');
    const slots = Array.from({ length: 30 }, (_, i) => new Date(start + i * 60_000 + 5_000).toISOString());
    const env = { ...process.env, RACE_DATABASE_URL: url, RACE_SLOTS: JSON.stringify(slots) };
    const procs = [0, 1].map(() => spawn(tsx, [fixture], { env, stdio: 'pipe' }));
    try {
      await Promise.all(procs.map((p) => waitFor(p, 'ready')));
      const done = procs.map((p) => waitFor(p, 'done'));
      for (const p of procs) p.stdin.write('go\n');
      const enqueued = (await Promise.all(done)).map((l) => Number(l.split(' ')[1]));
      expect(enqueued[0]! + enqueued[1]!).toBe(30);

      const db = await openDatabase({ url, poolSize: 1 });
      try {
        const runs = await db.query<{ entity_id: string; n: number }>(
          `select entity_id, count(*)::int as n from audit_log where action = 'test.race_run' group by entity_id`,
        );
        expect(runs.rows).toHaveLength(30);
        expect(runs.rows.every((r) => r.n === 1)).toBe(true);
        expect(new Set(runs.rows.map((r) => r.entity_id))).toEqual(
          new Set(slots.map((s) => new Date(Math.floor(Date.parse(s) / 60_000) * 60_000).toISOString())),
        );
        const keys = await db.query<{ n: number }>(
          `select count(*)::int as n from job_slots where name = 'test.race'`,
        );
        expect(keys.rows[0]?.n).toBe(30);
      } finally {
        await db.close();
      }
    } finally {
      for (const p of procs) if (p.exitCode === null) p.kill('SIGKILL');
    }
  });
});
