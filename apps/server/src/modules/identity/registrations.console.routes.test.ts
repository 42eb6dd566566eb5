import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  asUser,
  createOperator,
  createPartnerWithAdmin,
  createTestApp,
  signIn,
  type TestApp,
} from '../../../test/index.ts';
import { seedDemo } from '../../demo/seed.ts';

describe('console registrations', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('lists the newest registration first, above the demo partners, and pages without gaps', async () => {
    await seedDemo(t.ctx);
    t.clock.advance(60_000);
    const fresh = await createPartnerWithAdmin(t, { name: 'Newest Co' });
    const op = await createOperator(t, ['reviewer']);
    const as = asUser(t, await signIn(t, op.user.email, op.password));
    const first = await as({ method: 'GET', url: '/api/console/partners?limit=2' });
    expect(first.statusCode).toBe(200);
    expect(first.json().items[0].id).toBe(fresh.partner.id);
    const seen = new Set<string>(first.json().items.map((p: { id: string }) => p.id));
    let before = first.json().nextBefore as string | null;
    while (before) {
      const page = await as({ method: 'GET', url: `/api/console/partners?limit=2&before=${before}` });
      for (const p of page.json().items as { id: string }[]) {
        expect(seen.has(p.id)).toBe(false);
        seen.add(p.id);
      }
      before = page.json().nextBefore;
    }
    expect(seen.size).toBe(4);
  });
});
