// `npm start`: builds the web app when it is missing or stale, then runs the server with demo data
// on the embedded database (or DATABASE_URL when set). With WEB_DIST set, that build is served as is.
//
// The server is this process's only child (node with the tsx loader, no npx or shell between), so a
// SIGTERM or SIGINT reaches it directly; it is also tied to us by an IPC channel, so it stops by itself
// when this process dies in any way. We exit with its exit code once it has stopped.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');

function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

const dist = join(root, 'apps/web/dist/index.html');
if (
  !process.env.WEB_DIST &&
  (!existsSync(dist) || statSync(dist).mtimeMs < newest(join(root, 'apps/web/src')))
) {
  console.log('Building the web app…');
  const r = spawnSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit', cwd: root });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
// The server runs from its prebuilt bundle (scripts/server-bundle.mjs), built here when a source is
// newer; START_TSX=1, or a failed build, runs the TypeScript sources through tsx as before.
let server = ['--import', 'tsx', join(root, 'apps/server/src/main.ts')];
if (process.env.START_TSX !== '1') {
  try {
    const { bundleFile, bundleFresh, buildBundle } = await import('./server-bundle.mjs');
    if (!bundleFresh()) await buildBundle();
    server = ['--enable-source-maps', bundleFile];
  } catch (err) {
    console.warn(`Running the server from its sources (the bundle could not be built: ${err.message})`);
  }
}
const args = [...server, '--demo', ...process.argv.slice(2)];
const child = spawn(process.execPath, args, { stdio: ['inherit', 'inherit', 'inherit', 'ipc'] });

// The server stops itself within 8 s; this is the last resort for one that hangs before its handlers exist.
let killTimer;
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill(sig);
    killTimer ??= setTimeout(() => child.kill('SIGKILL'), 9_500);
  });
}
child.on('exit', (code, signal) => {
  clearTimeout(killTimer);
  process.exit(code ?? (signal ? 1 : 0));
});
