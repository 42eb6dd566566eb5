import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AsUser,
  asUser,
  createOperator,
  createPartnerWithAdmin,
  type PartnerWithAdmin,
  signIn,
} from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/index.ts';

async function sendInApp(t: TestApp, userId: string, title: string, key: string) {
  await t.ctx.db.transaction((tx) =>
    t.ctx.notifier.notify(tx, {
      template: 'common.notice',
      locale: 'en-US',
      to: { userId },
      channels: ['in_app'],
      data: { name: 'You', title, text: `About ${title}`, link: '/billing' },
      idempotencyKey: key,
    }),
  );
}

describe('message centre', () => {
  let t: TestApp;
  let a: PartnerWithAdmin;
  let b: PartnerWithAdmin;
  let asA: AsUser;
  let asB: AsUser;
  let bMessageId: string;

  beforeAll(async () => {
    t = await createTestApp();
    // English readers: messages are shown in the reader's language.
    a = await createPartnerWithAdmin(t, { locale: 'en-US' });
    b = await createPartnerWithAdmin(t, { locale: 'en-US' });
    asA = asUser(t, await signIn(t, a.user.email, a.password));
    asB = asUser(t, await signIn(t, b.user.email, b.password));
    for (let i = 1; i <= 3; i++) {
      t.clock.advance(1000);
      await sendInApp(t, a.user.id, `A${i}`, `msg:a${i}`);
    }
    await sendInApp(t, b.user.id, 'B1', 'msg:b1');
    const listB = await asB({ method: 'GET', url: '/api/messages' });
    bMessageId = listB.json().items[0].id;
  });
  afterAll(() => t.close());

  it('needs a signed-in user', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/messages' });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('common.unauthenticated');
    expect((await t.app.inject({ method: 'GET', url: '/api/messages/unread-count' })).statusCode).toBe(401);
  });

  it('lists only my messages, newest first, in pages', async () => {
    const first = await asA({ method: 'GET', url: '/api/messages?limit=2' });
    expect(first.statusCode).toBe(200);
    const page1 = first.json();
    expect(page1.items.map((m: { title: string }) => m.title)).toEqual([
      '[Partner Center] A3',
      '[Partner Center] A2',
    ]);
    expect(page1.items[0]).toMatchObject({
      body: expect.stringContaining('About A3'),
      link: '/billing',
      readAt: null,
    });
    expect(page1.unreadCount).toBe(3);
    const second = (
      await asA({ method: 'GET', url: `/api/messages?limit=2&cursor=${page1.nextCursor}` })
    ).json();
    expect(second.items.map((m: { title: string }) => m.title)).toEqual(['[Partner Center] A1']);
    expect(second.nextCursor).toBeNull();
  });

  it("shows each message in the reader's language, with today's public URL", async () => {
    const zh = await asA({ method: 'GET', url: '/api/messages?limit=1', headers: { 'x-language': 'zh-CN' } });
    expect(zh.json().items[0]).toMatchObject({ title: '【合作伙伴中心】A3', link: '/billing' });
    expect(zh.json().items[0].body).toMatch(/^您好，You：/);
    const en = await asA({ method: 'GET', url: '/api/messages?limit=1', headers: { 'x-language': 'en-US' } });
    expect(en.json().items[0].title).toBe('[Partner Center] A3');
    const before = t.ctx.config.publicUrl;
    try {
      (t.ctx.config as { publicUrl: string }).publicUrl = 'https://partners.example.com';
      const moved = await asA({
        method: 'GET',
        url: '/api/messages?limit=1',
        headers: { 'x-language': 'en-US' },
      });
      expect(moved.json().items[0].body).toMatch(/\nhttps:\/\/partners\.example\.com$/);
      expect(moved.json().items[0].body).not.toContain(before);
    } finally {
      (t.ctx.config as { publicUrl: string }).publicUrl = before;
    }
  });

  it('cannot read or mark another user’s message', async () => {
    const res = await asA({ method: 'POST', url: `/api/messages/${bMessageId}/read` });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('common.not_found');
    expect((await asB({ method: 'GET', url: '/api/messages/unread-count' })).json()).toEqual({ count: 1 });
    const listA = (await asA({ method: 'GET', url: '/api/messages?limit=100' })).json();
    expect(listA.items.some((m: { id: string }) => m.id === bMessageId)).toBe(false);
  });

  it('marks one read, then all, and audits it', async () => {
    const list = (await asA({ method: 'GET', url: '/api/messages' })).json();
    const id = list.items[0].id;
    const res = await asA({ method: 'POST', url: `/api/messages/${id}/read` });
    expect(res.json()).toEqual({ ok: true });
    expect((await asA({ method: 'POST', url: `/api/messages/${id}/read` })).statusCode).toBe(200);
    expect((await asA({ method: 'GET', url: '/api/messages/unread-count' })).json()).toEqual({ count: 2 });
    const unread = (await asA({ method: 'GET', url: '/api/messages?unread=true' })).json();
    expect(unread.items).toHaveLength(2);
    expect(unread.items.every((m: { readAt: string | null }) => m.readAt === null)).toBe(true);

    expect((await asA({ method: 'POST', url: '/api/messages/read-all' })).json()).toEqual({ count: 2 });
    expect((await asA({ method: 'GET', url: '/api/messages/unread-count' })).json()).toEqual({ count: 0 });
    expect((await asB({ method: 'GET', url: '/api/messages/unread-count' })).json()).toEqual({ count: 1 });

    const audit = await t.db.query<{ action: string; actor_id: string }>(
      `select action, actor_id from audit_log where action like 'message.%' order by action`,
    );
    expect(audit.rows).toEqual([
      { action: 'message.read', actor_id: a.user.id },
      { action: 'message.read_all', actor_id: a.user.id },
    ]);
  });

  it('works for operators too', async () => {
    const op = await createOperator(t, ['reviewer']);
    await sendInApp(t, op.user.id, 'Review queue', 'msg:op');
    const asOp = asUser(t, await signIn(t, op.user.email, op.password));
    expect((await asOp({ method: 'GET', url: '/api/messages/unread-count' })).json()).toEqual({ count: 1 });
  });

  it('refuses bad input and missing CSRF', async () => {
    const bad = await asA({ method: 'GET', url: '/api/messages?cursor=nonsense' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'common.validation', details: { field: 'cursor' } });
    expect((await asA({ method: 'GET', url: '/api/messages?limit=1000' })).statusCode).toBe(400);
    expect((await asA({ method: 'GET', url: '/api/messages?color=red' })).statusCode).toBe(400);
    const noCsrf = await asA({
      method: 'POST',
      url: '/api/messages/read-all',
      headers: { 'x-csrf-token': '' },
    });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().code).toBe('common.csrf');
  });
});
