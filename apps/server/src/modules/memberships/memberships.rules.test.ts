import { describe, expect, it } from 'vitest';
import {
  applicationKindOf,
  bestRecentFen,
  businessYear,
  invitationExpiry,
  qualifyingPerformance,
} from './memberships.rules.ts';

const T = 80_000_000;

describe('membership rules', () => {
  it('reckons the year in Asia/Shanghai', () => {
    expect(businessYear(new Date('2026-12-31T15:59:59Z'))).toBe(2026);
    expect(businessYear(new Date('2026-12-31T16:00:00Z'))).toBe(2027);
  });

  it('applies the threshold inclusively to last year or this year so far', () => {
    const now = new Date('2027-03-01T00:00:00Z');
    expect(qualifyingPerformance([{ year: 2026, amountFen: T }], now, T)).toEqual({
      year: 2026,
      amountFen: T,
    });
    expect(qualifyingPerformance([{ year: 2026, amountFen: T - 1 }], now, T)).toBeUndefined();
    expect(qualifyingPerformance([{ year: 2027, amountFen: T + 5 }], now, T)?.year).toBe(2027);
    // Two years ago no longer counts.
    expect(qualifyingPerformance([{ year: 2025, amountFen: T * 2 }], now, T)).toBeUndefined();
    expect(
      bestRecentFen(
        [
          { year: 2025, amountFen: T * 2 },
          { year: 2026, amountFen: 5 },
        ],
        now,
      ),
    ).toBe(5);
    expect(bestRecentFen([], now)).toBe(0);
  });

  it('routes each program to its way in', () => {
    expect(applicationKindOf('cloud_reseller')).toBe('invitation');
    expect(applicationKindOf('authorized_sales_support_center')).toBe('assc');
    expect(applicationKindOf('distributor')).toBe('upgrade');
    expect(applicationKindOf('service_partner')).toBe('join');
    expect(applicationKindOf('solution_provider')).toBe('join');
  });

  it('lets invitations run for 14 days', () => {
    expect(invitationExpiry(new Date('2026-01-01T00:00:00Z')).toISOString()).toBe('2026-01-15T00:00:00.000Z');
  });
});
