// The server as one prebuilt ES module for `npm start` (issue 14: start time). Loading the TypeScript
// sources through tsx resolves and transpiles ~900 modules one by one through the loader's hooks on
// every start, which was the largest share of a warm start. Here esbuild bundles our own code
// (apps/server/src and the @pc/* workspace packages) into apps/server/dist/main.mjs once, and again
// only when a source is newer than the bundle; npm packages stay external and load from node_modules
// as usual. `import.meta.url` / `import.meta.dirname` keep the values of the file they are written in,
// so paths next to a source (migrations, the web build, fonts) resolve as they do under tsx.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = resolve(import.meta.dirname, '..');
export const bundleFile = join(root, 'apps/server/dist/main.mjs');
const sources = ['apps/server/src', 'packages/db/src'].map((d) => join(root, d));
const extra = ['apps/server/package.json', 'packages/db/package.json', 'scripts/server-bundle.mjs'].map((f) =>
  join(root, f),
);

function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/** True when the bundle exists and no source is newer. */
export function bundleFresh() {
  if (!existsSync(bundleFile)) return false;
  const built = statSync(bundleFile).mtimeMs;
  return Math.max(...sources.map(newest), ...extra.map((f) => statSync(f).mtimeMs)) < built;
}

/** Builds the bundle; returns its path. Throws when esbuild is missing or the build fails. */
export async function buildBundle() {
  const esbuild = await import('esbuild');
  try {
    await build(esbuild);
  } finally {
    // esbuild's service is a child process; left running it would outlive the build by the server's whole life.
    await esbuild.stop();
  }
  return bundleFile;
}

function build(esbuild) {
  return esbuild.build({
    entryPoints: [join(root, 'apps/server/src/main.ts')],
    outfile: bundleFile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: 'linked',
    logLevel: 'warning',
    plugins: [
      {
        name: 'pc-externals',
        setup(build) {
          // npm packages load from node_modules; only the workspace's TypeScript packages are bundled.
          build.onResolve({ filter: /^[^./]/ }, (args) =>
            args.path.startsWith('@pc/') || args.path.startsWith('node:') ? undefined : { external: true },
          );
          build.onResolve({ filter: /^node:/ }, (args) => ({ path: args.path, external: true }));
          build.onLoad({ filter: /\.ts$/ }, (args) => {
            const text = readFileSync(args.path, 'utf8')
              .replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href))
              .replaceAll('import.meta.dirname', JSON.stringify(dirname(args.path)));
            return { contents: text, loader: 'ts' };
          });
        },
      },
    ],
  });
}
