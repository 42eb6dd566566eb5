import { describe, expect, it } from 'vitest';
import { billCycleOf, validateSpend } from './spend.validate.ts';

describe('spend record rules', () => {
  it('books by the Asia/Shanghai month, also before 1992 when China had daylight saving', () => {
    expect(billCycleOf(new Date('2026-02-28T15:59:59Z'))).toBe('2026-02');
    expect(billCycleOf(new Date('2026-02-28T16:00:00Z'))).toBe('2026-03');
    expect(billCycleOf(new Date('1990-06-30T15:30:00Z'))).toBe('1990-07'); // UTC+9 in summer 1990
  });

  it('accepts zero and refuses negative, fractional and oversized amounts', () => {
    const base = {
      record_id: 'a',
      customer_id: 'c',
      spent_at: '2026-03-01T00:00:00+08:00',
      service_type: 'ecs',
      payment_kind: 'cash',
    };
    expect(validateSpend({ ...base, amount_fen: 0 }).ok).toBe(true);
    expect(validateSpend({ ...base, amount_fen: '42' }).ok).toBe(true);
    for (const amount_fen of [-1, 1.5, 1e13, '1.5', null])
      expect(validateSpend({ ...base, amount_fen }).ok).toBe(false);
    expect(validateSpend({ ...base, amount_fen: 1, record_id: 'x'.repeat(65) }).ok).toBe(false);
    expect(validateSpend({ ...base, amount_fen: 1, spent_at: '2026-03-01 00:00' }).ok).toBe(false);
  });

  it('takes optional resource detail for the bills, empty meaning none, and refuses it too long', () => {
    const base = {
      record_id: 'a',
      customer_id: 'c',
      spent_at: '2026-03-01T00:00:00+08:00',
      service_type: 'ecs',
      payment_kind: 'cash',
      amount_fen: 1,
    };
    const v = validateSpend({ ...base, resource_id: 'vm-1', region_code: 'cn-north-4', resource_type: '' });
    expect(v.ok && v.value.resource).toEqual({
      resourceId: 'vm-1',
      resourceType: null,
      resourceName: null,
      regionCode: 'cn-north-4',
      enterpriseProjectId: null,
      detail: null,
    });
    const bad = validateSpend({ ...base, resource_name: 'x'.repeat(129) });
    expect(bad).toEqual({ ok: false, reason: 'resource_name: must be 1-128 characters' });
    const detailed = validateSpend({
      ...base,
      usage_type: 'duration',
      usage_amount: '3600',
      usage_measure_id: 4,
      sub_resource_id: 'disk-1',
      payment_type: 'NO_UPFRONT',
    });
    expect(detailed.ok && detailed.value.resource.detail).toEqual({
      usage_type: 'duration',
      usage_amount: 3600,
      usage_measure_id: 4,
      sub_resource_id: 'disk-1',
      payment_type: 'NO_UPFRONT',
    });
    expect(validateSpend({ ...base, usage_amount: -1 })).toEqual({
      ok: false,
      reason: 'usage_amount: must be a number ≥ 0',
    });
    expect(validateSpend({ ...base, payment_type: 'LATER' })).toMatchObject({ ok: false });
  });
});
