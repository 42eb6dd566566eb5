import { describe, expect, it } from 'vitest';
import { openSecret, sealSecret } from './seal.ts';

const SECRET = 'test-secret-test-secret-test-secret-0123456789';

describe('sealSecret', () => {
  it('round-trips and never shows the plain text', () => {
    const sealed = sealSecret(SECRET, 'api-key', 'key_1', 'sk-value');
    expect(sealed).not.toContain('sk-value');
    expect(openSecret(SECRET, 'api-key', 'key_1', sealed)).toBe('sk-value');
  });

  it('refuses another row, another purpose or another server secret', () => {
    const sealed = sealSecret(SECRET, 'api-key', 'key_1', 'sk-value');
    expect(() => openSecret(SECRET, 'api-key', 'key_2', sealed)).toThrow();
    expect(() => openSecret(SECRET, 'webhook', 'key_1', sealed)).toThrow();
    expect(() => openSecret(`${SECRET}x`, 'api-key', 'key_1', sealed)).toThrow();
  });
});
