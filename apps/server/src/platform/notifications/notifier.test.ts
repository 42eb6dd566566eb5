import { schema } from '@pc/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestDb, type TestApp } from '../../../test/index.ts';
import { startSmtp } from '../../../test/smtp.ts';
import { buildApp } from '../../app.ts';
import { testConfig } from '../../config.ts';
import { TestClock } from '../clock/clock.ts';
import type { NotifyInput } from '../context.ts';
import { type JobRuntime, startJobRuntime } from '../jobs/runtime.ts';
import { messageIdOf } from './email.ts';
import { DELIVER_JOB } from './notifier.ts';
import type { SmsProvider } from './sms.ts';

const notice = (over: Partial<NotifyInput> = {}): NotifyInput => ({
  template: 'common.notice',
  locale: 'zh-CN',
  to: { userId: 'usr_notice', email: 'ann@partner.test', phone: '+8613800000001', partnerId: 'prt_1' },
  channels: ['email'],
  data: { name: '安', title: '系统维护', text: '今晚 22:00 维护' },
  idempotencyKey: `notice:${Math.random()}`,
  ...over,
});

describe('notifier over real SMTP', () => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let runtime: JobRuntime;

  beforeAll(async () => {
    smtp = await startSmtp();
    t = await createTestApp({ config: { smtpUrl: `smtp://127.0.0.1:${smtp.port}` } });
    runtime = await startJobRuntime(t.ctx, []);
  });
  afterAll(async () => {
    await runtime.stop();
    await t.close();
    await smtp.close();
  });

  const rows = (recipient: string) =>
    t.ctx.db.select().from(schema.notifications).where(eq(schema.notifications.recipient, recipient));

  it('sends the template in the recipient language, zh-CN and en-US', async () => {
    await t.ctx.db.transaction((tx) =>
      t.ctx.notifier.notify(tx, notice({ to: { email: 'zh@partner.test' } })),
    );
    await t.ctx.db.transaction((tx) =>
      t.ctx.notifier.notify(
        tx,
        notice({
          locale: 'en-US',
          to: { email: 'en@partner.test' },
          data: { name: 'Ann', title: 'Maintenance', text: 'Tonight at 22:00' },
        }),
      ),
    );
    const [pending] = await rows('zh@partner.test');
    expect(pending).toMatchObject({ status: 'pending', attempts: 0, channel: 'email' });

    await runtime.drain();
    const zh = smtp.mails.find((m) => m.to.includes('zh@partner.test'));
    const en = smtp.mails.find((m) => m.to.includes('en@partner.test'));
    expect(zh?.subject).toBe('【合作伙伴中心】系统维护');
    expect(zh?.text).toContain('您好，安：');
    expect(zh?.text).toContain('今晚 22:00 维护');
    expect(en?.subject).toBe('[Partner Center] Maintenance');
    expect(en?.text).toContain('Hello Ann,');
    expect(en?.text).toContain('http://localhost:3000');

    const [sent] = await rows('zh@partner.test');
    expect(sent).toMatchObject({ status: 'sent', attempts: 1, provider: 'smtp', lastError: null });
    expect(sent?.providerId).toBe(messageIdOf(sent!, t.ctx.config.mailFrom));
    expect(sent?.providerId).toMatch(new RegExp(`^<${sent?.id}\\.[0-9a-f]{16}@partner-center\\.local>$`));
    expect(zh?.messageId).toBe(sent?.providerId);
    expect(sent?.sentAt).toBeInstanceOf(Date);
  });

  it('keeps no verification code once a real provider has the message', async () => {
    await t.ctx.db.transaction((tx) =>
      t.ctx.notifier.notify(
        tx,
        notice({
          template: 'identity.email_code',
          to: { email: 'code@partner.test' },
          data: { name: '安', code: '483920', minutes: 10 },
        }),
      ),
    );
    const [before] = await rows('code@partner.test');
    expect(before?.body).toContain('483920'); // kept until delivered, for retries
    await runtime.drain();
    expect(smtp.mails.find((m) => m.to.includes('code@partner.test'))?.text).toContain('483920');
    const [after] = await rows('code@partner.test');
    expect(after?.status).toBe('sent');
    expect(JSON.stringify(after)).not.toContain('483920');
    expect(after?.body).toContain('******');
    expect(after?.subject).toContain('******');
  });

  it('never sends twice: not for a re-run of the job, not for a repeated notify', async () => {
    const input = notice({ to: { email: 'once@partner.test' }, idempotencyKey: 'notice:once' });
    await t.ctx.db.transaction((tx) => t.ctx.notifier.notify(tx, input));
    await t.ctx.db.transaction((tx) => t.ctx.notifier.notify(tx, input));
    expect(await rows('once@partner.test')).toHaveLength(1);
    await runtime.drain();
    const [row] = await rows('once@partner.test');
    // The job runs again (a lost acknowledgement, a manual retry): the record says it was sent.
    await t.ctx.jobs.send(DELIVER_JOB, { notificationId: row?.id ?? '' });
    expect(await runtime.drain()).toBe(1);
    expect(smtp.mails.filter((m) => m.to.includes('once@partner.test'))).toHaveLength(1);
    const [after] = await rows('once@partner.test');
    expect(after).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('sends a resend with the same Message-ID (a delivery cut off before its status was saved)', async () => {
    const input = notice({ to: { email: 'resend@partner.test' }, idempotencyKey: 'notice:resend' });
    await t.ctx.db.transaction((tx) => t.ctx.notifier.notify(tx, input));
    await runtime.drain();
    const [row] = await rows('resend@partner.test');
    // As after a kill -9 between the SMTP server's acceptance and the status update: still to send.
    await t.ctx.db
      .update(schema.notifications)
      .set({ status: 'pending' })
      .where(eq(schema.notifications.id, row?.id ?? ''));
    await t.ctx.jobs.send(DELIVER_JOB, { notificationId: row?.id ?? '' });
    await runtime.drain();
    const mails = smtp.mails.filter((m) => m.to.includes('resend@partner.test'));
    expect(mails).toHaveLength(2);
    const id = messageIdOf({ id: row!.id, idempotencyKey: 'notice:resend:email' }, t.ctx.config.mailFrom);
    expect(mails.map((m) => m.messageId)).toEqual([id, id]);
    // Another notification to the same address has another Message-ID.
    await t.ctx.db.transaction((tx) =>
      t.ctx.notifier.notify(
        tx,
        notice({ to: { email: 'resend@partner.test' }, idempotencyKey: 'notice:other' }),
      ),
    );
    await runtime.drain();
    const all = smtp.mails.filter((m) => m.to.includes('resend@partner.test')).map((m) => m.messageId);
    expect(new Set(all).size).toBe(2);
  });

  it('records nothing when the caller rolls back', async () => {
    await expect(
      t.ctx.db.transaction(async (tx) => {
        await t.ctx.notifier.notify(tx, notice({ to: { email: 'rolled@partner.test' } }));
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await rows('rolled@partner.test')).toHaveLength(0);
    expect(await runtime.drain()).toBe(0);
  });

  it('refuses a template placeholder without a value instead of sending it', async () => {
    await expect(
      t.ctx.db.transaction((tx) => t.ctx.notifier.notify(tx, notice({ data: { name: 'x', title: 'y' } }))),
    ).rejects.toThrow('no value for {text}');
  });
});

describe('notifier without SMTP, with SMS and in-app', () => {
  let t: TestApp;
  let runtime: JobRuntime;
  beforeAll(async () => {
    t = await createTestApp();
    runtime = await startJobRuntime(t.ctx, []);
  });
  afterAll(async () => {
    await runtime.stop();
    await t.close();
  });

  it('records email and SMS (readable later) and delivers the in-app message', async () => {
    await t.ctx.db.transaction((tx) =>
      t.ctx.notifier.notify(
        tx,
        notice({
          to: { userId: 'usr_all', email: 'all@partner.test', phone: '+8613800000002' },
          channels: ['email', 'sms', 'in_app'],
        }),
      ),
    );
    // The in-app record is delivered by the write itself: no job for it.
    const queued = await t.db.query<{ channel: string; status: string }>(
      `select n.channel, n.status from notifications n
       left join pgboss.job j on j.name = 'notifications.deliver' and j.data->>'notificationId' = n.id
       where (j.id is not null) = (n.channel <> 'in_app') order by 1`,
    );
    expect(queued.rows).toEqual([
      { channel: 'email', status: 'pending' },
      { channel: 'in_app', status: 'delivered' },
      { channel: 'sms', status: 'pending' },
    ]);
    await runtime.drain();
    const all = await t.ctx.db.select().from(schema.notifications);
    const by = (c: string) => all.find((r) => r.channel === c);
    expect(by('email')).toMatchObject({
      status: 'recorded',
      provider: 'record',
      subject: '【合作伙伴中心】系统维护',
    });
    expect(by('sms')).toMatchObject({
      status: 'recorded',
      provider: 'record',
      body: '【合作伙伴中心】系统维护：今晚 22:00 维护',
    });
    expect(by('sms')?.providerId).toMatch(/^rec_/);
    expect(by('in_app')).toMatchObject({ status: 'delivered', recipient: 'usr_all' });
    const msgs = await t.ctx.db
      .select()
      .from(schema.inAppMessages)
      .where(eq(schema.inAppMessages.userId, 'usr_all'));
    expect(msgs).toHaveLength(1);
    expect(msgs[0]).toMatchObject({
      title: '【合作伙伴中心】系统维护',
      notificationId: by('in_app')?.id,
      readAt: null,
    });
  });
});

describe('recording providers keep no code in the database', () => {
  let t: TestApp;
  let runtime: JobRuntime;
  beforeAll(async () => {
    t = await createTestApp();
    runtime = await startJobRuntime(t.ctx, []);
  });
  afterAll(async () => {
    await runtime.stop();
    await t.close();
  });

  it('masks the code once recorded; only the process memory (tests, demo tools) has it', async () => {
    await t.ctx.db.transaction((tx) =>
      t.ctx.notifier.notify(
        tx,
        notice({
          template: 'identity.email_code',
          to: { email: 'rec@partner.test', phone: '+8613800000009' },
          channels: ['email', 'sms'],
          data: { name: '安', code: '902211', minutes: 10 },
        }),
      ),
    );
    await runtime.drain();
    const all = await t.ctx.db.select().from(schema.notifications);
    expect(all.map((r) => r.status)).toEqual(['recorded', 'recorded']);
    expect(JSON.stringify(all)).not.toContain('902211');
    const kept = t.ctx.notifier.recorded().filter((m) => m.template === 'identity.email_code');
    expect(kept.map((m) => [m.channel, m.to]).sort()).toEqual([
      ['email', 'rec@partner.test'],
      ['sms', '+8613800000009'],
    ]);
    expect(kept.every((m) => m.text.includes('902211'))).toBe(true);
  });
});

/** The test app with another SMS provider (createTestApp has no seam for it). */
async function appWithSms(sms: SmsProvider): Promise<TestApp> {
  const db = await createTestDb();
  const clock = new TestClock();
  const app = await buildApp({ config: testConfig(), database: db, clock, sms });
  await app.ready();
  return {
    app,
    ctx: app.ctx,
    db,
    clock,
    close: async () => {
      await app.close();
      await db.close();
    },
  };
}

describe('notifier when a gateway echoes the message in its error', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await appWithSms({
      name: 'echo-gateway',
      async send({ text }) {
        throw new Error(`refused: ${text}`);
      },
    });
  });
  afterAll(() => t.close());

  it('stores and rethrows (for the job log) the error with the code masked', async () => {
    await t.ctx.db.transaction((tx) =>
      t.ctx.notifier.notify(
        tx,
        notice({
          template: 'identity.email_code',
          to: { phone: '+8613800000010' },
          channels: ['sms'],
          data: { name: '安', code: '730019', minutes: 10 },
        }),
      ),
    );
    const [row] = await t.ctx.db.select().from(schema.notifications);
    const err = await t.ctx.notifier.deliver(row?.id ?? '').catch((e: Error) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toContain('refused: ');
    expect((err as Error).message).not.toContain('730019');
    const [after] = await t.ctx.db.select().from(schema.notifications);
    expect(after).toMatchObject({ status: 'retrying' });
    expect(after?.lastError).toContain('******');
    expect(after?.lastError).not.toContain('730019');
  });
});

describe('notifier when a worker died mid-send', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('leaves a fresh claim alone and takes over a stale one', async () => {
    await t.ctx.db.transaction((tx) =>
      t.ctx.notifier.notify(
        tx,
        notice({ to: { email: 'stale@partner.test' }, idempotencyKey: 'notice:stale' }),
      ),
    );
    const [row] = await t.ctx.db.select().from(schema.notifications);
    const id = row?.id ?? '';
    // An attempt claimed it, then its process died before recording the result.
    await t.ctx.db
      .update(schema.notifications)
      .set({ status: 'sending', attempts: 1, claimedAt: t.clock.now() })
      .where(eq(schema.notifications.id, id));
    await expect(t.ctx.notifier.deliver(id)).rejects.toThrow('is being sent by another attempt');
    t.clock.advance(11 * 60_000);
    await t.ctx.notifier.deliver(id);
    const [after] = await t.ctx.db.select().from(schema.notifications);
    expect(after).toMatchObject({ status: 'recorded', attempts: 2 });
    await t.ctx.notifier.deliver(id);
    expect((await t.ctx.db.select().from(schema.notifications))[0]).toMatchObject({ attempts: 2 });
  });
});

