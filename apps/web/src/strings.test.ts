import { describe, expect, it } from 'vitest';
import { FEATURES } from './features/index.ts';
import { loadAllTexts } from './strings.ts';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
// Texts that are the same in both languages on purpose.
const SAME_IN_BOTH = new Set(['lang.zh-CN', 'lang.en-US', 'common.none']);

describe('UI texts', async () => {
  const en = flatten((await loadAllTexts('en-US')) as Tree);
  const zh = flatten((await loadAllTexts('zh-CN')) as Tree);

  it('label every menu entry and partner tab in both languages (or by an existing text key)', () => {
    const labels = FEATURES.flatMap((f) => [
      ...(f.portalMenu ?? []),
      ...(f.consoleMenu ?? []),
      ...(f.customerMenu ?? []),
      ...(f.partnerTabs ?? []),
    ]);
    for (const e of labels) {
      if (e.labelKey !== undefined) {
        expect(en.has(e.labelKey), e.labelKey).toBe(true);
        continue;
      }
      const l = e.label;
      expect(l['zh-CN'].trim()).not.toBe('');
      expect(l['en-US'].trim()).not.toBe('');
      expect(l['zh-CN']).not.toBe(l['en-US']);
    }
  });

  it('name only features that exist in `uses`', () => {
    const names = new Set<string>(FEATURES.map((f) => f.name));
    for (const f of FEATURES)
      for (const u of f.uses ?? []) expect(names.has(u), `${f.name} uses ${u}`).toBe(true);
  });

  it('exist in both languages with the same keys', () => {
    expect([...zh.keys()].sort()).toEqual([...en.keys()].sort());
  });

  it('are never empty', () => {
    for (const [key, text] of [...en, ...zh]) expect(text.trim(), key).not.toBe('');
  });

  it('use the same placeholders in both languages', () => {
    for (const [key, text] of en) expect(placeholders(zh.get(key) ?? ''), key).toEqual(placeholders(text));
  });

  it('are translated, not copied', () => {
    for (const [key, text] of en) {
      if (SAME_IN_BOTH.has(key)) continue;
      expect(zh.get(key), key).not.toBe(text);
    }
  });
});
