// Real server processes for multi-node, crash and reliability tests: started as `npm run serve`
// starts them (node --import tsx apps/server/src/main.ts), plus a round-robin HTTP proxy.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, request as httpRequest } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { DEMO_TOTP_SECRET } from '../src/modules/identity/identity.demo-users.ts';
import { totpCode } from '../src/modules/identity/totp.ts';

export const repoRoot = resolve(import.meta.dirname, '../../..');

/** A free loopback port (the server prints its URLs, so it must know the port before listening). */
export function freePort(): Promise<number> {
  return new Promise((ok) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => ok(port));
    });
  });
}

/** A directory with a stand-in web app (the tests talk to the API only). */
export function stubWebDist(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'pc-web-')), 'dist');
  mkdirSync(dir);
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>test</title>');
  return dir;
}

export interface ServerProcess {
  url: string;
  port: number;
  proc: ChildProcess;
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGTERM and wait for the exit. */
  stop(): Promise<void>;
  /** SIGKILL (as a crash) and wait for the exit. */
  kill(): Promise<void>;
}

export const TEST_APP_SECRET = 'process-test-secret-0123456789-abcdefghijklmnop';

/**
 * Starts one server process with `env` over a test baseline (NODE_ENV=test, quiet logs, a stub web
 * app, one shared APP_SECRET) and waits until `/ready` answers 200.
 */
export async function startServerProcess(
  env: Record<string, string>,
  opts: { args?: string[]; timeoutMs?: number } = {},
): Promise<ServerProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const { DATABASE_URL: _, PUBLIC_URL: __, ...base } = process.env;
  const proc = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts', ...(opts.args ?? [])], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...base,
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: String(port),
      PUBLIC_URL: url,
      APP_SECRET: TEST_APP_SECRET,
      LOG_LEVEL: 'warn',
      ...env,
    },
  });
  let out = '';
  proc.stdout?.on('data', (d) => {
    out += d;
  });
  proc.stderr?.on('data', (d) => {
    out += d;
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((ok) =>
    proc.on('exit', (code, signal) => ok({ code, signal })),
  );
  const end = async (signal: NodeJS.Signals) => {
    if (proc.exitCode === null && proc.signalCode === null) proc.kill(signal);
    await exited;
  };
  const server: ServerProcess = {
    url,
    port,
    proc,
    output: () => out,
    exited,
    stop: () => end('SIGTERM'),
    kill: () => end('SIGKILL'),
  };
  const deadline = Date.now() + (opts.timeoutMs ?? 180_000);
  for (;;) {
    if (proc.exitCode !== null || proc.signalCode !== null)
      throw new Error(`server exited during start:\n${out}`);
    if (Date.now() > deadline) {
      await server.kill();
      throw new Error(`server not ready in time:\n${out}`);
    }
    const ready = await fetch(`${url}/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) return server;
    await new Promise((r) => setTimeout(r, 250));
  }
}

export interface RoundRobinProxy {
  url: string;
  /** Requests sent to each target, in the targets' order. */
  hits: number[];
  close(): Promise<void>;
}

/** A round-robin reverse proxy over `targets` (base URLs), as a load balancer in front of nodes. */
export async function roundRobinProxy(targets: string[]): Promise<RoundRobinProxy> {
  const hits = targets.map(() => 0);
  let next = 0;
  const server = createHttpServer((req, res) => {
    const i = next++ % targets.length;
    hits[i] = (hits[i] ?? 0) + 1;
    const target = new URL(targets[i] as string);
    const upstream = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, 'x-forwarded-for': req.socket.remoteAddress ?? '127.0.0.1' },
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  });
  const port = await freePort();
  await new Promise<void>((ok) => server.listen(port, '127.0.0.1', ok));
  return {
    url: `http://127.0.0.1:${port}`,
    hits,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

/** A cookie jar for fetch: a browser-like session against one base URL (or a proxy). */
export class Browser {
  private cookies = new Map<string, string>();
  constructor(readonly base: string) {}

  async fetch(path: string, init: RequestInit & { json?: unknown } = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    const mine = this.headers();
    if (this.cookies.size) headers.set('cookie', mine.cookie as string);
    if (mine['x-csrf-token'] && init.method && init.method !== 'GET')
      headers.set('x-csrf-token', mine['x-csrf-token']);
    let body = init.body;
    if (init.json !== undefined) {
      headers.set('content-type', 'application/json');
      body = JSON.stringify(init.json);
    }
    const res = await fetch(`${this.base}${path}`, { ...init, headers, body, redirect: 'manual' });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const eq = pair?.indexOf('=') ?? -1;
      if (pair && eq > 0) this.cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    }
    return res;
  }

  /** Gets the CSRF cookie, then signs in; throws when refused. */
  async signIn(email: string, password: string): Promise<void> {
    await this.fetch('/api/auth/csrf');
    const res = await this.fetch('/api/auth/sign-in', { method: 'POST', json: { email, password } });
    if (res.status !== 200) throw new Error(`sign-in of ${email} failed: ${res.status} ${await res.text()}`);
    const { secondFactor } = (await res.json()) as { secondFactor?: { kind: string; ticket: string } };
    if (!secondFactor) return;
    // Demo operators are enrolled with the published demo secret: answer the code step on the
    // server's clock (tests may have moved it).
    if (secondFactor.kind !== 'totp') throw new Error(`sign-in of ${email} needs enrolment first`);
    const clock = await this.fetch('/api/test/clock');
    const at = clock.status === 200 ? new Date(((await clock.json()) as { now: string }).now) : new Date();
    const code = totpCode(DEMO_TOTP_SECRET, at);
    const done = await this.fetch('/api/auth/sign-in/second-factor', {
      method: 'POST',
      json: { ticket: secondFactor.ticket, code },
    });
    if (done.status !== 200)
      throw new Error(`code step of ${email} failed: ${done.status} ${await done.text()}`);
  }

  /** The `cookie` and `x-csrf-token` headers this browser sends, for requests made by hand. */
  headers(): Record<string, string> {
    return {
      cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      'x-csrf-token': this.cookies.get('pc_csrf') ?? '',
    };
  }

  /** The same cookies against another base URL (the session travels with the browser). */
  at(base: string): Browser {
    const b = new Browser(base);
    b.cookies = this.cookies;
    return b;
  }
}
