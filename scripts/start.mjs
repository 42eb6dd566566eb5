// `npm start`: builds the web app when it is missing or stale, then runs the server with demo data
// on the embedded database (or DATABASE_URL when set).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

const dist = 'apps/web/dist/index.html';
if (!existsSync(dist) || statSync(dist).mtimeMs < newest('apps/web/src')) {
  console.log('Building the web app…');
  const r = spawnSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
const args = ['tsx', 'apps/server/src/main.ts', '--demo', ...process.argv.slice(2)];
const child = spawn('npx', args, { stdio: 'inherit' });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));
