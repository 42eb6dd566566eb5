import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatYuan, formatYuanCentiFen } from './platform/lib/format.ts';

/**
 * Money is shown only through the shared formatter (`platform/lib/format.ts`: `¥1,234.56`). This
 * reads every page and component of the features and fails on the ways fen used to reach the
 * screen without it: a hand-made `¥` prefix, `toFixed`, fen divided by 100 outside a chart's
 * numeric axis, a `…Fen` value in JSX text, a `…Fen` column without a render, and the bare
 * `yuanAmount` (no `¥`) outside editable form values.
 */
const root = join(import.meta.dirname, 'features');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return /\.tsx$/.test(e.name) && !/\.test\./.test(e.name) ? [p] : [];
  });
}

const RULES: { name: string; pattern: RegExp; allow?: (file: string, line: string) => boolean }[] = [
  { name: 'a hand-made ¥ prefix', pattern: /¥\s*\$?\{/ },
  { name: 'toFixed on an amount', pattern: /\.toFixed\(/ },
  {
    name: 'fen divided by 100',
    pattern: /Fen\)?\s*\/\s*100\b/,
    // Charts plot yuan as numbers (their labels go through the formatter); forms edit yuan.
    allow: (file, line) => /chart\.tsx$/.test(file) || /\b(min|max)?Yuan\b|minYuan/.test(line),
  },
  { name: 'a …Fen value rendered as text', pattern: /[>}]\s*\{[\w.?]+Fen\}/ },
  {
    name: 'yuanAmount outside an editable value',
    pattern: /\byuanAmount\(/,
    allow: (_f, line) => /\.replace(All)?\(/.test(line) || /^\s*(import|export)\b/.test(line),
  },
];

describe('money in the web app', () => {
  it('goes through the shared formatter on every page', () => {
    const found: string[] = [];
    for (const file of sources(root)) {
      const lines = readFileSync(file, 'utf8').split('\n');
      lines.forEach((line, i) => {
        if (/^\s*(\/\/|\*|\/\*)/.test(line)) return;
        for (const r of RULES)
          if (r.pattern.test(line) && !r.allow?.(file, line))
            found.push(`${relative(root, file)}:${i + 1} ${r.name}: ${line.trim()}`);
        const column = /dataIndex:\s*'(\w+Fen)'/.exec(line);
        if (column && !lines.slice(i, i + 6).some((l) => /render\b/.test(l)))
          found.push(`${relative(root, file)}:${i + 1} a ${column[1]} column without a render`);
      });
    }
    expect(found).toEqual([]);
  });

  it('formats fen and hundredths of a fen exactly, with separators and the sign', () => {
    expect(formatYuan(123_456_789)).toBe('¥1,234,567.89');
    expect(formatYuan(-5)).toBe('-¥0.05');
    expect(formatYuanCentiFen(12_345)).toBe('¥1.2345');
    expect(formatYuanCentiFen(1_234_567_890)).toBe('¥123,456.7890');
  });
});
