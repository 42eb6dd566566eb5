// BENCH_ONLY=start: `npm start` on the embedded database, timed from the spawn to the first 200 of
// /health — once on a fresh data directory (migrations, demo data) and then again on the same
// directory (warm start). The web app must be built (`npm run build`); the build itself is not
// timed, its freshness check in scripts/start.mjs is.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
/** Warm starts measured after the first one; the table shows the median. */
const WARM_RUNS = Number(process.env.BENCH_START_RUNS ?? 3);

/** The server's own timing of its start (START_PHASES=1, see apps/server/src/main.ts), ms per phase. */
export type StartPhases = Record<string, number>;

export interface StartFigures {
  firstMs: number;
  warmMs: number[];
  firstPhases?: StartPhases;
  warmPhases: (StartPhases | undefined)[];
}

async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const address = srv.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

/** Spawns `npm start` (scripts/start.mjs, as `npm start` execs it) and resolves with the ms until /health is 200. */
export async function timedStart(
  dataDir: string,
): Promise<{ ms: number; child: ChildProcess; url: string; phases?: StartPhases }> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const child = spawn(process.execPath, [join(root, 'scripts/start.mjs')], {
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
      LOG_LEVEL: 'warn',
      START_PHASES: '1',
    },
  });
  let output = '';
  child.stdout?.on('data', (d) => {
    output += d;
  });
  child.stderr?.on('data', (d) => {
    output += d;
  });
  for (;;) {
    if (child.exitCode !== null) throw new Error(`npm start exited:\n${output}`);
    if (performance.now() - started > 600_000) {
      child.kill('SIGKILL');
      throw new Error(`npm start not ready within 600 s:\n${output}`);
    }
    try {
      if ((await fetch(`${url}/health`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  const ms = performance.now() - started;
  // The phases line is printed once the job runtime has started after listen; give it a moment.
  for (let i = 0; i < 250 && !output.includes('start phases '); i++)
    await new Promise((r) => setTimeout(r, 20));
  const line = /start phases (\{.*\})/.exec(output)?.[1];
  return { ms, child, url, phases: line ? (JSON.parse(line) as StartPhases) : undefined };
}

export async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

export async function benchStart(): Promise<StartFigures> {
  if (!existsSync(join(root, 'apps/web/dist/index.html')))
    throw new Error('BENCH_ONLY=start needs the web app built first: npm run build');
  const dir = mkdtempSync(join(tmpdir(), 'pc-bench-start-'));
  const dataDir = join(dir, 'pglite');
  try {
    const first = await timedStart(dataDir);
    await stop(first.child);
    const warmMs: number[] = [];
    const warmPhases: (StartPhases | undefined)[] = [];
    for (let i = 0; i < WARM_RUNS; i++) {
      const warm = await timedStart(dataDir);
      warmMs.push(warm.ms);
      warmPhases.push(warm.phases);
      await stop(warm.child);
    }
    return { firstMs: first.ms, warmMs, firstPhases: first.phases, warmPhases };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

export function printStart(f: StartFigures): void {
  const s = (ms: number) => (ms / 1000).toFixed(2);
  console.log(
    [
      '',
      '| `npm start` (embedded database) | seconds to /health | goal | met |',
      '|---|---:|---|---|',
      `| first start (fresh data directory: migrations, demo data) | ${s(f.firstMs)} | < 10 | ${f.firstMs < 10_000 ? 'yes' : 'no'} |`,
      `| warm start, median of ${f.warmMs.length} (${f.warmMs.map(s).join(', ')}) | ${s(median(f.warmMs))} | < 5 | ${median(f.warmMs) < 5_000 ? 'yes' : 'no'} |`,
      '',
    ].join('\n'),
  );
  // The server's own phases; "before the server" is the rest: `npm start`'s own process (web-build
  // freshness check, spawning node) and the /health polling interval.
  const names = [...new Set([f.firstPhases, ...f.warmPhases].flatMap((p) => Object.keys(p ?? {})))];
  if (!names.length) return;
  const col = (p: StartPhases | undefined, total: number) => {
    // Phases after listen (the job runtime) are not in the time to /health.
    const sum = Object.entries(p ?? {})
      .filter(([n]) => !n.includes('after listen'))
      .reduce((a, [, v]) => a + v, 0);
    return [...names.map((n) => (p?.[n] === undefined ? '—' : s(p[n]))), p ? s(total - sum) : '—'];
  };
  const rows = [col(f.firstPhases, f.firstMs), ...f.warmPhases.map((p, i) => col(p, f.warmMs[i] ?? 0))];
  const head = ['first', ...f.warmPhases.map((_, i) => `warm ${i + 1}`)];
  console.log(
    [
      `| phase (s) | ${head.join(' | ')} |`,
      `|---|${head.map(() => '---:').join('|')}|`,
      ...[...names, 'before the server, polling'].map(
        (n, i) => `| ${n} | ${rows.map((r) => r[i]).join(' | ')} |`,
      ),
      '',
    ].join('\n'),
  );
}
