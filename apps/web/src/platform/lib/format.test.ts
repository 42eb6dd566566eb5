import { afterEach, describe, expect, it } from 'vitest';
import {
  displayTimeZone,
  formatDate,
  formatDateTime,
  formatYuan,
  setDisplayTimeZone,
  yuanAmount,
} from './format.ts';

describe('the shared formatter', () => {
  afterEach(() => setDisplayTimeZone(null));

  it('shows times in Asia/Shanghai with the zone labelled, one format per language', () => {
    expect(displayTimeZone()).toBe('Asia/Shanghai');
    expect(formatDateTime('2026-12-06T16:05:09Z', 'zh-CN')).toBe('2026-12-07 00:05:09 (GMT+8)');
    expect(formatDateTime('2026-12-06T16:05:09Z', 'en-US')).toBe('07 Dec 2026 00:05:09 (GMT+8)');
    expect(formatDateTime('2026-12-06T16:05:09Z', 'en-US', { seconds: false })).toBe(
      '07 Dec 2026 00:05 (GMT+8)',
    );
  });

  it("uses the profile's zone when one is chosen, and falls back on an unknown one", () => {
    setDisplayTimeZone('Europe/Berlin');
    expect(formatDateTime('2026-12-06T16:05:09Z', 'en-US')).toBe('06 Dec 2026 17:05:09 (GMT+1)');
    setDisplayTimeZone('Mars/Olympus');
    expect(displayTimeZone()).toBe('Asia/Shanghai');
  });

  it('keeps business dates as they are and shows instants as their date in the zone', () => {
    setDisplayTimeZone('America/New_York');
    expect(formatDate('2027-01-31', 'zh-CN')).toBe('2027-01-31');
    expect(formatDate('2027-01-31', 'en-US')).toBe('31 Jan 2027');
    expect(formatDate('2026-12-06T16:05:09Z', 'zh-CN')).toBe('2026-12-06');
    expect(formatDateTime(null, 'zh-CN')).toBe('—');
  });

  it('writes money as ¥ with separators from integer fen', () => {
    expect(formatYuan(123_456_789)).toBe('¥1,234,567.89');
    expect(formatYuan(-1_205)).toBe('-¥12.05');
    expect(yuanAmount(5)).toBe('0.05');
  });
});
