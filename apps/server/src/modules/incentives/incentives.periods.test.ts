import { describe, expect, it } from 'vitest';
import {
  billCyclesOf,
  isPeriodStart,
  nextPeriod,
  periodByKey,
  periodOf,
  previousPeriod,
  quarterOfPeriod,
} from './incentives.periods.ts';

describe('reconciliation periods and quarters (Asia/Shanghai)', () => {
  it('quarters turn at 00:00 Asia/Shanghai, 16:00 UTC the day before', () => {
    expect(periodOf('quarterly', new Date('2026-03-31T15:59:59.999Z')).key).toBe('2026-Q1');
    expect(periodOf('quarterly', new Date('2026-03-31T16:00:00.000Z')).key).toBe('2026-Q2');
    expect(periodOf('quarterly', new Date('2026-12-31T16:00:00Z')).key).toBe('2027-Q1');
    const q2 = periodOf('quarterly', new Date('2026-05-10T00:00:00Z'));
    expect([q2.start.toISOString(), q2.end.toISOString()]).toEqual([
      '2026-03-31T16:00:00.000Z',
      '2026-06-30T16:00:00.000Z',
    ]);
  });

  it('months, keys, neighbours and bill cycles', () => {
    expect(periodOf('monthly', new Date('2026-01-31T16:00:00Z')).key).toBe('2026-02');
    expect(periodByKey('2026-12')?.end.toISOString()).toBe('2026-12-31T16:00:00.000Z');
    expect(periodByKey('2026-Q4')?.start.toISOString()).toBe('2026-09-30T16:00:00.000Z');
    expect(periodByKey('2026-13')).toBeUndefined();
    expect(periodByKey('2026-Q5')).toBeUndefined();
    const dec = periodByKey('2026-12');
    if (!dec) throw new Error('no period');
    expect(nextPeriod(dec).key).toBe('2027-01');
    expect(previousPeriod(dec).key).toBe('2026-11');
    expect(quarterOfPeriod(dec)).toBe('2026-Q4');
    const q1 = periodByKey('2026-Q1');
    if (!q1) throw new Error('no period');
    expect(billCyclesOf(q1)).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(isPeriodStart('monthly', new Date('2026-04-30T16:00:00Z'))).toBe(true);
    expect(isPeriodStart('quarterly', new Date('2026-04-30T16:00:00Z'))).toBe(false);
  });
});
