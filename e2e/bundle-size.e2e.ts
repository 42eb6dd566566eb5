// The first-load JavaScript (gzip) of the sign-in page and of the dashboard stays under 300 kB
// (issue #14). Reads the Vite manifest of the build in apps/web/dist (npm test builds it first).
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FEATURES } from '../apps/web/src/features/index.ts';
import { firstLoad } from './support/bundle-size.ts';
import { root } from './support/server.ts';

const DIST = `${root}/apps/web/dist`;
const LIMIT = 300_000;
const LANGUAGES = ['zh-CN', 'en-US'] as const;

// What each page needs before it can draw: the entry, its frame and page chunks, the platform's texts
// and those of its feature and of the features it shows (`uses`), as the router loads them.
const featureTexts = (name: string, lang: string) => {
  const f = FEATURES.find((x) => x.name === name)!;
  const names = [...(f.strings ? [f.name] : []), ...(f.uses ?? [])];
  return [`src/platform/i18n/${lang}.ts`, ...names.map((n) => `src/features/${n}/${n}.${lang}.ts`)];
};
const withTexts = FEATURES.filter((f) => f.strings).map((f) => f.name);
// The portal frame also loads the texts of features whose menu entries use a text key (labelKey).
const portalFrameTexts = (lang: string) =>
  FEATURES.filter((f) => f.strings && (f.portalMenu ?? []).some((e) => e.labelKey !== undefined)).map(
    (f) => `src/features/${f.name}/${f.name}.${lang}.ts`,
  );
const PAGES = {
  'sign-in': (lang: string) => ['src/features/identity/sign-in-page.tsx', ...featureTexts('identity', lang)],
  dashboard: (lang: string) => [
    'src/platform/layouts/portal-layout.tsx',
    'src/features/dashboard/dashboard-page.tsx',
    ...featureTexts('dashboard', lang),
    ...portalFrameTexts(lang),
  ],
};

describe.skipIf(!existsSync(`${DIST}/.vite/manifest.json`))('first-load JavaScript', () => {
  it('knows every feature with texts', () => expect(withTexts.length).toBeGreaterThan(5));

  for (const [page, modules] of Object.entries(PAGES)) {
    for (const lang of LANGUAGES) {
      it(`of the ${page} page (${lang}) is under 300 kB gzip`, () => {
        const load = firstLoad(DIST, modules(lang));
        console.log(
          `${page} (${lang}): ${(load.gzipBytes / 1000).toFixed(1)} kB gzip, ${(load.rawBytes / 1000).toFixed(1)} kB raw, ${load.files.length} files`,
        );
        expect(load.gzipBytes).toBeLessThan(LIMIT);
      });
    }
  }
});
