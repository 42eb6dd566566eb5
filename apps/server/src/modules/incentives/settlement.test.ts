import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AsUser, asUser, createOperator, createPartnerUser, signIn } from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/index.ts';
import { type JobRuntime, startJobRuntime } from '../../platform/jobs/runtime.ts';
import { ingestSpendBatch } from '../spend/spend.service.ts';
import { spendRecord } from '../spend/spend.test-data.ts';
import { createSellingPartner, definePolicy, type SellingPartner } from './incentives.test-helpers.ts';

/** Shanghai wall-clock time as an instant. */
const sh = (local: string) => new Date(`${local}+08:00`);

describe('settlement, notices, confirmation and disputes (R14, R7)', () => {
  let t: TestApp;
  let runtime: JobRuntime;
  let a: SellingPartner;
  let uncertified: SellingPartner;
  let suspended: SellingPartner;
  let asA: AsUser;
  let asMemberA: AsUser;
  let asFinance: AsUser;
  let asEco: AsUser;
  let noticeA: string;
  const logins: { email: string; password: string; set: (u: AsUser) => void }[] = [];
  /** Sessions expire while the clock moves months: sign everyone in again. */
  const relogin = async () => {
    for (const l of logins) l.set(asUser(t, await signIn(t, l.email, l.password)));
  };

  const ingest = (records: Record<string, unknown>[]) => ingestSpendBatch(t.ctx, records);

  beforeAll(async () => {
    t = await createTestApp();
    runtime = await startJobRuntime(t.ctx, []);
    t.clock.set(sh('2026-03-05T10:00:00'));
    await definePolicy(t);
    a = await createSellingPartner(t, { certify: 'small_scale' });
    uncertified = await createSellingPartner(t, { certify: false });
    suspended = await createSellingPartner(t);
    await t.db.query(`update partners set status = 'suspended' where id = $1`, [suspended.partner.id]);
    const member = await createPartnerUser(t, a.partner.id, ['member']);
    const finance = await createOperator(t, ['finance']);
    const eco = await createOperator(t, ['ecosystem_manager']);
    logins.push(
      { email: a.user.email, password: a.password, set: (u) => (asA = u) },
      { email: member.user.email, password: member.password, set: (u) => (asMemberA = u) },
      { email: finance.user.email, password: finance.password, set: (u) => (asFinance = u) },
      { email: eco.user.email, password: eco.password, set: (u) => (asEco = u) },
    );
    await relogin();

    await ingest([
      spendRecord(a.customer.domainId, 1_000_000, '2026-03-10T10:00:00+08:00'),
      spendRecord(a.customer.domainId, 200_000, '2026-03-31T23:59:59+08:00', { service_type: 'obs' }),
      spendRecord(a.customer.domainId, 50_000, '2026-03-11T10:00:00+08:00', { payment_kind: 'voucher' }),
      // April already (00:00 Shanghai on 1 April): not March
      spendRecord(a.customer.domainId, 70_000, '2026-04-01T00:00:00+08:00'),
      spendRecord(uncertified.customer.domainId, 100_000, '2026-03-12T10:00:00+08:00'),
      spendRecord(suspended.customer.domainId, 100_000, '2026-03-12T10:00:00+08:00'),
    ]);
  });
  afterAll(async () => {
    await runtime.stop();
    await t.close();
  });

  it('refuses an overlapping policy naming both, and a start mid-period', async () => {
    const overlap = await asEco({
      method: 'POST',
      url: '/api/console/incentives/policies',
      headers: { 'accept-language': 'en-US' },
      payload: {
        code: 'SP-ECS',
        nameZh: '弹性云服务器专项',
        nameEn: 'ECS special',
        program: 'solution_provider',
        validFrom: '2026-06-01',
        rules: { serviceTypes: ['ecs'], rates: [{ category: 'ecs', basisPoints: 800 }] },
      },
    });
    expect(overlap.statusCode).toBe(409);
    expect(overlap.json().code).toBe('incentives.policy_overlap');
    expect(overlap.json().message).toContain('SP-ECS');
    expect(overlap.json().message).toContain('SP-2026');
    const referralOnly = await asEco({
      method: 'POST',
      url: '/api/console/incentives/policies',
      payload: {
        code: 'SP-ECS',
        nameZh: '专项',
        nameEn: 'Special',
        program: 'distributor',
        validFrom: '2026-06-15',
        rules: { rates: [{ category: 'ecs', basisPoints: 800 }] },
      },
    });
    expect(referralOnly.json().code).toBe('incentives.valid_from_not_period_start');
  });

  it('closes March once through the scheduler: lines, exclusions with reasons, notices by email, SMS and in-app', async () => {
    t.clock.set(sh('2026-04-01T02:30:00'));
    const keys = await runtime.tick(t.clock.now());
    expect(keys.some((k) => k.startsWith('incentives.close-periods'))).toBe(true);
    await runtime.drain();
    await relogin();
    // a second scheduler (or tick) for the same slot starts nothing
    expect((await runtime.tick(t.clock.now())).filter((k) => k.startsWith('incentives.'))).toEqual([]);

    const runs = (await asFinance({ method: 'GET', url: '/api/console/incentives/runs' })).json();
    const march = runs.items.find((r: { periodKey: string }) => r.periodKey === '2026-03');
    expect(march).toMatchObject({
      status: 'completed',
      progress: 1,
      excludedCount: 2,
      totalFen: 66_000,
      verification: false,
    });
    expect(runs.counts.completed).toBeGreaterThanOrEqual(2); // the month and the empty quarter

    const list = (await asA({ method: 'GET', url: '/api/incentives/notices' })).json();
    expect(list.items).toHaveLength(1);
    const n = list.items[0];
    noticeA = n.id;
    // ecs 10,000.00 × (5 % + 1 % tier) + obs 2,000.00 × (2 % + 1 %) = 600.00 + 60.00; vouchers and April excluded
    expect(n).toMatchObject({ periodKey: '2026-03', preTaxFen: 66_000, amountFen: 66_000, status: 'issued' });
    expect(n.invoice).toMatchObject({
      taxpayerStatus: 'small_scale',
      rule: 'standard',
      taxFen: 1_980,
      totalFen: 67_980,
    });
    expect(n.invoice.formula['en-US']).toContain('660.00 × 3%');

    const sent = await t.db.query<{ channel: string; body: string }>(
      `select channel, body from notifications where user_id = $1 and template = 'incentives.notice_issued' order by channel`,
      [a.user.id],
    );
    expect(sent.rows.map((r) => r.channel)).toEqual(
      ['email', 'in_app', 'sms'].filter((c) => c !== 'sms' || a.user.phone),
    );
    expect(sent.rows[0]?.body).toContain('679.80');

    const excludedList = (
      await asUser(
        t,
        await signIn(t, uncertified.user.email, uncertified.password),
      )({ method: 'GET', url: '/api/incentives/notices' })
    ).json();
    expect(excludedList.items).toEqual([]);
    expect(excludedList.exclusions).toEqual([
      { periodKey: '2026-03', reason: 'certificate_invalid', forgoneFen: 5_000 },
    ]);
    const ex = await t.db.query<{ reason: string }>(
      'select reason from incentive_exclusions where partner_id = $1',
      [suspended.partner.id],
    );
    expect(ex.rows.map((r) => r.reason)).toEqual(['suspended']);
  });

  it('traces every fen to its records and policy version, with CSV and XLSX export', async () => {
    const detail = (await asA({ method: 'GET', url: `/api/incentives/notices/${noticeA}` })).json();
    expect(
      detail.lines.map(
        (l: { serviceType: string; policyCode: string; policyVersion: number; amountFen: number }) => [
          l.serviceType,
          l.policyCode,
          l.policyVersion,
          l.amountFen,
        ],
      ),
    ).toEqual([
      ['ecs', 'SP-2026', 1, 60_000],
      ['obs', 'SP-2026', 1, 6_000],
    ]);
    for (const line of detail.lines) {
      const recs = (await asA({ method: 'GET', url: `/api/incentives/lines/${line.id}/records` })).json();
      expect(recs.items.reduce((s: number, r: { amountFen: number }) => s + r.amountFen, 0)).toBe(
        line.baseFen,
      );
      expect(recs.items.every((r: { paymentKind: string }) => r.paymentKind === 'cash')).toBe(true);
    }
    const csv = await asA({ method: 'GET', url: `/api/incentives/notices/${noticeA}/export?format=csv` });
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.split('\r\n').filter(Boolean)).toHaveLength(3);
    const xlsx = await asA({ method: 'GET', url: `/api/incentives/notices/${noticeA}/export?format=xlsx` });
    expect(Object.keys(unzipSync(new Uint8Array(xlsx.rawPayload)))).toContain('xl/workbook.xml');
    // another partner cannot see it
    const other = asUser(t, await signIn(t, uncertified.user.email, uncertified.password));
    expect((await other({ method: 'GET', url: `/api/incentives/notices/${noticeA}` })).statusCode).toBe(404);
    expect(
      (await other({ method: 'GET', url: `/api/incentives/lines/${detail.lines[0].id}/records` })).statusCode,
    ).toBe(404);
  });

  it('a rerun of the closed period gives identical amounts and republishes nothing', async () => {
    const rerun = await asFinance({
      method: 'POST',
      url: '/api/console/incentives/runs',
      payload: { periodKey: '2026-03' },
    });
    expect(rerun.statusCode).toBe(200);
    expect(rerun.json()).toMatchObject({ verification: true, status: 'running' });
    await runtime.drain();
    const runs = (
      await asFinance({ method: 'GET', url: '/api/console/incentives/runs?periodKey=2026-03' })
    ).json();
    expect(runs.items.find((r: { id: string }) => r.id === rerun.json().id)).toMatchObject({
      status: 'completed',
      matches: true,
      totalFen: 66_000,
    });
    const notices = await t.db.query<{ n: number }>(
      `select count(*)::int as n from incentive_notices where period_key = '2026-03'`,
    );
    expect(notices.rows[0]?.n).toBe(1);
  });

  it('spend for the closed March arrives late: it settles in April as an adjustment line', async () => {
    await ingest([spendRecord(a.customer.domainId, 100_000, '2026-03-20T10:00:00+08:00')]);
    t.clock.set(sh('2026-05-01T02:30:00'));
    await runtime.tick(t.clock.now());
    await runtime.drain();
    await relogin();
    const april = (await asA({ method: 'GET', url: '/api/incentives/notices?periodKey=2026-04' })).json()
      .items[0];
    const detail = (await asA({ method: 'GET', url: `/api/incentives/notices/${april.id}` })).json();
    expect(
      detail.lines.map((l: { originPeriodKey: string; late: boolean; baseFen: number }) => [
        l.originPeriodKey,
        l.late,
        l.baseFen,
      ]),
    ).toEqual([
      ['2026-03', true, 100_000],
      ['2026-04', false, 70_000],
    ]);
    // March is unchanged
    const march = (await asA({ method: 'GET', url: `/api/incentives/notices/${noticeA}` })).json();
    expect(march.preTaxFen).toBe(66_000);
  });

  it('a new policy version may not start in a settled period; from the next open one it may', async () => {
    const policy = (await asEco({ method: 'GET', url: '/api/console/incentives/policies' })).json().items[0];
    const body = { validFrom: '2026-04-01', rules: { rates: [{ category: '*', basisPoints: 300 }] } };
    const closed = await asEco({
      method: 'POST',
      url: `/api/console/incentives/policies/${policy.id}/versions`,
      payload: body,
    });
    expect(closed.json().code).toBe('incentives.period_closed');
    const ok = await asEco({
      method: 'POST',
      url: `/api/console/incentives/policies/${policy.id}/versions`,
      payload: { ...body, validFrom: '2026-06-01' },
    });
    expect(ok.statusCode).toBe(200);
    expect(
      ok.json().versions.map((v: { version: number; validTo: string | null }) => [v.version, v.validTo]),
    ).toEqual([
      [1, '2026-05-31'],
      [2, null],
    ]);
  });

  it('members cannot confirm; the administrator confirms once; disputes open a ticket; finance adjusts', async () => {
    expect(
      (await asMemberA({ method: 'POST', url: `/api/incentives/notices/${noticeA}/confirm` })).statusCode,
    ).toBe(403);
    const ok = await asA({ method: 'POST', url: `/api/incentives/notices/${noticeA}/confirm` });
    expect(ok.json()).toMatchObject({ status: 'confirmed' });
    const again = await asA({ method: 'POST', url: `/api/incentives/notices/${noticeA}/confirm` });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('incentives.notice_not_issued');

    const april = (await asA({ method: 'GET', url: '/api/incentives/notices?periodKey=2026-04' })).json()
      .items[0];
    const disputed = await asA({
      method: 'POST',
      url: `/api/incentives/notices/${april.id}/dispute`,
      payload: { reason: 'The March record r-x was already settled in March.' },
    });
    expect(disputed.json()).toMatchObject({ status: 'disputed' });
    const ticket = await t.db.query<{ subject_type: string; subject_id: string; due_at: Date }>(
      'select subject_type, subject_id, due_at from tickets where id = $1',
      [disputed.json().ticketId],
    );
    expect(ticket.rows[0]).toMatchObject({ subject_type: 'incentive_notice', subject_id: april.id });
    const queue = (
      await asFinance({ method: 'GET', url: '/api/console/incentives/notices?status=disputed' })
    ).json();
    expect(queue.items.map((x: { id: string }) => x.id)).toContain(april.id);
    expect(queue.counts.disputed).toBeGreaterThanOrEqual(1);

    const adj = await asFinance({
      method: 'POST',
      url: `/api/console/incentives/notices/${april.id}/adjustments`,
      payload: { amountFen: -1_000, reason: 'Corrected after the dispute' },
    });
    expect(adj.json()).toMatchObject({
      status: 'issued',
      adjustmentFen: -1_000,
      amountFen: april.preTaxFen - 1_000,
    });
    expect(adj.json().adjustments).toHaveLength(1);
    const zero = await asFinance({
      method: 'POST',
      url: `/api/console/incentives/notices/${april.id}/adjustments`,
      payload: { amountFen: 0, reason: 'nothing at all' },
    });
    expect(zero.json().code).toBe('incentives.adjustment_zero');
    const audit = await t.db.query<{ action: string }>(
      `select action from audit_log where entity_id in ($1, $2) order by at, action`,
      [noticeA, april.id],
    );
    expect(audit.rows.map((r) => r.action)).toEqual(
      expect.arrayContaining([
        'incentives.notice_confirmed',
        'incentives.notice_disputed',
        'incentives.notice_adjusted',
      ]),
    );
  });

  it('a cancelled run leaves nothing of the period; a killed run completes on retry with nobody paid twice', async () => {
    t.clock.set(sh('2026-07-02T10:00:00'));
    await relogin();
    await ingest([spendRecord(a.customer.domainId, 300_000, '2026-06-10T10:00:00+08:00')]);
    const started = (
      await asFinance({
        method: 'POST',
        url: '/api/console/incentives/runs',
        payload: { periodKey: '2026-06' },
      })
    ).json();
    const dup = await asFinance({
      method: 'POST',
      url: '/api/console/incentives/runs',
      payload: { periodKey: '2026-06' },
    });
    expect(dup.json().code).toBe('incentives.run_in_progress');
    const cancelled = await asFinance({
      method: 'POST',
      url: `/api/console/incentives/runs/${started.id}/cancel`,
    });
    expect(cancelled.json()).toMatchObject({ cancelRequested: true });
    await runtime.drain();
    const after = (
      await asFinance({ method: 'GET', url: '/api/console/incentives/runs?periodKey=2026-06' })
    ).json().items[0];
    expect(after.status).toBe('cancelled');
    const left = await t.db.query<{ n: number }>(
      `select (select count(*) from incentive_lines where period_key = '2026-06')::int
        + (select count(*) from incentive_notices where period_key = '2026-06')::int as n`,
    );
    expect(left.rows[0]?.n).toBe(0);
    const period = await t.db.query<{ status: string }>(
      `select status from incentive_periods where key = '2026-06'`,
    );
    expect(period.rows[0]?.status).toBe('open');

    // a run that died after writing part of its lines: the retry starts over and publishes once
    const again = (
      await asFinance({
        method: 'POST',
        url: '/api/console/incentives/runs',
        payload: { periodKey: '2026-06' },
      })
    ).json();
    await t.db.query(
      `insert into incentive_lines (id, run_id, period_key, partner_id, policy_id, policy_version_id, service_type,
        origin_period_key, late, record_count, base_fen, basis_points, amount_fen)
       values ('iln_half', $1, '2026-06', $2, 'x', 'x', 'ecs', '2026-06', false, 1, 999, 100, 999)`,
      [again.id, a.partner.id],
    );
    await runtime.drain();
    const june = (await asA({ method: 'GET', url: '/api/incentives/notices?periodKey=2026-06' })).json()
      .items;
    expect(june).toHaveLength(1);
    // version 2 (from June): 3 % on everything
    expect(june[0].preTaxFen).toBe(9_000);
  });
});
