// Real processes: `npm start` (PGlite) and `npm run serve` (PostgreSQL) stop on SIGTERM/SIGINT
// within 10 s, finish the request in flight, release the data directory, leave no process behind,
// and start again right after on the same data. Also: printed URLs follow PORT/HOST.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openDatabase } from '@pc/db';
import { afterAll, describe, expect, it } from 'vitest';
import { createPgDatabaseUrl, testDbKind } from '../test/index.ts';

const root = resolve(import.meta.dirname, '../../..');
const work = mkdtempSync(join(tmpdir(), 'pc-proc-'));
const webDist = join(work, 'web');
mkdirSync(webDist);
writeFileSync(join(webDist, 'index.html'), '<!doctype html><title>test</title>');
const started: ChildProcess[] = [];

afterAll(() => {
  for (const p of started) if (p.exitCode === null && p.signalCode === null) p.kill('SIGKILL');
  rmSync(work, { recursive: true, force: true });
});

function freePort(): Promise<number> {
  return new Promise((ok) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => ok(port));
    });
  });
}

interface Run {
  proc: ChildProcess;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
}

/** Starts `npm <args>` in the repository with only the given settings (no PUBLIC_URL). */
function npm(args: string[], env: Record<string, string>): Run {
  const { PUBLIC_URL: _, DATABASE_URL: __, ...base } = process.env;
  const proc = spawn('npm', args, {
    cwd: root,
    env: { ...base, NODE_ENV: 'development', LOG_LEVEL: 'info', WEB_DIST: webDist, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push(proc);
  let out = '';
  proc.stdout?.on('data', (d) => {
    out += d;
  });
  proc.stderr?.on('data', (d) => {
    out += d;
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((ok) =>
    proc.on('exit', (code, signal) => ok({ code, signal, at: Date.now() })),
  );
  return { proc, output: () => out, exited };
}

async function waitForOutput(run: Run, text: string, ms = 150_000): Promise<void> {
  const until = Date.now() + ms;
  while (!run.output().includes(text)) {
    if (run.proc.exitCode !== null) throw new Error(`exited before "${text}":\n${run.output()}`);
    if (Date.now() > until) throw new Error(`no "${text}" after ${ms} ms:\n${run.output()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Every process below `pid` (children, grandchildren …), from ps. */
function descendants(pid: number): number[] {
  const rows = execFileSync('ps', ['-e', '-o', 'pid=,ppid='], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((l) => l.trim().split(/\s+/).map(Number) as [number, number]);
  const found: number[] = [];
  const walk = (p: number) => {
    for (const [c, parent] of rows)
      if (parent === p) {
        found.push(c);
        walk(c);
      }
  };
  walk(pid);
  return found;
}

/** Alive and not a zombie (a zombie has exited; only its parent has not collected it yet). */
function running(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.[0] !== 'Z';
  } catch {
    return false;
  }
}

/** A POST whose body is sent in two halves, `between` runs after the first. Resolves with the status. */
function slowPost(
  port: number,
  path: string,
  headers: Record<string, string>,
  body: string,
  between: () => Promise<void>,
) {
  return new Promise<number>((ok, fail) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: 'POST',
        headers: { ...headers, 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        res.resume();
        res.on('end', () => ok(res.statusCode ?? 0));
      },
    );
    req.on('error', fail);
    req.write(body.slice(0, 5));
    void between().then(() => req.end(body.slice(5)), fail);
  });
}

function connects(port: number): Promise<boolean> {
  return fetch(`http://127.0.0.1:${port}/health`).then(
    () => true,
    () => false,
  );
}

const STOP_LIMIT_MS = 10_000;

describe.skipIf(testDbKind() !== 'pglite')('npm start on the embedded database', { timeout: 400_000 }, () => {
  it('stops on SIGTERM within 10 s after the request in flight, and starts again on the same data', async () => {
    const dataDir = join(work, 'pglite', 'data');
    const port = await freePort();
    const env = { DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_REQUESTS: '1' };
    const first = npm(['start'], env);
    await waitForOutput(first, 'Demo sign-ins');
    // PUBLIC_URL unset: the printed addresses are where the server listens.
    expect(first.output()).toContain(`Partner portal     http://localhost:${port}/`);
    expect(first.output()).not.toContain('localhost:3000');
    expect(existsSync(join(work, 'pglite', 'data.lock'))).toBe(true);
    const tree = descendants(first.proc.pid!);
    expect(tree.length).toBeGreaterThanOrEqual(2); // start.mjs and the server (and tsx's esbuild)

    const token = readFileSync(join(work, 'pglite', 'ingest.token'), 'utf8').trim();
    let signalledAt = 0;
    const status = await slowPost(
      port,
      '/api/ingest/spend',
      { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      JSON.stringify({ records: [] }),
      async () => {
        await waitForOutput(first, '"url":"/api/ingest/spend"'); // the server has taken the request
        signalledAt = Date.now();
        first.proc.kill('SIGTERM');
        // New connections are refused while the request in flight is still open.
        for (let i = 0; i < 50 && (await connects(port)); i++) await new Promise((r) => setTimeout(r, 100));
        expect(await connects(port)).toBe(false);
      },
    );
    expect(status).toBe(400); // answered (an empty batch is refused), not cut off
    const end = await first.exited;
    expect(end.code).toBe(0);
    expect(end.at - signalledAt).toBeLessThan(STOP_LIMIT_MS);
    expect(first.output()).toContain('"msg":"stopped"');
    expect(tree.filter(running)).toEqual([]);
    expect(existsSync(join(work, 'pglite', 'data.lock'))).toBe(false);

    // Right after, on the same directory; then the parent is killed outright and the server follows.
    const second = npm(['start'], env);
    await waitForOutput(second, 'Demo sign-ins');
    expect(second.output()).not.toContain('is in use by process');
    const server = descendants(second.proc.pid!);
    const killedAt = Date.now();
    second.proc.kill('SIGINT');
    const end2 = await second.exited;
    expect(end2.code).toBe(0);
    expect(end2.at - killedAt).toBeLessThan(STOP_LIMIT_MS);
    expect(server.filter(running)).toEqual([]);
    expect(existsSync(join(work, 'pglite', 'data.lock'))).toBe(false);
  });

  it('stops the server when the start script itself is killed with SIGKILL', async () => {
    const dataDir = join(work, 'orphan', 'data');
    const port = await freePort();
    const run = npm(['start'], { DATA_DIR: dataDir, PORT: String(port) });
    await waitForOutput(run, 'Demo sign-ins');
    const [startScript, ...below] = descendants(run.proc.pid!);
    process.kill(startScript!, 'SIGKILL');
    const until = Date.now() + STOP_LIMIT_MS;
    while (below.some(running) && Date.now() < until) await new Promise((r) => setTimeout(r, 200));
    expect(below.filter(running)).toEqual([]);
    expect(existsSync(join(work, 'orphan', 'data.lock'))).toBe(false);
    await run.exited;
  });
});

describe.skipIf(testDbKind() !== 'postgres')('npm run serve on PostgreSQL', { timeout: 300_000 }, () => {
  it('stops on SIGINT and SIGTERM within 10 s, closes its connections, and starts again', async () => {
    const url = await createPgDatabaseUrl();
    if (!url) throw new Error('no PostgreSQL');
    const name = new URL(url).pathname.slice(1);
    const port = await freePort();
    const env = {
      DATABASE_URL: url,
      DATA_DIR: join(work, 'pg', 'data'),
      PORT: String(port),
      HOST: '0.0.0.0',
    };
    const admin = await openDatabase({ url, poolSize: 1 });
    const sessions = async () =>
      (
        await admin.query<{ n: number }>(
          'select count(*)::int as n from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
          [name],
        )
      ).rows[0]!.n;
    try {
      for (const signal of ['SIGINT', 'SIGTERM'] as const) {
        const run = npm(['run', 'serve'], env);
        await waitForOutput(run, 'Partner Center is running');
        expect(run.output()).toContain(`Partner portal     http://localhost:${port}/`);
        expect(await sessions()).toBeGreaterThan(0);
        const tree = descendants(run.proc.pid!);
        const at = Date.now();
        run.proc.kill(signal);
        const end = await run.exited;
        expect(end.code).toBe(0);
        expect(end.at - at).toBeLessThan(STOP_LIMIT_MS);
        expect(tree.filter(running)).toEqual([]);
        // PostgreSQL ends a closed session asynchronously; it is gone within moments.
        for (let i = 0; i < 20 && (await sessions()) > 0; i++) await new Promise((r) => setTimeout(r, 100));
        expect(await sessions()).toBe(0);
      }
    } finally {
      await admin.close();
    }
  });
});