describe('notifier with a failing SMS gateway', () => {
  let t: TestApp;
  let runtime: JobRuntime;
  let failures = 1;
  const sent: string[] = [];

  beforeAll(async () => {
    t = await appWithSms({
      name: 'test-gateway',
      async send({ to, text }) {
        if (failures-- > 0) throw new Error('gateway timeout');
        sent.push(`${to}:${text}`);
        return { providerId: `gw-${sent.length}` };
      },
    });
    runtime = await startJobRuntime(t.ctx, []);
  });
  afterAll(async () => {
    await runtime.stop();
    await t.close();
  });

  it('records the failure, retries with backoff, then sends once', async () => {
    await t.ctx.db.transaction((tx) =>
      t.ctx.notifier.notify(tx, notice({ to: { phone: '+8613800000003' }, channels: ['sms'] })),
    );
    await runtime.drain();
    const [failed] = await t.ctx.db.select().from(schema.notifications);
    expect(failed).toMatchObject({
      status: 'retrying',
      attempts: 1,
      provider: 'test-gateway',
      lastError: 'gateway timeout',
    });
    expect(sent).toHaveLength(0);

    // The retry waits (backoff): nothing is due yet.
    const jobs = await t.db.query<{ state: string; retry_count: number; due: boolean }>(
      `select state, retry_count, start_after > now() + interval '5 seconds' as due from pgboss.job where name = $1`,
      [DELIVER_JOB],
    );
    expect(jobs.rows).toEqual([{ state: 'retry', retry_count: 0, due: true }]);
    expect(await runtime.drain()).toBe(0);

    // Time passes (pg-boss keeps its schedule on the database clock).
    await t.db.query(`update pgboss.job set start_after = now() - interval '1 second' where name = $1`, [
      DELIVER_JOB,
    ]);
    expect(await runtime.drain()).toBe(1);
    const [ok] = await t.ctx.db.select().from(schema.notifications);
    expect(ok).toMatchObject({ status: 'sent', attempts: 2, providerId: 'gw-1', lastError: null });
    expect(sent).toEqual(['+8613800000003:【合作伙伴中心】系统维护：今晚 22:00 维护']);
  });
});
