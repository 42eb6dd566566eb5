import { describe, expect, it } from 'vitest';
import { consoleNext, safeNext } from './next-path.ts';

describe('safeNext', () => {
  it('keeps paths on this site', () => {
    expect(safeNext('/partner-info/basic?x=1', '/dashboard')).toBe('/partner-info/basic?x=1');
  });

  it('refuses other sites, protocol-relative and backslash tricks', () => {
    for (const bad of [
      'https://evil.example',
      '//evil.example',
      '/\\evil.example',
      'javascript:alert(1)',
      '',
      null,
    ]) {
      expect(safeNext(bad, '/dashboard')).toBe('/dashboard');
    }
  });
});

describe('consoleNext', () => {
  it('only goes on to console pages', () => {
    expect(consoleNext('/console/audit?partnerId=prt_1')).toBe('/console/audit?partnerId=prt_1');
    expect(consoleNext('/console')).toBe('/console');
    expect(consoleNext('/consoleevil')).toBe('/console');
    expect(consoleNext('/dashboard')).toBe('/console');
    expect(consoleNext('//evil.example/console')).toBe('/console');
  });
});
