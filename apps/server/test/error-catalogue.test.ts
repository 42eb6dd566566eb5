import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MODULES } from '../src/modules/index.ts';
import { AppError, createErrorCatalogue } from '../src/platform/errors/errors.ts';
import { CbcErrors, toCbcError } from '../src/platform/partner-api/cbc.errors.ts';

const catalogue = createErrorCatalogue([CbcErrors, ...MODULES.map((m) => m.errors)]);
const SRC = join(import.meta.dirname, '../src');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sources(join(dir, e.name))
      : e.name.endsWith('.ts') && !e.name.endsWith('.test.ts')
        ? [join(dir, e.name)]
        : [],
  );
}

/** Error codes written as literals in the server's code: `new AppError('…'` and `return '…'` style codes. */
function literalCodes(): Set<string> {
  const codes = new Set<string>();
  for (const file of sources(SRC)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/new AppError\(\s*'([^']+)'/g)) if (m[1]) codes.add(m[1]);
  }
  return codes;
}

describe('error catalogue', () => {
  it('knows every code the code throws (a module that forgets `errors` in its manifest fails here)', () => {
    const missing = [...literalCodes()].filter((c) => !catalogue.has(c));
    expect(missing).toEqual([]);
  });

  it('has both languages for every code, a valid status, and CBC codes that exist', () => {
    for (const [code, def] of catalogue.entries()) {
      expect(def.message['zh-CN'], code).toMatch(/\S/);
      expect(def.message['en-US'], code).toMatch(/\S/);
      expect(def.status, code).toBeGreaterThanOrEqual(400);
      if (def.cbc) expect(catalogue.has(def.cbc), `${code} → ${def.cbc}`).toBe(true);
    }
  });

  it('keeps English validator text out of Chinese messages', () => {
    const leaking = catalogue
      .entries()
      .filter(([code, def]) => code !== 'APIGW.0301' && def.message['zh-CN'].includes('{reason}'))
      .map(([code]) => code);
    expect(leaking).toEqual([]);
  });

  it('words CBC.0100 one way per language, whichever error it comes from', () => {
    const validation = new AppError('common.validation', { field: 'customer_id', reason: 'Invalid input' });
    const direct = new AppError('CBC.0100', { field: 'customer_id', reason: 'Invalid input' });
    for (const locale of ['zh-CN', 'en-US'] as const) {
      const a = toCbcError(catalogue, validation, locale);
      const b = toCbcError(catalogue, direct, locale);
      expect(a.error_code).toBe('CBC.0100');
      expect(a.error_msg).toBe(b.error_msg);
    }
    expect(toCbcError(catalogue, validation, 'zh-CN').error_msg).toBe('参数错误：customer_id');
    expect(toCbcError(catalogue, validation, 'en-US').error_msg).toBe(
      'Parameter error: customer_id Invalid input',
    );
    expect(toCbcError(catalogue, new AppError('customers.domain_name_taken'), 'zh-CN').error_code).toBe(
      'CBC.99001001',
    );
    expect(toCbcError(catalogue, new AppError('tickets.closed'), 'en-US').error_code).toBe('CBC.0999');
  });
});
