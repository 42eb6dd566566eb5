import { describe, expect, it } from 'vitest';
import {
  businessDate,
  businessDateTime,
  deadlineForReview,
  expiresAt,
  extendValidity,
  isValidAt,
  reviewCycleOf,
  reviewDeadline,
  reviewIsDue,
  reviewOpensAt,
  validUntilForIssue,
} from './certificates.dates.ts';

describe('certificate date rules (Asia/Shanghai)', () => {
  it('a certificate is valid to 31 January of the year after its issue, in Shanghai', () => {
    expect(validUntilForIssue(new Date('2026-03-10T04:00:00Z'))).toBe('2027-01-31');
    expect(validUntilForIssue(new Date('2026-12-31T15:59:59Z'))).toBe('2027-01-31');
    // 1 January 00:00 in Shanghai is still 31 December in UTC: Shanghai decides.
    expect(validUntilForIssue(new Date('2026-12-31T16:00:00Z'))).toBe('2028-01-31');
    expect(validUntilForIssue(new Date('2027-01-20T02:00:00Z'))).toBe('2028-01-31');
  });

  it('approval extends validity to 31 January of the next year', () => {
    expect(extendValidity('2027-01-31')).toBe('2028-01-31');
    expect(extendValidity('2028-01-31')).toBe('2029-01-31');
  });

  it('validity ends at 00:00 on 1 February in Shanghai (16:00 UTC on 31 January)', () => {
    expect(expiresAt('2027-01-31').toISOString()).toBe('2027-01-31T16:00:00.000Z');
    expect(isValidAt('2027-01-31', new Date('2027-01-31T15:59:59.999Z'))).toBe(true);
    expect(isValidAt('2027-01-31', new Date('2027-01-31T16:00:00.000Z'))).toBe(false);
  });

  it('the review of a certificate valid to 31 January Y opens on 1 December Y-1', () => {
    expect(reviewCycleOf('2027-01-31')).toBe(2026);
    expect(reviewOpensAt(2026).toISOString()).toBe('2026-11-30T16:00:00.000Z');
    expect(reviewIsDue('2027-01-31', new Date('2026-11-30T15:59:59Z'))).toBe(false);
    expect(reviewIsDue('2027-01-31', new Date('2026-11-30T16:00:00Z'))).toBe(true);
    expect(reviewIsDue('2027-01-31', new Date('2027-01-31T16:00:00Z'))).toBe(false);
  });

  it('the configured deadline: end of the day, in December of the cycle or January after it', () => {
    expect(reviewDeadline(2026, '12-31').toISOString()).toBe('2026-12-31T15:59:59.999Z');
    expect(reviewDeadline(2026, '12-20').toISOString()).toBe('2026-12-20T15:59:59.999Z');
    expect(reviewDeadline(2026, '01-15').toISOString()).toBe('2027-01-15T15:59:59.999Z');
    expect(businessDateTime(reviewDeadline(2026, '12-31'))).toBe('2026-12-31 23:59');
  });

  it('a review opened late still gets two weeks, but never beyond the validity', () => {
    const dec1 = new Date('2026-11-30T16:00:00Z');
    expect(deadlineForReview(dec1, 2026, '12-31', '2027-01-31').toISOString()).toBe(
      '2026-12-31T15:59:59.999Z',
    );
    const dec20 = new Date('2026-12-20T02:00:00Z');
    expect(businessDate(deadlineForReview(dec20, 2026, '12-31', '2027-01-31'))).toBe('2027-01-03');
    const jan25 = new Date('2027-01-25T02:00:00Z');
    expect(deadlineForReview(jan25, 2026, '12-31', '2027-01-31').toISOString()).toBe(
      '2027-01-31T15:59:59.999Z',
    );
  });
});
