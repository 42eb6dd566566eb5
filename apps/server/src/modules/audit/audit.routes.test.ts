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
  });
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
