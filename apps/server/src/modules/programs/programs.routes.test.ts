import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/index.ts';

describe('R17: public program pages', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('lists the five programs in the request language, without signing in', async () => {
    const zh = await t.app.inject({ method: 'GET', url: '/api/programs' });
    expect(zh.statusCode).toBe(200);
    const items = zh.json().items as {
      code: string;
      name: string;
      requirements: string[];
      benefits: string[];
    }[];
    expect(items.map((p) => p.code)).toEqual([
      'solution_provider',
      'distributor',
      'cloud_reseller',
      'service_partner',
      'authorized_sales_support_center',
    ]);
    expect(items[0]?.name).toBe('解决方案提供商');
    for (const p of items) {
      expect(p.requirements.length).toBeGreaterThan(0);
      expect(p.benefits.length).toBeGreaterThan(0);
    }
    const en = await t.app.inject({
      method: 'GET',
      url: '/api/programs',
      headers: { 'accept-language': 'en-US,en;q=0.9' },
    });
    expect(en.json().items[0].name).toBe('Solution Provider');
  });

  it('shows one program and 404s unknown codes', async () => {
    const one = await t.app.inject({
      method: 'GET',
      url: '/api/programs/distributor',
      headers: { 'x-language': 'en-US' },
    });
    expect(one.json()).toMatchObject({ code: 'distributor', name: 'Distributor' });
    expect(one.json().summary).toMatch(/cloud resellers/);
    const missing = await t.app.inject({ method: 'GET', url: '/api/programs/nope' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('common.not_found');
    const long = await t.app.inject({ method: 'GET', url: `/api/programs/${'x'.repeat(100)}` });
    expect(long.statusCode).toBe(400);
  });
});
