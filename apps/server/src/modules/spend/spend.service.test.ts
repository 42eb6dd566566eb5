import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPartnerWithAdmin, createTestApp, type TestApp } from '../../../test/index.ts';
import { ingestSpendBatch, ingestSpendBatches } from './spend.service.ts';
import { createAssociatedCustomer, spendRecord } from './spend.test-data.ts';

describe('spend ingestion', () => {
  let t: TestApp;
  let partnerId: string;
  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set('2026-03-10T04:00:00Z');
    partnerId = (await createPartnerWithAdmin(t)).partner.id;
  });
  afterAll(() => t.close());

  /** The customer's running totals (one row per bill cycle). */
  const totalsOf = async (customerId: string) =>
    t.db.query<{ amount_fen: number }>(
      'select amount_fen from customer_spend_totals where customer_id = $1',
      [customerId],
    );

  it('stores each record once; a retried batch only counts duplicates', async () => {
    const c = await createAssociatedCustomer(t, partnerId);
    const batch = [
      spendRecord(c.domainId, 100, '2026-03-02T01:00:00Z'),
      spendRecord(c.domainId, 250, '2026-03-03T01:00:00Z'),
    ];
    batch.push({ ...batch[0] });
    const first = await ingestSpendBatch(t.ctx, batch);
    expect(first).toMatchObject({ accepted: 2, duplicates: 1, rejected: 0 });
    const again = await ingestSpendBatch(t.ctx, batch);
    expect(again).toMatchObject({ accepted: 0, duplicates: 3, rejected: 0 });
    const rows = await t.db.query<{
      amount_fen: number;
      partner_id: string;
      association_type: string;
      eligible_fen: number;
    }>(
      'select amount_fen, partner_id, association_type, eligible_fen from spend_records where customer_id = $1',
      [c.id],
    );
    expect(rows.rows).toHaveLength(2);
    expect(rows.rows[0]).toMatchObject({ partner_id: partnerId, association_type: 'resale' });
    const totals = await t.db.query<{ bill_cycle: string; amount_fen: number }>(
      'select bill_cycle, amount_fen from customer_spend_totals where customer_id = $1',
      [c.id],
    );
    expect(totals.rows).toEqual([{ bill_cycle: '2026-03', amount_fen: 350 }]);
  });

  it('a batch repeating some records adds only its new ones to the totals', async () => {
    const c = await createAssociatedCustomer(t, partnerId);
    const old = spendRecord(c.domainId, 100, '2026-03-04T01:00:00Z');
    await ingestSpendBatch(t.ctx, [old]);
    const r = await ingestSpendBatch(t.ctx, [old, spendRecord(c.domainId, 40, '2026-03-05T01:00:00Z')]);
    expect(r).toMatchObject({ accepted: 1, duplicates: 1, rejected: 0 });
    const totals = await totalsOf(c.id);
    expect(totals.rows).toEqual([{ amount_fen: 140 }]);
  });

  it('overlapping batches sent at once store and count each record once', async () => {
    const c = await createAssociatedCustomer(t, partnerId);
    const shared = [1, 2, 3].map((h) => spendRecord(c.domainId, 10, `2026-03-08T0${h}:00:00Z`));
    const batches = [0, 1, 2, 3].map((i) => [
      ...shared,
      spendRecord(c.domainId, 100, `2026-03-09T0${i}:00:00Z`),
    ]);
    const results = await Promise.all(batches.map((b) => ingestSpendBatch(t.ctx, b)));
    expect(results.reduce((n, r) => n + r.accepted, 0)).toBe(7);
    expect(results.reduce((n, r) => n + r.duplicates, 0)).toBe(9);
    expect((await totalsOf(c.id)).rows).toEqual([{ amount_fen: 430 }]);
  });

  it('a customer with spend cannot be deleted (no foreign key: a trigger keeps the reference)', async () => {
    const c = await createAssociatedCustomer(t, partnerId);
    await ingestSpendBatch(t.ctx, [spendRecord(c.domainId, 100, '2026-03-06T01:00:00Z')]);
    await expect(t.db.query('delete from customers where id = $1', [c.id])).rejects.toThrow(/spend records/);
    await expect(t.db.query('truncate customers cascade')).rejects.toThrow(/spend records/);
    const left = await t.db.query('select 1 from customers where id = $1', [c.id]);
    expect(left.rows).toHaveLength(1);
  });

  it('batches in order: results in order, a failing batch stops the rest and keeps the ones before', async () => {
    const c = await createAssociatedCustomer(t, partnerId);
    const r1 = spendRecord(c.domainId, 10, '2026-03-07T01:00:00Z');
    const r2 = spendRecord(c.domainId, 20, '2026-03-07T02:00:00Z');
    const r3 = spendRecord(c.domainId, 30, '2026-03-07T03:00:00Z');
    async function* batches() {
      yield { records: [r1, r2] };
      yield { records: [r2, r3, spendRecord(c.domainId, -1, '2026-03-07T04:00:00Z')] };
    }
    const results = await ingestSpendBatches(t.ctx, batches());
    expect(results.map((r) => [r.accepted, r.duplicates, r.rejected])).toEqual([
      [2, 0, 0],
      [1, 1, 1],
    ]);
    const r4 = spendRecord(c.domainId, 40, '2026-03-07T05:00:00Z');
    const r5 = spendRecord(c.domainId, 50, '2026-03-07T06:00:00Z');
    let third = false;
    async function* failing() {
      yield { records: [r4] };
      yield {
        records: [r5],
        opts: {
          inTx: async () => {
            throw new Error('progress write failed');
          },
        },
      };
      third = true;
      yield { records: [spendRecord(c.domainId, 60, '2026-03-07T07:00:00Z')] };
    }
    await expect(ingestSpendBatches(t.ctx, failing())).rejects.toThrow('progress write failed');
    const totals = await totalsOf(c.id);
    // 10 + 20 + 30 + 40; the failing batch (50) rolled back. The third was read (prepared while the
    // second was stored) but never stored.
    expect(totals.rows).toEqual([{ amount_fen: 100 }]);
    expect(third).toBe(true);
  });

  it('batches: a source failing while a batch is stored fails the call only after that batch ended', async () => {
    const c = await createAssociatedCustomer(t, partnerId);
    async function* broken() {
      yield { records: [spendRecord(c.domainId, 70, '2026-03-08T01:00:00Z')] };
      throw new Error('file unreadable');
    }
    await expect(ingestSpendBatches(t.ctx, broken())).rejects.toThrow('file unreadable');
    const totals = await totalsOf(c.id);
    expect(totals.rows).toEqual([{ amount_fen: 70 }]);
  });

  it('lists bad records with index and reason and accepts the rest', async () => {
    const c = await createAssociatedCustomer(t, partnerId);
    const r = await ingestSpendBatch(t.ctx, [
      spendRecord(c.domainId, 100, '2026-03-02T01:00:00Z'),
      spendRecord(c.domainId, -5, '2026-03-02T01:00:00Z'),
      spendRecord('nobody', 5, '2026-03-02T01:00:00Z'),
      spendRecord(c.domainId, 5, 'yesterday'),
      { ...spendRecord(c.domainId, 5, '2026-03-02T01:00:00Z'), payment_kind: 'coupon' },
      'not an object',
    ]);
    expect(r.accepted).toBe(1);
    expect(r.rejected).toBe(5);
    expect(r.errors.map((e) => e.index)).toEqual([1, 2, 3, 4, 5]);
    expect(r.errors[1]?.reason).toContain('unknown customer');
  });

  it('books spend by its Asia/Shanghai month, keeps cash as eligible and the partner at the time of spend', async () => {
    const c = await createAssociatedCustomer(t, partnerId, { since: new Date('2026-02-01T00:00:00Z') });
    await ingestSpendBatch(t.ctx, [
      spendRecord(c.domainId, 700, '2026-02-28T16:30:00Z'), // 1 March 00:30 in Shanghai
      spendRecord(c.domainId, 300, '2026-01-31T15:00:00Z', { payment_kind: 'voucher' }), // before the association
    ]);
    const rows = await t.db.query<{ bill_cycle: string; partner_id: string | null; eligible_fen: number }>(
      'select bill_cycle, partner_id, eligible_fen from spend_records where customer_id = $1 order by spent_at',
      [c.id],
    );
    expect(rows.rows).toEqual([
      { bill_cycle: '2026-01', partner_id: null, eligible_fen: 0 },
      { bill_cycle: '2026-03', partner_id: partnerId, eligible_fen: 700 },
    ]);
  });

  it('stores text with backslashes, quotes, commas and non-ASCII as given (the batch is COPYed)', async () => {
    const c = await createAssociatedCustomer(t, partnerId);
    const odd = 'a\\b\\\\N "c", d\u00e9\u4e2d\u6587\\t';
    const r = await ingestSpendBatch(t.ctx, [
      spendRecord(c.domainId, 100, '2026-03-02T01:00:00Z', {
        record_id: `x\\N-${c.id}`,
        resource_name: odd,
        region_code: '\\N',
        product_name: odd,
        usage_amount: '1.5',
      }),
    ]);
    expect(r).toMatchObject({ accepted: 1, rejected: 0 });
    const rows = await t.db.query<{
      record_id: string;
      resource_name: string;
      region_code: string | null;
      resource_id: string | null;
      detail: Record<string, unknown>;
    }>(
      'select record_id, resource_name, region_code, resource_id, detail from spend_records where customer_id = $1',
      [c.id],
    );
    expect(rows.rows).toEqual([
      {
        record_id: `x\\N-${c.id}`,
        resource_name: odd,
        region_code: '\\N',
        resource_id: null,
        detail: { product_name: odd, usage_amount: 1.5 },
      },
    ]);
  });
});
