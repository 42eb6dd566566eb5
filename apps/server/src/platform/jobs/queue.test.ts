import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTestApp, type TestApp } from '../../../test/index.ts';
import { defineJob, type JobDefinition } from './job-definition.ts';
import { type BossJobQueue, createJobQueue } from './queue.ts';
import { createWorker } from './worker.ts';

/** Jobs of this test only, on the test database's own queue. */
function testJobs(runs: string[], failFirst: Set<string>): JobDefinition[] {
  return [
    defineJob({
      name: 'test.echo',
      payload: z.strictObject({ value: z.string() }),
      retryLimit: 2,
      retryBackoff: true,
      retryDelaySeconds: 30,
      async handler(_ctx, { value }, run) {
        if (failFirst.delete(value)) throw new Error(`first run of ${value} fails`);
        runs.push(`${value}#${run.retryCount}`);
      },
    }),
  ];
}

describe('job queue', () => {
  let t: TestApp;
  let queue: BossJobQueue;
  const runs: string[] = [];
  const failFirst = new Set<string>();

  const jobRows = async (value: string) => {
    const r = await t.db.query<{ state: string; retry_count: number; later: boolean }>(
      `select state, retry_count, start_after > now() + interval '20 seconds' as later
       from pgboss.job where name = 'test.echo' and data->>'value' = $1`,
      [value],
    );
    return r.rows;
  };

  beforeAll(async () => {
    t = await createTestApp();
    queue = await createJobQueue(t.db, { defs: testJobs(runs, failFirst) });
  });
  afterAll(async () => {
    await queue.stop();
    await t.close();
  });

  it('enqueues in the caller transaction: committed with it', async () => {
    await t.ctx.db.transaction(async (tx) => {
      await tx.execute(sql`select 1`);
      const id = await queue.send('test.echo', { value: 'committed' }, { tx });
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
    });
    expect(await jobRows('committed')).toEqual([{ state: 'created', retry_count: 0, later: false }]);
  });

  it('enqueues in the caller transaction: gone when it rolls back', async () => {
    await expect(
      t.ctx.db.transaction(async (tx) => {
        await queue.send('test.echo', { value: 'rolled-back' }, { tx });
        expect(
          await tx.execute(
            sql`select count(*)::int as n from pgboss.job where data->>'value' = 'rolled-back'`,
          ),
        ).toMatchObject({
          rows: [{ n: 1 }],
        });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await jobRows('rolled-back')).toEqual([]);
  });

  it('refuses unknown jobs and payloads that do not match the schema', async () => {
    await expect(queue.send('test.nope', {})).rejects.toThrow('no job named test.nope');
    await expect(queue.send('test.echo', { value: 1 })).rejects.toThrow();
    await expect(queue.send('test.echo', { value: 'x', extra: true })).rejects.toThrow();
  });

  it('runs jobs, retries a failure with backoff, and keeps them across a restart', async () => {
    const worker = createWorker(t.ctx, queue);
    failFirst.add('flaky');
    await queue.send('test.echo', { value: 'flaky' });
    expect(await worker.drain()).toBe(2); // 'committed' and the failing 'flaky'
    expect(runs).toEqual(['committed#0']);
    // The retry is scheduled later (30 s doubled, with jitter), not run straight away.
    expect(await jobRows('flaky')).toEqual([{ state: 'retry', retry_count: 0, later: true }]);
    expect(await worker.drain()).toBe(0);

    // A restart: the queue is closed and a new one opens the same database; the job is still there.
    await queue.stop();
    queue = await createJobQueue(t.db, { defs: testJobs(runs, failFirst) });
    const restarted = createWorker(t.ctx, queue);
    await t.db.query(
      `update pgboss.job set start_after = now() - interval '1 second' where name = 'test.echo'`,
    );
    expect(await restarted.drain()).toBe(1);
    expect(runs).toEqual(['committed#0', 'flaky#1']);
    expect(await jobRows('flaky')).toEqual([{ state: 'completed', retry_count: 1, later: false }]);
  });

  it('gives up after retryLimit retries and keeps the error', async () => {
    const worker = createWorker(t.ctx, queue);
    const failing = defineJob({
      name: 'test.echo',
      payload: z.strictObject({ value: z.string() }),
      retryLimit: 1,
      retryBackoff: false,
      retryDelaySeconds: 0,
      async handler() {
        throw new Error('always');
      },
    });
    const q2 = await createJobQueue(t.db, { defs: [failing] });
    try {
      await q2.send('test.echo', { value: 'doomed' });
      await createWorker(t.ctx, q2).drain();
      await t.db.query(
        `update pgboss.job set start_after = now() - interval '1 second' where name = 'test.echo'`,
      );
      await createWorker(t.ctx, q2).drain();
      const r = await t.db.query<{ state: string; retry_count: number; output: { message: string } }>(
        `select state, retry_count, output from pgboss.job where data->>'value' = 'doomed'`,
      );
      expect(r.rows).toEqual([{ state: 'failed', retry_count: 1, output: { message: 'always' } }]);
      expect(await worker.drain()).toBe(0);
    } finally {
      await q2.stop();
    }
  });
});
