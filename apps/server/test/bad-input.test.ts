import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './app.ts';
import { type BadInputResult, createCallers, runBadInput } from './bad-input.ts';

/** A few generated malformed requests on every operation (the reliability suite sends ≥ 10,000). */
const PER_OPERATION = Number(process.env.BAD_INPUT_PER_OPERATION || 2);

describe('bad input on every operation', () => {
  let t: TestApp;
  let result: BadInputResult;

  beforeAll(async () => {
    // Flow control would answer most /v2 calls 429 on the frozen test clock: let them reach validation.
    t = await createTestApp({ config: { apiFlowLimit: 1_000_000 } });
  });
  afterAll(() => t.close());

  it('answers every one below 500, in the documented shape, without leaks', {
    timeout: 600_000,
  }, async () => {
    const callers = await createCallers(t);
    result = await runBadInput(t, callers, { perOperation: PER_OPERATION });
    expect(result.operations).toBeGreaterThan(100);
    expect(result.serverErrors).toEqual([]);
    expect(result.leaks).toEqual([]);
    expect(result.badShape).toEqual([]);
  });
});
