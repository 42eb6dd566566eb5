import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/index.ts';
import { seedDemo } from '../../demo/seed.ts';
import { seedDemoCertification } from './certification.demo.ts';

describe('certification demo data', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('certifies the solution provider, queues the distributor’s business information, leaves the reseller; once', async () => {
    await seedDemo(t.ctx);
    await seedDemoCertification(t.ctx);
    const rows = await t.db.query<{ partner_id: string; stage: string; status: string }>(
      'select partner_id, stage, status from certification_submissions order by partner_id, stage',
    );
    expect(rows.rows).toEqual([
      { partner_id: 'prt_demo_distributor', stage: 'business', status: 'submitted' },
      { partner_id: 'prt_demo_distributor', stage: 'qualification', status: 'approved' },
      { partner_id: 'prt_demo_solution', stage: 'business', status: 'approved' },
      { partner_id: 'prt_demo_solution', stage: 'qualification', status: 'approved' },
    ]);
  });
});
