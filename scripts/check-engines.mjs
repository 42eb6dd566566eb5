// Fails when an installed dependency declares a Node range that excludes the lowest version the
// project's `engines` promises (then `npm ci` would warn EBADENGINE on that Node).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import semver from 'semver';

const root = resolve(import.meta.dirname, '..');
const promised = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).engines.node;
const lowest = semver.minVersion(promised).version;
const bad = [];

function walk(dir) {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) {
    if (name.startsWith('.')) continue;
    const path = join(dir, name);
    if (name.startsWith('@')) {
      walk(path);
      continue;
    }
    const manifest = join(path, 'package.json');
    if (existsSync(manifest)) {
      const pkg = JSON.parse(readFileSync(manifest, 'utf8'));
      const range = pkg.engines?.node;
      if (range && !semver.satisfies(lowest, range))
        bad.push(`${pkg.name}@${pkg.version} wants node ${range}`);
    }
    walk(join(path, 'node_modules'));
  }
}

walk(join(root, 'node_modules'));
for (const ws of ['packages/db', 'packages/sdk', 'apps/server', 'apps/web', 'e2e', 'bench'])
  walk(join(root, ws, 'node_modules'));
if (bad.length) {
  console.error(`engines says node ${promised}, but on ${lowest}:\n  ${bad.join('\n  ')}`);
  process.exit(1);
}
console.log(`every installed dependency supports node ${lowest} (engines: ${promised})`);
