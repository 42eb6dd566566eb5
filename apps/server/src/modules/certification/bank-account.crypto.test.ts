import { describe, expect, it } from 'vitest';
import { decryptBankAccount, encryptBankAccount, maskBankAccount } from './bank-account.crypto.ts';

const secret = 'test-secret-test-secret-test-secret-0123456789';

describe('bank account encryption', () => {
  it('round-trips and never repeats a ciphertext', () => {
    const a = encryptBankAccount(secret, 'cer_1', '6222020200112233445');
    const b = encryptBankAccount(secret, 'cer_1', '6222020200112233445');
    expect(a).not.toBe(b);
    expect(a).not.toContain('6222020200112233445');
    expect(a.startsWith('v1.')).toBe(true);
    expect(decryptBankAccount(secret, 'cer_1', a)).toBe('6222020200112233445');
  });

  it('refuses a value moved to another row, another key or tampered with', () => {
    const sealed = encryptBankAccount(secret, 'cer_1', '6222020200112233445');
    expect(() => decryptBankAccount(secret, 'cer_2', sealed)).toThrow();
    expect(() => decryptBankAccount(`${secret}x`, 'cer_1', sealed)).toThrow();
    const [v, iv, tag, body] = sealed.split('.');
    const flipped = `${body?.[0] === 'A' ? 'B' : 'A'}${body?.slice(1)}`;
    expect(() => decryptBankAccount(secret, 'cer_1', [v, iv, tag, flipped].join('.'))).toThrow();
    expect(() => decryptBankAccount(secret, 'cer_1', 'v0.x.y.z')).toThrow();
  });

  it('masks all but the last four digits', () => {
    expect(maskBankAccount('3445')).toBe('**** **** **** 3445');
    expect(maskBankAccount(null)).toBeNull();
  });
});
