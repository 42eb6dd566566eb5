import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPartnerUser } from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/index.ts';
import { systemActor } from '../../platform/context.ts';
import { periodByKey } from './incentives.periods.ts';
import { createSellingPartner, type SellingPartner } from './incentives.test-helpers.ts';
import { issueNotices, notifyNoticesOfRun } from './notices.issue.ts';
import { insertRun } from './settlement.repository.ts';

/**
 * Notices are published with the run and sent by a job, set-based: one read of taxpayer statuses
 * and one of administrators per chunk of partners, the period's VAT rates read once. Each partner
 * still gets its own amounts, and each administrator its own messages, across chunk boundaries.
 */
describe('issuing notices in bulk (R14)', () => {
  let t: TestApp;
  let general: SellingPartner;
  let small: SellingPartner;
  let unknown: SellingPartner;
  let secondAdmin: string;

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(new Date('2026-04-01T02:00:00+08:00'));
    general = await createSellingPartner(t, { certify: 'general', locale: 'zh-CN' });
    small = await createSellingPartner(t, { certify: 'small_scale' });
    unknown = await createSellingPartner(t, { certify: false });
    secondAdmin = (await createPartnerUser(t, general.partner.id, ['admin'])).user.id;
  });
  afterAll(() => t.close());

  it('gives each partner its invoice amount and each administrator its messages, chunk by chunk', async () => {
    const period = periodByKey('2026-03');
    if (!period) throw new Error('no period');
    const run = await insertRun(t.ctx.db, {
      id: 'irn-bulk',
      periodKey: period.key,
      trigger: 'operator',
      status: 'running',
      verification: false,
      startedBy: systemActor().id,
      startedAt: t.clock.now(),
      heartbeatAt: t.clock.now(),
    });
    if (!run) throw new Error('no run');
    const issued = await t.ctx.db.transaction((tx) =>
      issueNotices(t.ctx, tx, {
        run,
        period,
        totals: [
          { partnerId: general.partner.id, totalFen: 100_000 },
          { partnerId: small.partner.id, totalFen: 100_001 },
          { partnerId: unknown.partner.id, totalFen: 5_000 },
          { partnerId: 'nobody-zero', totalFen: 0 },
        ],
      }),
    );
    expect(issued).toBe(3);
    // sent after publication, two partners per transaction here (two chunks)
    expect(await notifyNoticesOfRun(t.ctx, run.id, 2)).toBe(4);
    // a retried job sends nothing twice
    await notifyNoticesOfRun(t.ctx, run.id, 1);

    const sent = await t.db.query<{
      user_id: string;
      partner_id: string;
      template: string;
      channel: string;
      body: string;
    }>(
      `select user_id, partner_id, template, channel, body from notifications
       where template like 'incentives.notice_issued%' order by partner_id, user_id, channel`,
    );
    const of = (partnerId: string) => sent.rows.filter((r) => r.partner_id === partnerId);
    // general taxpayer: 1,000.00 + 6 % = 1,060.00, to both administrators (email and in-app at least)
    expect(new Set(of(general.partner.id).map((r) => r.user_id))).toEqual(
      new Set([general.user.id, secondAdmin]),
    );
    expect(
      of(general.partner.id)
        .filter((r) => r.channel === 'email')
        .every((r) => r.body.includes('1060.00')),
    ).toBe(true);
    // small-scale: 1,000.01 + 3 % = 30.0003 → 30.00 (half-up to the fen) = 1,030.01
    expect(of(small.partner.id).find((r) => r.channel === 'email')?.body).toContain('1030.01');
    // no certified status yet: the notice without the invoice amount
    expect(of(unknown.partner.id).every((r) => r.template === 'incentives.notice_issued_no_status')).toBe(
      true,
    );
    // the in-app copies are written beside the notifications, one per administrator
    const inApp = await t.db.query<{ user_id: string }>(
      `select m.user_id from in_app_messages m join notifications n on n.id = m.notification_id
       where n.template like 'incentives.notice_issued%'`,
    );
    expect(inApp.rows).toHaveLength(4);
  });
});
