import { describe, expect, it } from 'vitest';
import {
  addDays,
  businessDate,
  businessMonth,
  checkQualificationDates,
  effectiveStatus,
  expiryState,
  invitationExpiry,
  normalizeRoles,
} from './organization.rules.ts';

describe('organization rules', () => {
  it('an invitation lasts 7 days and is expired from that instant on', () => {
    const now = new Date('2026-03-02T02:00:00Z');
    const expiresAt = invitationExpiry(now);
    expect(expiresAt.toISOString()).toBe('2026-03-09T02:00:00.000Z');
    expect(effectiveStatus({ status: 'pending', expiresAt }, new Date('2026-03-09T01:59:59Z'))).toBe(
      'pending',
    );
    expect(effectiveStatus({ status: 'pending', expiresAt }, new Date('2026-03-09T02:00:00Z'))).toBe(
      'expired',
    );
    expect(effectiveStatus({ status: 'accepted', expiresAt }, new Date('2027-01-01T00:00:00Z'))).toBe(
      'accepted',
    );
    expect(effectiveStatus({ status: 'revoked', expiresAt }, now)).toBe('revoked');
  });

  it('dates are Shanghai calendar dates', () => {
    // 16:00 UTC on 31 Jan is 00:00 on 1 Feb in Shanghai.
    expect(businessDate(new Date('2026-01-31T15:59:59Z'))).toBe('2026-01-31');
    expect(businessDate(new Date('2026-01-31T16:00:00Z'))).toBe('2026-02-01');
    expect(businessMonth(new Date('2026-01-31T16:00:00Z'))).toBe('2026-02');
    expect(addDays('2026-02-27', 2)).toBe('2026-03-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 31)).toBe('2027-01-31');
  });

  it('a certificate is expiring from 30 days before its expiry date, expired the day after', () => {
    expect(expiryState('2026-05-01', '2026-03-31')).toBe('valid');
    expect(expiryState('2026-05-01', '2026-04-01')).toBe('expiring');
    expect(expiryState('2026-05-01', '2026-05-01')).toBe('expiring');
    expect(expiryState('2026-05-01', '2026-05-02')).toBe('expired');
  });

  it('roles: exactly one of admin and member, project specialist on top', () => {
    expect(normalizeRoles(['project_specialist', 'member'])).toEqual(['member', 'project_specialist']);
    expect(normalizeRoles(['admin'])).toEqual(['admin']);
    expect(normalizeRoles(['admin', 'admin', 'project_specialist'])).toEqual(['admin', 'project_specialist']);
    for (const bad of [[], ['admin', 'member'], ['project_specialist'], ['owner']]) {
      expect(() => normalizeRoles(bad), JSON.stringify(bad)).toThrow('organization.roles_invalid');
    }
  });

  it('certificates need an expiry date; an end cannot precede the start', () => {
    expect(() => checkQualificationDates({ kind: 'certificate' })).toThrow('organization.expiry_required');
    expect(() => checkQualificationDates({ kind: 'training' })).not.toThrow();
    expect(() =>
      checkQualificationDates({ kind: 'project', startsOn: '2026-02-01', endsOn: '2026-01-31' }),
    ).toThrow('organization.dates_out_of_order');
    expect(() =>
      checkQualificationDates({ kind: 'certificate', startsOn: '2026-02-01', endsOn: '2026-02-01' }),
    ).not.toThrow();
  });
});
