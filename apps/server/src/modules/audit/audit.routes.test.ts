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
import { systemActor } from '../../platform/context.ts';

describe('console audit log', () => {
  let t: TestApp;
  let partner: PartnerWithAdmin;
  let asReviewer: AsUser;
  let asPartner: AsUser;

  beforeAll(async () => {
    t = await createTestApp();
    partner = await createPartnerWithAdmin(t);
    const reviewer = await createOperator(t, ['reviewer']);
    asReviewer = asUser(t, await signIn(t, reviewer.user.email, reviewer.password));
    asPartner = asUser(t, await signIn(t, partner.user.email, partner.password));
    // Five changes to one entity, three of them in the same millisecond (paging must not skip ties).
    for (let i = 0; i < 5; i++) {
      if (i < 3) t.clock.advance(1000);
      await t.ctx.db.transaction((tx) =>
        t.ctx.audit.record(
          tx,
          { ...systemActor('req-audit-test'), partnerId: partner.partner.id },
          {
            action: i % 2 ? 'widget.update' : 'widget.create',
            entityType: 'widget',
            entityId: 'wid_1',
            before: i ? { n: i - 1 } : null,
            after: { n: i },
          },
        ),
      );
    }
  }, 240_000);
  afterAll(() => t.close());

  it('is for operators only', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/console/audit' })).statusCode).toBe(401);
    const res = await asPartner({ method: 'GET', url: '/api/console/audit' });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('common.forbidden');
  });

  it('shows who did what, when, before and after, newest first', async () => {
    const res = await asReviewer({ method: 'GET', url: '/api/console/audit?entityType=widget&limit=1' });
    expect(res.statusCode).toBe(200);
    const [item] = res.json().items;
    // The last three share a millisecond; any of them may come first.
    expect(item).toMatchObject({
      actorType: 'system',
      actorId: null,
      partnerId: partner.partner.id,
      entityType: 'widget',
      entityId: 'wid_1',
      requestId: 'req-audit-test',
    });
    expect(item.after.n).toBeGreaterThanOrEqual(2);
    expect(item.before).toEqual({ n: item.after.n - 1 });
    expect(item.action).toBe(item.after.n % 2 ? 'widget.update' : 'widget.create');
    expect(item.at).toBe(t.clock.now().toISOString());
  });

  it('pages through ties without skipping or repeating', async () => {
    const seen: number[] = [];
    let before: string | null = null;
    do {
      const url: string = `/api/console/audit?entityId=wid_1&limit=2${before ? `&before=${before}` : ''}`;
      const page = (await asReviewer({ method: 'GET', url })).json();
      seen.push(...page.items.map((i: { after: { n: number } }) => i.after.n));
      before = page.nextBefore;
    } while (before);
    expect(seen.sort()).toEqual([0, 1, 2, 3, 4]);
  });

  it('filters by partner, entity and action', async () => {
    const q = (s: string) =>
      asReviewer({ method: 'GET', url: `/api/console/audit?${s}` }).then((r) => r.json().items);
    expect(await q('action=widget.update')).toHaveLength(2);
    const mine = await q(`partnerId=${partner.partner.id}&limit=200`);
    expect(mine.some((i: { action: string }) => i.action.startsWith('partner.'))).toBe(true);
    expect(mine.every((i: { partnerId: string }) => i.partnerId === partner.partner.id)).toBe(true);
    expect(await q('entityType=widget&entityId=wid_2')).toEqual([]);
  });

  it('refuses bad input', async () => {
    const bad = await asReviewer({ method: 'GET', url: '/api/console/audit?before=xyz' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'common.validation', details: { field: 'before' } });
    expect((await asReviewer({ method: 'GET', url: '/api/console/audit?limit=0' })).statusCode).toBe(400);
    expect((await asReviewer({ method: 'GET', url: '/api/console/audit?who=me' })).statusCode).toBe(400);
  });
});

