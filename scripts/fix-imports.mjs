// Rewrites relative imports that point at files moved by the layout change (tag `layout-v1`).
// Usage: node scripts/fix-imports.mjs [file-or-dir …]   (default: apps/server e2e bench scripts)
// The map is read from the tag message: lines `old/path.ts -> new/path.ts`, paths from the repo root.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const root = execFileSync('git', ['rev-parse', '--show-toplevel'], { encoding: 'utf8' }).trim();
const message = execFileSync('git', ['tag', '-l', '--format=%(contents)', 'layout-v1'], { encoding: 'utf8' });
const moves = new Map();
for (const line of message.split('\n')) {
  const m = line.match(/^(\S+\.tsx?) -> (\S+\.tsx?)$/);
  if (m) moves.set(resolve(root, m[1]), resolve(root, m[2]));
}
if (moves.size === 0) throw new Error('no path map in tag layout-v1');

function walk(p, out = []) {
  if (statSync(p).isFile()) {
    if (/\.(ts|tsx|mjs)$/.test(p)) out.push(p);
    return out;
  }
  for (const e of readdirSync(p)) {
    if (e === 'node_modules' || e === 'dist' || e.startsWith('.')) continue;
    walk(join(p, e), out);
  }
  return out;
}
const args = process.argv.slice(2);
const files = (args.length ? args : ['apps/server', 'e2e', 'bench', 'scripts'])
  .map((a) => resolve(a))
  .filter(existsSync)
  .flatMap((p) => walk(p));
const re = /((?:from|import)\s*\(?\s*|vi\.mock\(\s*)(['"])(\.\.?\/[^'"]+)\2/g;
let changed = 0;
for (const f of files) {
  const src = readFileSync(f, 'utf8');
  const out = src.replace(re, (all, pre, q, spec) => {
    const target = moves.get(resolve(dirname(f), spec));
    if (!target || existsSync(resolve(dirname(f), spec))) return all;
    let rel = relative(dirname(f), target);
    if (!rel.startsWith('.')) rel = `./${rel}`;
    return `${pre}${q}${rel}${q}`;
  });
  if (out !== src) {
    writeFileSync(f, out);
    changed++;
    console.log(relative(root, f));
  }
}
console.log(`fix-imports: ${changed} file(s) rewritten`);
