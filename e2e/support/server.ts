import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const root = resolve(import.meta.dirname, '../..');

export interface ServerOptions {
  /** PGlite data directory; a fresh temporary one when absent. */
  dataDir?: string;
  smtpUrl?: string;
  demo?: boolean;
  env?: Record<string, string>;
}

export interface RunningServer {
  url: string;
  dataDir: string;
  child: ChildProcess;
  output(): string;
  /** SIGTERM and wait; `kill` for SIGKILL (no cleanup, as after a crash). */
  stop(): Promise<void>;
  kill(): Promise<void>;
}

/** A free loopback port (the server prints its URLs, so it must know the port before listening). */
export async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const address = srv.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

export function tempDataDir(): string {
  return join(mkdtempSync(join(tmpdir(), 'pc-e2e-')), 'pglite');
}

/** Spawns the server as `npm start` does (tsx, main.ts), without waiting for it. */
export async function spawnServer(opts: ServerOptions = {}) {
  const port = await freePort();
  const dataDir = opts.dataDir ?? tempDataDir();
  const url = `http://127.0.0.1:${port}`;
  const args = ['--import', 'tsx', 'apps/server/src/main.ts'];
  if (opts.demo !== false) args.push('--demo');
  const child = spawn(process.execPath, args, {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      NODE_ENV: 'development',
      HOST: '127.0.0.1',
      PORT: String(port),
      PUBLIC_URL: url,
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      APP_SECRET: 'e2e-secret-e2e-secret-e2e-secret-0123456789',
      SMTP_URL: opts.smtpUrl ?? '',
      LOG_LEVEL: 'warn',
      ...opts.env,
    },
  });
  let output = '';
  child.stdout?.on('data', (d) => {
    output += d;
  });
  child.stderr?.on('data', (d) => {
    output += d;
  });
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  return { url, dataDir, child, exited, output: () => output };
}

/** Starts the server and waits until /ready answers 200. */
export async function startServer(opts: ServerOptions = {}, timeoutMs = 120_000): Promise<RunningServer> {
  const s = await spawnServer(opts);
  let gone = false;
  void s.exited.then(() => {
    gone = true;
  });
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (gone) throw new Error(`server exited during start:\n${s.output()}`);
    if (Date.now() > deadline) {
      s.child.kill('SIGKILL');
      throw new Error(`server not ready within ${timeoutMs} ms:\n${s.output()}`);
    }
    try {
      const res = await fetch(`${s.url}/ready`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  const end = async (signal: NodeJS.Signals) => {
    if (s.child.exitCode === null && s.child.signalCode === null) s.child.kill(signal);
    await s.exited;
  };
  return {
    url: s.url,
    dataDir: s.dataDir,
    child: s.child,
    output: s.output,
    stop: () => end('SIGTERM'),
    kill: () => end('SIGKILL'),
  };
}

/** Removes a temporary data directory made by `tempDataDir`. */
export function removeDataDir(dataDir: string): void {
  rmSync(resolve(dataDir, '..'), { recursive: true, force: true });
}