describe('console audit log: names, date range, actor and CSV export', () => {
  let t: TestApp;
  let partner: PartnerWithAdmin;
  let asAdmin: AsUser;
  let adminId: string;
  let adminEmail: string;
  let adminName: string;

  beforeAll(async () => {
    t = await createTestApp();
    // 2026-03-31 23:30 in Shanghai is 15:30 UTC: it belongs to the 31st there, not to April.
    t.clock.set(new Date('2026-03-31T15:30:00Z'));
    partner = await createPartnerWithAdmin(t, { name: '审计伙伴, "Audit" Co.' });
    const admin = await createOperator(t, ['admin']);
    adminId = admin.user.id;
    adminEmail = admin.user.email;
    adminName = admin.user.name;
    asAdmin = asUser(t, await signIn(t, admin.user.email, admin.password));
    t.clock.set(new Date('2026-04-01T01:00:00Z'));
    const suspend = await asAdmin({
      method: 'POST',
      url: `/api/console/partners/${partner.partner.id}/suspend`,
      payload: { reason: '=SUM(A1) 资料过期' },
    });
    expect(suspend.statusCode).toBe(200);
  }, 240_000);
  afterAll(() => t.close());

  it('names the actor, the action in the reader’s language and the target', async () => {
    const url = `/api/console/audit?entityId=${partner.partner.id}&action=partner.suspended`;
    const [zh] = (await asAdmin({ method: 'GET', url, headers: { 'x-language': 'zh-CN' } })).json().items;
    expect(zh).toMatchObject({
      actorId: adminId,
      actionLabel: '暂停伙伴',
      entityTypeLabel: '伙伴',
      entityName: '审计伙伴, "Audit" Co.',
      partnerName: '审计伙伴, "Audit" Co.',
    });
    expect(zh.actorName).toBeTruthy();
    expect(zh.actorEmail).toMatch(/@/);
    const [en] = (await asAdmin({ method: 'GET', url, headers: { 'x-language': 'en-US' } })).json().items;
    expect(en.actionLabel).toBe('Partner suspended');
    const actions = (await asAdmin({ method: 'GET', url: '/api/console/audit/actions' })).json().items;
    expect(actions.length).toBeGreaterThan(100);
  });

  it('filters by Asia/Shanghai days and by actor', async () => {
    const q = (s: string) =>
      asAdmin({ method: 'GET', url: `/api/console/audit?partnerId=${partner.partner.id}&${s}` }).then(
        (r) => r.json().items as { action: string }[],
      );
    expect((await q('from=2026-03-31&to=2026-03-31')).map((i) => i.action).sort()).toEqual([
      'partner.registered',
      'user.created',
    ]);
    expect((await q('from=2026-04-01')).map((i) => i.action)).toEqual(['partner.suspended']);
    expect(await q('to=2026-03-30')).toEqual([]);
    expect((await q(`actorId=${adminId}`)).map((i) => i.action)).toEqual(['partner.suspended']);
    // The actor search: part of the name or email, any case; LIKE's wildcards are taken literally.
    const part = (x: string) => encodeURIComponent(x.slice(1, -1).toUpperCase());
    expect((await q(`actor=${part(adminEmail)}`)).map((i) => i.action)).toEqual(['partner.suspended']);
    expect((await q(`actor=${part(adminName)}`)).map((i) => i.action)).toEqual(['partner.suspended']);
    expect(await q('actor=nobody-like-this')).toEqual([]);
    expect(await q('actor=%25')).toEqual([]);
    const bad = await asAdmin({ method: 'GET', url: '/api/console/audit?from=2026-13-45' });
    expect(bad.statusCode).toBe(400);
  });

  it('exports the filtered log as CSV with a BOM, Shanghai times and names', async () => {
    const res = await asAdmin({
      method: 'GET',
      url: `/api/console/audit/export?partnerId=${partner.partner.id}`,
      headers: { 'x-language': 'zh-CN' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="audit-log-\d{8}\.csv"$/);
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = res.body
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toContain('时间（北京时间 UTC+8）');
    expect(lines).toHaveLength(4); // header, the suspension, the admin user and the registration
    expect(lines[1]).toMatch(/^2026-04-01 09:00:00,/);
    expect(lines[1]).toContain('暂停伙伴,partner.suspended,伙伴');
    expect(lines[1]).toContain('"审计伙伴, ""Audit"" Co."');
    // The reason sits inside the JSON cell, which starts with a quote: a spreadsheet never runs it.
    expect(lines[1]).toContain('""reason"":""=SUM(A1) 资料过期""');
    expect(lines[3]).toMatch(/^2026-03-31 23:30:00,/);
  });

  it('streams a log larger than one batch', async () => {
    const { exportAuditCsv } = await import('./audit.service.ts');
    const { Readable } = await import('node:stream');
    const file = exportAuditCsv(t.ctx, { partnerId: partner.partner.id }, 'en-US', 1);
    expect(file.stream).toBeInstanceOf(Readable);
    const chunks: Buffer[] = [];
    for await (const c of file.stream) chunks.push(c as Buffer);
    expect(chunks.length).toBe(4); // header, then one row per batch of one
    expect(Buffer.concat(chunks).toString('utf8')).toContain('Partner suspended');
  });
});
