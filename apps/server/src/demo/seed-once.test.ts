import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestApp } from '../../test/index.ts';
import { MODULES } from '../modules/index.ts';
import { DEMO_MARKER, seedDemoOnce } from './seed.ts';

describe('demo data on start (seedDemoOnce)', () => {
  let t: TestApp;
  const dir = mkdtempSync(join(tmpdir(), 'pc-demo-marker-'));
  const demoUsers = async () =>
    Number(
      (await t.db.query<{ n: number }>(`select count(*)::int as n from users where email like '%.demo'`))
        .rows[0]?.n,
    );
  beforeAll(async () => {
    t = await createTestApp();
  }, 300_000);
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('seeds a data directory once, then skips while its marker matches; a changed version seeds again', async () => {
    await seedDemoOnce(t.ctx, dir);
    expect(await demoUsers()).toBeGreaterThan(0);
    const marker = readFileSync(join(dir, DEMO_MARKER), 'utf8');
    expect(marker).toMatch(/^[0-9a-f]{64}$/);

    const identity = MODULES.find((m) => m.name === 'identity');
    if (!identity) throw new Error('no identity module');
    const demo = vi.spyOn(identity, 'demo');
    try {
      // With the marker in place no module's demo data is looked at.
      await seedDemoOnce(t.ctx, dir);
      expect(demo).not.toHaveBeenCalled();
      // A marker of another version (new modules or migrations) seeds again and is renewed.
      writeFileSync(join(dir, DEMO_MARKER), 'older');
      await seedDemoOnce(t.ctx, dir);
      expect(demo).toHaveBeenCalledTimes(1);
      expect(readFileSync(join(dir, DEMO_MARKER), 'utf8')).toBe(marker);
      // Without a data directory (PostgreSQL) it seeds every time.
      await seedDemoOnce(t.ctx, undefined);
      expect(demo).toHaveBeenCalledTimes(2);
    } finally {
      demo.mockRestore();
    }
  }, 600_000);
});
