import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asUser, createPartnerWithAdmin, getCsrf, signIn } from '../../../test/factories.ts';
import { createTestDb, type TestApp } from '../../../test/index.ts';
import { buildApp } from '../../app.ts';
import { type Config, testConfig } from '../../config.ts';
import { TestClock } from '../../platform/clock/clock.ts';
import { systemActor } from '../../platform/context.ts';
import { issueCertificate } from '../certificates/certificates.service.ts';
import { SettableClock } from './settable-clock.ts';

/** The app as main.ts builds it for a journey server: with the settable clock. */
async function appWith(config: Partial<Config>, clock: SettableClock): Promise<TestApp> {
  const db = await createTestDb();
  const app = await buildApp({ config: testConfig(config), database: db, clock });
  await app.ready();
  return {
    app,
    ctx: app.ctx,
    db,
    // Factories only read `now()`; the settable clock is the one the app uses.
    clock: new TestClock(clock.now()),
    close: async () => {
      await app.close();
      await db.close();
    },
  };
}

describe('test-only clock control', () => {
  let t: TestApp;
  let clock: SettableClock;

  beforeAll(async () => {
    clock = new SettableClock(() => Date.parse('2026-06-01T00:00:00Z'));
    t = await appWith({ clockControl: true }, clock);
  });
  afterAll(() => t.close());

  it('moves the clock and runs the schedule slots due at it', async () => {
    const p = await createPartnerWithAdmin(t);
    await t.ctx.db.transaction((tx) => issueCertificate(t.ctx, tx, p.partner.id, systemActor()));
    const anon = asUser(t, await getCsrf(t));
    const set = await anon({
      method: 'POST',
      url: '/api/test/clock',
      payload: { at: '2026-12-01T00:00:30+08:00' },
    });
    expect(set.statusCode).toBe(200);
    expect(set.json().now).toBe('2026-11-30T16:00:30.000Z');
    expect(t.ctx.clock.now().toISOString()).toBe('2026-11-30T16:00:30.000Z');
    const tick = await anon({ method: 'POST', url: '/api/test/scheduler/tick' });
    expect(tick.statusCode).toBe(200);
    expect(tick.json().enqueued).toContain('certificates.open-review:2026-12-01T00:00+08:00');
    expect(tick.json().ran).toBeGreaterThan(0);
    const asP = asUser(t, await signIn(t, p.user.email, p.password));
    const cert = await asP({ method: 'GET', url: '/api/certificate' });
    expect(cert.json().currentReview).toMatchObject({ cycleYear: 2026, status: 'open' });
    expect((await anon({ method: 'GET', url: '/api/test/clock' })).json().now).toBe(
      '2026-11-30T16:00:30.000Z',
    );
  });

  it('still needs the CSRF token and refuses unknown fields', async () => {
    const noCsrf = await t.app.inject({
      method: 'POST',
      url: '/api/test/clock',
      payload: { at: '2027-01-01T00:00:00Z' },
    });
    expect(noCsrf.statusCode).toBe(403);
    const anon = asUser(t, await getCsrf(t));
    const bad = await anon({ method: 'POST', url: '/api/test/clock', payload: { at: 'tomorrow' } });
    expect(bad.statusCode).toBe(400);
  });
});

describe('clock control is absent unless asked for in a test environment', () => {
  for (const [label, config] of [
    ['test without CLOCK_CONTROL', { clockControl: false }],
    ['production with CLOCK_CONTROL', { env: 'production' as const, clockControl: true }],
  ] as const) {
    it(label, async () => {
      const t = await appWith(config, new SettableClock());
      try {
        const anon = asUser(t, await getCsrf(t));
        const res = await anon({
          method: 'POST',
          url: '/api/test/clock',
          payload: { at: '2027-01-01T00:00:00Z' },
        });
        expect(res.statusCode).toBe(404);
        expect((await anon({ method: 'POST', url: '/api/test/scheduler/tick' })).statusCode).toBe(404);
      } finally {
        await t.close();
      }
    });
  }

  it('the settable clock keeps running after a jump', () => {
    let real = 1_000;
    const c = new SettableClock(() => real);
    c.set(new Date('2027-01-01T00:00:00Z'));
    real += 5_000;
    expect(c.now().toISOString()).toBe('2027-01-01T00:00:05.000Z');
  });
});
