// The page list (e2e/support/pages.ts) covers every route of the web app: a new route must get an entry
// there (screenshots and axe then cover it) or a commented reason in SKIPPED. Needs no server.
import { describe, expect, it } from 'vitest';
import { FEATURES } from '../apps/web/src/features/index.ts';
import { appRoutes, PAGES, SKIPPED } from './support/pages.ts';

describe('the page list of the screenshot and accessibility tests', () => {
  const routes = appRoutes(FEATURES);

  it('has every route of the web app, or says why it skips it', () => {
    const listed = new Set([...PAGES.map((p) => p.route), ...Object.keys(SKIPPED)]);
    expect(routes.filter((r) => !listed.has(r))).toEqual([]);
  });

  it('names only routes that exist, each once', () => {
    const known = new Set(routes);
    expect([...PAGES.map((p) => p.route), ...Object.keys(SKIPPED)].filter((r) => !known.has(r))).toEqual([]);
    expect(PAGES.map((p) => p.route).filter((r) => r in SKIPPED)).toEqual([]);
    const names = PAGES.map((p) => p.name);
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
  });
});
