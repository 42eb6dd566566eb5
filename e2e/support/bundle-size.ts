// First-load JavaScript of a page, from the Vite manifest of a build: the entry (index.html) and the
// chunks a page needs before it can draw (its layout and page modules, the texts of one language),
// each with everything it imports statically. Sizes are gzip (level 6, what the server sends).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}
type Manifest = Record<string, ManifestChunk>;

export interface FirstLoad {
  files: string[];
  rawBytes: number;
  gzipBytes: number;
}

export function readManifest(dist: string): Manifest {
  return JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8')) as Manifest;
}

/**
 * The JS a browser downloads to draw a page: the entry plus `modules` (manifest keys: source paths
 * such as `src/features/identity/sign-in-page.tsx`, or a RegExp matching several), with their static imports.
 */
export function firstLoad(dist: string, modules: (string | RegExp)[]): FirstLoad {
  const manifest = readManifest(dist);
  const keys = Object.keys(manifest);
  const start = keys.filter((k) => manifest[k]?.isEntry);
  for (const m of modules) {
    const hits = typeof m === 'string' ? keys.filter((k) => k === m) : keys.filter((k) => m.test(k));
    if (hits.length === 0) throw new Error(`no chunk for ${m} in the manifest`);
    start.push(...hits);
  }
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const i of manifest[key]?.imports ?? []) visit(i);
  };
  for (const k of start) visit(k);
  const files = [...new Set([...seen].map((k) => manifest[k]!.file))].filter((f) => f.endsWith('.js')).sort();
  let rawBytes = 0;
  let gzipBytes = 0;
  for (const f of files) {
    const body = readFileSync(join(dist, f));
    rawBytes += body.length;
    gzipBytes += gzipSync(body, { level: 6 }).length;
  }
  return { files, rawBytes, gzipBytes };
}
