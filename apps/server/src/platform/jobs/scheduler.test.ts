import { schema } from '@pc/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestApp, type TestApp } from '../../../test/index.ts';
import { assertCron, latestSlot, slotKey } from './cron.ts';
import { defineJob } from './job-definition.ts';
import { type BossJobQueue, createJobQueue } from './queue.ts';
import { createScheduler } from './scheduler.ts';
import { createWorker } from './worker.ts';

describe('cron slots in Asia/Shanghai', () => {
  it('finds the latest slot at or before an instant, in Shanghai wall-clock time', () => {
    // 00:00 on 1 December in Shanghai is 16:00 UTC on 30 November.
    expect(latestSlot('0 0 1 * *', new Date('2026-11-30T16:00:00Z')).toISOString()).toBe(
      '2026-11-30T16:00:00.000Z',
    );
    expect(latestSlot('0 0 1 * *', new Date('2026-11-30T15:59:59Z')).toISOString()).toBe(
      '2026-10-31T16:00:00.000Z',
    );
    expect(latestSlot('*/15 * * * *', new Date('2026-11-30T16:14:59Z')).toISOString()).toBe(
      '2026-11-30T16:00:00.000Z',
    );
  });

  it('refuses a bad cron when the queue starts', () => {
    expect(() => assertCron('x', '0 0 1 * *')).not.toThrow();
    expect(() => assertCron('x', '0 0 32 * *')).toThrow('job x: invalid cron');
    expect(() => assertCron('x', '0 0 0 1 * *')).toThrow('five fields');
  });

  it('names a slot deterministically', () => {
    expect(slotKey('billing.close', new Date('2026-11-30T16:00:00Z'))).toBe(
      'billing.close:2026-12-01T00:00+08:00',
    );
  });
});

describe('scheduler', () => {
  let t: TestApp;
  let queue: BossJobQueue;
  const runs: string[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    queue = await createJobQueue(t.db, {
      defs: [
        defineJob({
          name: 'test.monthly',
          payload: z.strictObject({ slot: z.string() }),
          cron: '0 0 1 * *',
          catchUpMinutes: 120,
          retryLimit: 0,
          retryBackoff: false,
          async handler(_ctx, { slot }) {
            runs.push(slot);
          },
        }),
      ],
    });
  });
  afterAll(async () => {
    await queue.stop();
    await t.close();
  });

  it('enqueues a due slot once, however often and however concurrently it ticks', async () => {
    const scheduler = createScheduler(t.ctx, queue);
    const worker = createWorker(t.ctx, queue);
    expect(await scheduler.tick(new Date('2026-11-30T15:59:00Z'))).toEqual([]); // November's slot is too old
    const at = new Date('2026-11-30T16:00:30Z');
    const results = await Promise.all([scheduler.tick(at), scheduler.tick(at), scheduler.tick(at)]);
    expect(results.flat()).toEqual(['test.monthly:2026-12-01T00:00+08:00']);
    // Later ticks within the catch-up window find the slot taken.
    expect(await scheduler.tick(new Date('2026-11-30T17:00:00Z'))).toEqual([]);
    expect(await worker.drain()).toBe(1);
    expect(runs).toEqual(['2026-11-30T16:00:00.000Z']);
    const slots = await t.ctx.db.select().from(schema.jobSlots);
    expect(slots).toMatchObject([{ key: 'test.monthly:2026-12-01T00:00+08:00', name: 'test.monthly' }]);
    expect(slots[0]?.jobId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('catches up a slot missed while stopped, within the window only', async () => {
    const scheduler = createScheduler(t.ctx, queue);
    // January's slot, seen 90 minutes late (e.g. after a restart): still run.
    expect(await scheduler.tick(new Date('2026-12-31T17:30:00Z'))).toEqual([
      'test.monthly:2027-01-01T00:00+08:00',
    ]);
    // February's, seen three hours late: past the window, skipped.
    expect(await scheduler.tick(new Date('2027-01-31T19:00:00Z'))).toEqual([]);
  });
});
