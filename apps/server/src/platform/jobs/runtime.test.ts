import { schema } from '@pc/db';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/index.ts';
import { TestClock } from '../clock/clock.ts';
import { type JobRuntime, startJobRuntime } from './runtime.ts';

describe('job runtime roles', () => {
  let t: TestApp;
  let runtime: JobRuntime;

  beforeAll(async () => {
    // 03:31 in Shanghai: the 03:30 slot of jobs.prune-slots is due.
    t = await createTestApp({ clock: new TestClock('2026-12-01T19:31:00Z'), config: { jobPollMs: 50 } });
    runtime = await startJobRuntime(t.ctx, ['worker', 'scheduler']);
  });
  afterAll(async () => {
    await runtime.stop();
    await t.close();
  });

  it('the scheduler enqueues the due slot on start and the worker runs it', async () => {
    await vi.waitFor(
      async () => {
        const r = await t.db.query<{ state: string }>(
          `select state from pgboss.job where name = 'jobs.prune-slots'`,
        );
        expect(r.rows).toEqual([{ state: 'completed' }]);
      },
      { timeout: 20_000, interval: 50 },
    );
    const slots = await t.ctx.db.select().from(schema.jobSlots);
    expect(slots.filter((s) => s.name === 'jobs.prune-slots').map((s) => s.key)).toEqual([
      'jobs.prune-slots:2026-12-02T03:30+08:00',
    ]);
  });

  it('the worker delivers notifications without being asked', async () => {
    await t.ctx.db.transaction((tx) =>
      t.ctx.notifier.notify(tx, {
        template: 'common.notice',
        locale: 'zh-CN',
        to: { email: 'poll@partner.test' },
        channels: ['email'],
        data: { name: '安', title: '通知', text: '内容' },
        idempotencyKey: 'runtime:poll',
      }),
    );
    await vi.waitFor(
      async () => {
        const [row] = await t.ctx.db.select().from(schema.notifications);
        expect(row?.status).toBe('recorded');
      },
      { timeout: 20_000, interval: 50 },
    );
  });
});
