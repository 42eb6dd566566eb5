import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/index.ts';
import { seedDemo } from '../../demo/seed.ts';
import { TestClock } from '../../platform/clock/clock.ts';
import { demoHistoryStart } from '../../platform/clock/demo-history.ts';

const count = async (t: TestApp, table: string) =>
  Number((await t.db.query<{ n: number }>(`select count(*)::int as n from ${table}`)).rows[0]?.n);

describe('demo incentives: last month settled for the solution provider', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ clock: new TestClock('2026-06-15T02:00:00Z') });
  }, 300_000);
  afterAll(() => t.close());

  it('starts the history at 09:00 Asia/Shanghai on the 1st of last month, and not in January', () => {
    expect(demoHistoryStart(new Date('2026-06-15T02:00:00Z'))?.toISOString()).toBe(
      '2026-05-01T01:00:00.000Z',
    );
    // 1 March 00:30 in Shanghai is still 28 February in UTC.
    expect(demoHistoryStart(new Date('2026-02-28T16:30:00Z'))?.toISOString()).toBe(
      '2026-02-01T01:00:00.000Z',
    );
    expect(demoHistoryStart(new Date('2027-01-31T15:59:59Z'))).toBeNull();
    expect(demoHistoryStart(new Date('2027-01-31T16:00:00Z'))?.toISOString()).toBe(
      '2027-01-01T01:00:00.000Z',
    );
  });

  it('seeds a notice waiting for confirmation, from spend of customers held since then', async () => {
    await seedDemo(t.ctx);
    const notices = await t.db.query<{
      partner_id: string;
      period_key: string;
      status: string;
      pre_tax_fen: string;
    }>('select partner_id, period_key, status, pre_tax_fen from incentive_notices');
    expect(notices.rows).toHaveLength(1);
    expect(notices.rows[0]).toMatchObject({
      partner_id: 'prt_demo_solution',
      period_key: '2026-05',
      status: 'issued',
    });
    expect(Number(notices.rows[0]?.pre_tax_fen)).toBeGreaterThan(0);
    const cert = await t.db.query<{ issued_at: Date | string }>(
      `select issued_at from partner_certificates where partner_id = 'prt_demo_solution'`,
    );
    expect(new Date(cert.rows[0]?.issued_at ?? 0).toISOString()).toBe('2026-05-01T01:00:00.000Z');
    // Its two certification stages were decided then too, not after the certificate.
    const decided = await t.db.query<{ decided_at: Date | string }>(
      `select decided_at from certification_submissions where partner_id = 'prt_demo_solution'`,
    );
    expect(decided.rows.map((r) => new Date(r.decided_at).toISOString())).toEqual([
      '2026-05-01T01:00:00.000Z',
      '2026-05-01T01:00:00.000Z',
    ]);
    const period = await t.db.query<{ status: string }>(
      `select status from incentive_periods where key = '2026-05'`,
    );
    expect(period.rows[0]?.status).toBe('closed');
  });

  it('adds nothing when seeded again', async () => {
    const before = await Promise.all(
      ['spend_records', 'incentive_runs', 'incentive_notices'].map((x) => count(t, x)),
    );
    await seedDemo(t.ctx);
    const after = await Promise.all(
      ['spend_records', 'incentive_runs', 'incentive_notices'].map((x) => count(t, x)),
    );
    expect(after).toEqual(before);
  });
});
