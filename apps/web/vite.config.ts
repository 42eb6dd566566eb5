import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const server = 'http://127.0.0.1:3000';

/**
 * Parts of Ant Design components this app does not draw on first load, loaded when first rendered:
 * Card's `tabList` (Tabs, with its overflow menu and drop-down) and Typography's `editable` (TextArea).
 * Everything still works; the code comes on demand instead of with every page that shows a Card.
 */
const LAZY_PARTS = [
  { importer: /antd[\\/]es[\\/]card[\\/]Card\.js$/, source: '../tabs', real: 'antd/es/tabs/index.js' },
  {
    importer: /antd[\\/]es[\\/]typography[\\/]Base[\\/]index\.js$/,
    source: '../Editable',
    real: 'antd/es/typography/Editable.js',
  },
];

function lazyAntdParts(): Plugin {
  const PREFIX = '\0lazy-part:';
  return {
    name: 'lazy-antd-parts',
    enforce: 'pre',
    apply: 'build',
    resolveId(source, importer) {
      const part = LAZY_PARTS.find((p) => p.source === source && importer && p.importer.test(importer));
      return part ? PREFIX + part.real : undefined;
    },
    load(id) {
      if (!id.startsWith(PREFIX)) return undefined;
      const real = id.slice(PREFIX.length);
      return [
        "import { createElement, forwardRef, lazy, Suspense } from 'react';",
        `const Real = lazy(() => import('${real}'));`,
        'export default forwardRef((props, ref) => createElement(Suspense, null, createElement(Real, { ...props, ref })));',
      ].join('\n');
    },
  };
}

/**
 * Writes `.br` and `.gz` beside every text file of the build; the server sends them as they are
 * (@fastify/static `preCompressed`), so static files cost no compression work per request.
 */
function precompress(): Plugin {
  let outDir = 'dist';
  return {
    name: 'precompress',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    writeBundle(_options, bundle) {
      const files = Object.keys(bundle).filter((f) => /\.(js|css|html|svg)$/.test(f));
      for (const f of files) {
        const path = join(outDir, f);
        const body = readFileSync(path);
        if (body.length < 1024) continue;
        writeFileSync(
          `${path}.br`,
          brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
        );
        writeFileSync(`${path}.gz`, gzipSync(body, { level: 9 }));
      }
    },
  };
}

export default defineConfig({
  base: '/',
  plugins: [react(), lazyAntdParts(), precompress()],

  server: {
    port: 5173,
    proxy: {
      '/api': server,
      '/v2': server,
      '/docs': server,
      '/health': server,
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // dist/.vite/manifest.json: which chunks each page needs; the bundle-size test reads it.
    manifest: true,
    chunkSizeWarningLimit: 1200,
    modulePreload: {
      // A page's widget chunk (`*-widgets.tsx`, loaded with lazyComponent after the page has drawn)
      // is fetched on its own: its dependencies are the page's own (already loaded) or its chunk's
      // static imports, and listing them all in the page would add a kilobyte to its first load.
      resolveDependencies: (filename, deps) =>
        /-widgets-[\w-]+\.js$/.test(filename) ? deps.filter((d) => d === filename) : deps,
    },
    rolldownOptions: {
      // Ant Design's helper packages declare no "sideEffects" and have none at import time; saying
      // so lets unused parts drop (e.g. the whole form engine came with every Input's form context).
      treeshake: {
        moduleSideEffects: (id: string) => !/node_modules[\\/]@(rc-component|ant-design)[\\/]/.test(id),
      },
      output: {
        // Vendors change rarely; keeping them apart lets browsers cache them across releases.
        codeSplitting: {
          groups: [{ name: 'react', test: /node_modules[\\/](react|react-dom|react-router|scheduler)[\\/]/ }],
        },
      },
    },
  },
});
