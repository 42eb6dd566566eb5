import { describe, expect, it } from 'vitest';
import { renderTemplate, TemplateError } from './render.ts';
import { defineTemplates } from './template.ts';

const registry = defineTemplates({
  'test.amount': {
    'zh-CN': { subject: '金额 {x:money} 元', body: '{x}', sms: '¥{x}' },
    'en-US': { subject: 'Amount {x:yuan}', body: '{x}' },
  },
});

describe('renderTemplate', () => {
  it('groups an amount in yuan by thousands, exactly, with or without the currency sign', () => {
    const zh = (x: string) => renderTemplate(registry, 'test.amount', 'zh-CN', { x }).subject;
    const en = (x: string) => renderTemplate(registry, 'test.amount', 'en-US', { x }).subject;
    expect(zh('1139.43')).toBe('金额 1,139.43 元');
    expect(zh('1234567.5')).toBe('金额 1,234,567.50 元');
    expect(zh('999.99')).toBe('金额 999.99 元');
    expect(zh('90071992547409.91')).toBe('金额 90,071,992,547,409.91 元');
    expect(en('0.07')).toBe('Amount ¥0.07');
    expect(en('-12500.00')).toBe('Amount -¥12,500.00');
    expect(en('100')).toBe('Amount ¥100.00');
    // A plain placeholder is left as given.
    expect(renderTemplate(registry, 'test.amount', 'zh-CN', { x: '1139.43' }).body).toBe('1139.43');
  });

  it('refuses what is not an amount, as it refuses a missing value', () => {
    expect(() => renderTemplate(registry, 'test.amount', 'en-US', { x: '12.345' })).toThrow(TemplateError);
    expect(() => renderTemplate(registry, 'test.amount', 'en-US', { x: 'abc' })).toThrow(TemplateError);
    expect(() => renderTemplate(registry, 'test.amount', 'en-US', {})).toThrow(TemplateError);
  });
});
