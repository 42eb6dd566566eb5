import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asUser, createPartnerWithAdmin, getCsrf, signIn } from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/index.ts';
import { identityJobs } from './identity.jobs.ts';

describe('identity housekeeping job', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const count = async (table: string) =>
    (await t.db.query<{ n: number }>(`select count(*)::int as n from ${table}`)).rows[0]?.n ?? 0;

  it('prunes old failures, codes and ended sessions, and keeps live ones', async () => {
    const job = identityJobs.find((j) => j.name === 'identity.prune');
    if (!job) throw new Error('job missing');
    const { user, password } = await createPartnerWithAdmin(t);
    const old = await signIn(t, user.email, password);
    await asUser(t, old)({ method: 'POST', url: '/api/auth/sign-out' });
    const anon = asUser(t, await getCsrf(t));
    await anon({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: 'x@nowhere.test', password: 'Wrong@Pass1' },
    });
    await anon({
      method: 'POST',
      url: '/api/auth/sign-up',
      payload: {
        companyName: 'Prune Co',
        name: 'P',
        email: 'p@prune.test',
        password: 'Str0ng!Pass',
        locale: 'en-US',
      },
    });
    expect(await count('sign_in_attempts')).toBe(1);
    expect(await count('verification_codes')).toBe(1);
    expect(await count('sessions')).toBe(1);

    t.clock.advance(31 * 24 * 3600_000);
    const live = asUser(t, await signIn(t, user.email, password));
    const run = { id: 'job1', retryCount: 0 };
    await job.handler(t.ctx, { slot: t.clock.now().toISOString() }, run);
    await job.handler(t.ctx, { slot: t.clock.now().toISOString() }, run);
    expect(await count('sign_in_attempts')).toBe(0);
    expect(await count('verification_codes')).toBe(0);
    expect(await count('sessions')).toBe(1);
    expect((await live({ method: 'GET', url: '/api/me' })).statusCode).toBe(200);
  });
});
