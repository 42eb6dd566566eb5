import { describe, expect, it } from 'vitest';
import {
  apiTime,
  associationTypeOf,
  generateDomainName,
  isValidDomainName,
  maskEmail,
  maskPhone,
  nextChangeAllowedAt,
} from './customers.rules.ts';

describe('customers rules', () => {
  it('accepts account names of the contract and refuses the rest', () => {
    for (const ok of ['abcde', '_abcde', '-a1_b2', 'A'.repeat(32), 'Op-team', 'shadowx']) {
      expect(isValidDomainName(ok), ok).toBe(true);
    }
    for (const bad of [
      'abcd',
      'A'.repeat(33),
      '1abcde',
      'op_team',
      'OP_team',
      'shadow_1',
      'a b cd',
      'abc.de',
      '中文账号名字',
    ]) {
      expect(isValidDomainName(bad), bad).toBe(false);
    }
    for (let i = 0; i < 20; i++) expect(isValidDomainName(generateDomainName())).toBe(true);
  });

  it('allows the next unbind or type switch 3 calendar months later (Asia/Shanghai)', () => {
    const last = new Date('2026-01-31T16:30:00Z'); // 1 Feb 00:30 in Shanghai
    expect(nextChangeAllowedAt(null, last)).toBeNull();
    const next = nextChangeAllowedAt(last, new Date('2026-03-01T00:00:00Z'));
    expect(next?.toISOString()).toBe('2026-04-30T16:30:00.000Z'); // 1 May 00:30 in Shanghai
    expect(nextChangeAllowedAt(last, new Date('2026-04-30T16:29:59Z'))).not.toBeNull();
    expect(nextChangeAllowedAt(last, new Date('2026-04-30T16:30:00Z'))).toBeNull();
  });

  it('masks contacts and writes API times', () => {
    expect(maskEmail('wang@example.com')).toBe('wa***@example.com');
    expect(maskEmail(null)).toBeNull();
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(apiTime(new Date('2026-05-01T02:03:04.567Z'))).toBe('2026-05-01T02:03:04Z');
    expect(associationTypeOf('1')).toBe('referral');
    expect(associationTypeOf(2)).toBe('resale');
    // The international site numbers resale 3.
    expect(associationTypeOf('3')).toBe('resale');
    expect(associationTypeOf('4')).toBeUndefined();
  });
});
