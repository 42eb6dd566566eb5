import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/index.ts';
import { partnersInProgramAt } from '../memberships/index.ts';
import { ingestSpendBatch } from '../spend/spend.service.ts';
import { spendRecord } from '../spend/spend.test-data.ts';
import { billCyclesOf, periodByKey } from './incentives.periods.ts';
import { createSellingPartner, definePolicy, operatorActor } from './incentives.test-helpers.ts';
import { versionsInForce } from './policies.service.ts';
import { aggregatePeriodSpend } from './settlement.repository.ts';
import { computeLines } from './settlement.rules.ts';
import { cancelRun, runSettlement, startSettlement } from './settlement.service.ts';

/** Shanghai wall-clock time as an instant. */
const sh = (local: string) => new Date(`${local}+08:00`);

describe('settlement streamed per chunk of partners (issue 10)', () => {
  let t: TestApp;
  const partnerIds: string[] = [];

  const lineRows = async (runId: string) =>
    (
      await t.db.query<Record<string, unknown>>(
        `select partner_id, policy_version_id, service_type, origin_period_key, late, record_count, base_fen::text,
          basis_points, amount_fen::text
         from incentive_lines where run_id = $1
         order by partner_id collate "C", policy_version_id, service_type, origin_period_key, late`,
        [runId],
      )
    ).rows;
  const exclusionRows = async (runId: string) =>
    (
      await t.db.query<Record<string, unknown>>(
        `select partner_id, reason, forgone_fen::text from incentive_exclusions where run_id = $1
         order by partner_id collate "C"`,
        [runId],
      )
    ).rows;
  const groupsLeft = async (runId?: string) =>
    (
      await t.db.query<{ n: number }>(
        `select count(*)::int as n from incentive_run_groups where $1::text is null or run_id = $1`,
        [runId ?? null],
      )
    ).rows[0]?.n;
  const run = async (periodKey: string, chunkPartners: number) => {
    const started = await startSettlement(t.ctx, operatorActor(), periodKey, 'operator');
    if (!started) throw new Error('no run');
    await runSettlement(t.ctx, started.id, { chunkPartners });
    const row = await t.db.query<{
      status: string;
      matches: boolean | null;
      partners_total: number;
      partners_done: number;
      total_fen: string;
    }>(
      'select status, matches, partners_total, partners_done, total_fen::text from incentive_runs where id = $1',
      [started.id],
    );
    return { id: started.id, ...row.rows[0] };
  };

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set(sh('2026-03-05T10:00:00'));
    await definePolicy(t);
    const big = await createSellingPartner(t, { certify: 'general' });
    const small = await createSellingPartner(t, { certify: 'small_scale' });
    const uncertified = await createSellingPartner(t, { certify: false });
    const vouchers = await createSellingPartner(t);
    const suspended = await createSellingPartner(t);
    const mid = await createSellingPartner(t);
    await t.db.query(`update partners set status = 'suspended' where id = $1`, [suspended.partner.id]);
    for (const p of [big, small, uncertified, vouchers, suspended, mid]) partnerIds.push(p.partner.id);
    await ingestSpendBatch(t.ctx, [
      // over the tier (10,000.00) under the policy: the bonus applies to each of its lines
      spendRecord(big.customer.domainId, 800_000, '2026-03-10T10:00:00+08:00'),
      spendRecord(big.customer.domainId, 300_000, '2026-03-11T10:00:00+08:00', { service_type: 'obs' }),
      spendRecord(big.customer.domainId, 100_000, '2026-03-12T10:00:00+08:00', { service_type: 'rds' }),
      spendRecord(big.customer.domainId, 90_000, '2026-03-12T11:00:00+08:00', { payment_kind: 'voucher' }),
      spendRecord(small.customer.domainId, 123_457, '2026-03-13T10:00:00+08:00'),
      spendRecord(small.customer.domainId, 3_333, '2026-03-13T11:00:00+08:00', { service_type: 'obs' }),
      spendRecord(uncertified.customer.domainId, 100_000, '2026-03-14T10:00:00+08:00'),
      spendRecord(vouchers.customer.domainId, 500_000, '2026-03-15T10:00:00+08:00', {
        payment_kind: 'voucher',
      }),
      spendRecord(suspended.customer.domainId, 100_000, '2026-03-16T10:00:00+08:00'),
      spendRecord(mid.customer.domainId, 999_999, '2026-03-17T10:00:00+08:00', { service_type: 'obs' }),
      spendRecord(mid.customer.domainId, 1, '2026-03-17T11:00:00+08:00', { service_type: 'evs' }),
    ]);
    t.clock.set(sh('2026-04-01T02:30:00'));
  });
  afterAll(async () => {
    await t.close();
  });

  it('chunks of 2 partners give the lines of one pass over the whole aggregate; no groups are left', async () => {
    const p = periodByKey('2026-03');
    if (!p) throw new Error('no period');
    // The reference: the whole aggregate in memory, the lines computed in one pass.
    const groups = await aggregatePeriodSpend(t.ctx.db, {
      key: p.key,
      kind: p.kind,
      billCycles: billCyclesOf(p),
    });
    const versions = await versionsInForce(t.ctx.db, p.kind, p.start);
    const all = [...new Set(groups.map((g) => g.partnerId))].sort();
    const reference = computeLines(
      groups,
      await Promise.all(
        versions.map(async (v) => ({
          policyId: v.policy.id,
          versionId: v.version.id,
          rules: v.rules,
          partners: await partnersInProgramAt(t.ctx.db, all, v.policy.program, new Date(p.end.getTime() - 1)),
        })),
      ),
    );

    const chunked = await run('2026-03', 2);
    expect(chunked).toMatchObject({ status: 'completed', partners_total: 6, partners_done: 6 });
    expect(await groupsLeft(chunked.id)).toBe(0);
    const lines = await lineRows(chunked.id);
    const excluded = await exclusionRows(chunked.id);
    expect(excluded.map((e) => e.reason).sort()).toEqual(['certificate_invalid', 'suspended']);
    const excludedIds = new Set(excluded.map((e) => e.partner_id));
    expect(lines).toEqual(
      reference
        .filter((l) => !excludedIds.has(l.partnerId))
        .map((l) => ({
          partner_id: l.partnerId,
          policy_version_id: l.policyVersionId,
          service_type: l.serviceType,
          origin_period_key: l.originPeriodKey,
          late: l.late,
          record_count: l.recordCount,
          base_fen: String(l.baseFen),
          basis_points: l.basisPoints,
          amount_fen: String(l.amountFen),
        })),
    );
    // the tier: 12,000.00 of cash under the policy (vouchers not counted) lifts every line of it
    const big = lines.filter((l) => l.partner_id === partnerIds[0]);
    expect(big.map((l) => [l.service_type, l.basis_points])).toEqual([
      ['ecs', 600],
      ['obs', 300],
      ['rds', 300],
    ]);

    // one chunk for everybody (a verification of the closed period): the same lines and exclusions
    const whole = await run('2026-03', 10_000);
    expect(whole).toMatchObject({ status: 'completed', matches: true, total_fen: chunked.total_fen });
    expect(await lineRows(whole.id)).toEqual(lines);
    expect(await exclusionRows(whole.id)).toEqual(excluded);
    // chunks of one partner each, too
    const single = await run('2026-03', 1);
    expect(single).toMatchObject({ status: 'completed', matches: true, partners_done: 6 });
    expect(await lineRows(single.id)).toEqual(lines);
    expect(await groupsLeft()).toBe(0);
  });

  it('late records settle in the next period the same whatever the chunk', async () => {
    await ingestSpendBatch(t.ctx, [
      spendRecord(
        (
          await t.db.query<{ domain_id: string }>(
            `select c.domain_id from customers c join customer_associations a on a.customer_id = c.id
           where a.partner_id = $1`,
            [partnerIds[1]],
          )
        ).rows[0]?.domain_id as string,
        2_000_000,
        '2026-03-20T10:00:00+08:00',
      ),
    ]);
    t.clock.set(sh('2026-05-01T02:30:00'));
    const chunked = await run('2026-04', 1);
    expect(chunked.status).toBe('completed');
    const lines = await lineRows(chunked.id);
    expect(lines).toContainEqual(
      expect.objectContaining({ partner_id: partnerIds[1], origin_period_key: '2026-03', late: true }),
    );
    const whole = await run('2026-04', 500);
    expect(whole).toMatchObject({ status: 'completed', matches: true });
    expect(await lineRows(whole.id)).toEqual(lines);
    expect(await groupsLeft()).toBe(0);
  });

  it('a cancelled run leaves no groups, nor does a killed run once rerun', async () => {
    const started = await startSettlement(t.ctx, operatorActor(), '2026-03', 'operator');
    if (!started) throw new Error('no run');
    await cancelRun(t.ctx, operatorActor(), started.id);
    // the runner stages the aggregate, then stops at its first chunk and removes what it staged
    await runSettlement(t.ctx, started.id, { chunkPartners: 2 });
    const cancelled = await t.db.query<{ status: string }>(
      'select status from incentive_runs where id = $1',
      [started.id],
    );
    expect(cancelled.rows[0]?.status).toBe('cancelled');
    expect(await groupsLeft(started.id)).toBe(0);
    expect((await lineRows(started.id)).length).toBe(0);

    // a run killed after staging its groups and part of its lines: the retry starts over
    const again = await startSettlement(t.ctx, operatorActor(), '2026-03', 'operator');
    if (!again) throw new Error('no run');
    await t.db.query(
      `insert into incentive_run_groups (run_id, partner_id, service_type, association_type, payment_kind,
        origin_period_key, late, amount_fen, record_count)
       values ($1, $2, 'ecs', 'resale', 'cash', '2026-03', false, 999999, 1)`,
      [again.id, partnerIds[0]],
    );
    await runSettlement(t.ctx, again.id, { chunkPartners: 2 });
    const done = await t.db.query<{ status: string; matches: boolean }>(
      'select status, matches from incentive_runs where id = $1',
      [again.id],
    );
    expect(done.rows[0]).toMatchObject({ status: 'completed', matches: true });
    expect(await groupsLeft()).toBe(0);
  });
});
