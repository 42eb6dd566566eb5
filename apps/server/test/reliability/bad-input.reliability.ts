import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../app.ts';
import { createCallers, operationsOf, runBadInput } from '../bad-input.ts';
import { record, setting } from './record.ts';

describe('reliability: bad input', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ config: { apiFlowLimit: 1_000_000 } });
  });
  afterAll(() => t.close());

  it('≥ 10,000 malformed requests: no 5xx, no leaks, every error in the documented shape', async () => {
    const total = setting('RELIABILITY_BAD_INPUT', 10_000);
    const perOperation = Math.ceil(total / operationsOf(t).length);
    const callers = await createCallers(t);
    const started = Date.now();
    const result = await runBadInput(t, callers, { perOperation });
    record('bad-input', {
      ...result,
      serverErrors: result.serverErrors.slice(0, 50),
      leaks: result.leaks.slice(0, 50),
      badShape: result.badShape.slice(0, 50),
      counts: {
        serverErrors: result.serverErrors.length,
        leaks: result.leaks.length,
        badShape: result.badShape.length,
      },
      seconds: Math.round((Date.now() - started) / 1000),
    });
    expect(result.requests).toBeGreaterThanOrEqual(total);
    expect(result.serverErrors).toEqual([]);
    expect(result.leaks).toEqual([]);
    expect(result.badShape).toEqual([]);
  });
});
