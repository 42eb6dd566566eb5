import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AsUser,
  asUser,
  createOperator,
  createPartnerWithAdmin,
  signIn,
} from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/index.ts';
import { type JobRuntime, startJobRuntime } from '../../platform/jobs/runtime.ts';

describe('console outbox', () => {
  let t: TestApp;
  let runtime: JobRuntime;
  let asSupport: AsUser;
  let asAdmin: AsUser;
  let asFinance: AsUser;
  let asPartner: AsUser;

  beforeAll(async () => {
    t = await createTestApp();
    runtime = await startJobRuntime(t.ctx, []);
    const p = await createPartnerWithAdmin(t);
    const as = async (roles: Parameters<typeof createOperator>[1]) => {
      const op = await createOperator(t, roles);
      return asUser(t, await signIn(t, op.user.email, op.password));
    };
    asSupport = await as(['support']);
    asAdmin = await as(['admin']);
    asFinance = await as(['finance', 'reviewer']);
    asPartner = asUser(t, await signIn(t, p.user.email, p.password));
    for (let i = 1; i <= 3; i++) {
      t.clock.advance(1000);
      await t.ctx.db.transaction((tx) =>
        t.ctx.notifier.notify(tx, {
          template: 'common.notice',
          locale: i === 3 ? 'en-US' : 'zh-CN',
          to: { userId: 'usr_outbox', email: 'outbox@partner.test', phone: '+8613800000009' },
          channels: ['email', 'sms'],
          data: { name: 'Ann', title: `T${i}`, text: `text ${i}` },
          idempotencyKey: `outbox:${i}`,
        }),
      );
    }
    await runtime.drain();
  });
  afterAll(async () => {
    await runtime.stop();
    await t.close();
  });

  it('is for support and admin operators only', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/console/outbox' })).statusCode).toBe(401);
    expect((await asPartner({ method: 'GET', url: '/api/console/outbox' })).statusCode).toBe(403);
    expect((await asFinance({ method: 'GET', url: '/api/console/outbox' })).statusCode).toBe(403);
    expect((await asAdmin({ method: 'GET', url: '/api/console/outbox' })).statusCode).toBe(200);
  });

  it('shows the recorded mail with its delivery record, newest first', async () => {
    const res = await asSupport({
      method: 'GET',
      url: '/api/console/outbox?channel=email&recipient=outbox@partner.test',
    });
    expect(res.statusCode).toBe(200);
    const { items } = res.json();
    expect(items).toHaveLength(3);
    expect(items[0]).toMatchObject({
      channel: 'email',
      template: 'common.notice',
      locale: 'en-US',
      recipient: 'outbox@partner.test',
      subject: '[Partner Center] T3',
      status: 'recorded',
      attempts: 1,
      provider: 'record',
      lastError: null,
    });
    expect(items[0].body).toContain('text 3');
    expect(items[0].providerId).toMatch(new RegExp(`^<${items[0].id}\\.[0-9a-f]{16}@`)); // stable Message-ID per notification
    expect(items[1].subject).toBe('【合作伙伴中心】T2');
  });

  it('filters SMS and pages', async () => {
    const first = (await asSupport({ method: 'GET', url: '/api/console/outbox?channel=sms&limit=2' })).json();
    expect(first.items.map((i: { body: string }) => i.body)).toEqual([
      '[Partner Center] T3: text 3',
      '【合作伙伴中心】T2：text 2',
    ]);
    const second = (
      await asSupport({
        method: 'GET',
        url: `/api/console/outbox?channel=sms&limit=2&before=${first.nextBefore}`,
      })
    ).json();
    expect(second.items.map((i: { body: string }) => i.body)).toEqual(['【合作伙伴中心】T1：text 1']);
    expect(second.nextBefore).toBeNull();
  });

  it('refuses unknown channels and fields', async () => {
    const bad = await asSupport({ method: 'GET', url: '/api/console/outbox?channel=fax' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'common.validation', details: { field: 'channel' } });
    expect((await asSupport({ method: 'GET', url: '/api/console/outbox?status=sent' })).statusCode).toBe(400);
  });
});
