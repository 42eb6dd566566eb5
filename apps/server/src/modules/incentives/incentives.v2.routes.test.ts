import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPartnerWithAdmin } from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/index.ts';
import { callV2, createApiKey, type TestApiKey } from '../../../test/v2.ts';
import { createSellingPartner, definePolicy } from './incentives.test-helpers.ts';

const URL = '/v2/products/incentive-discount-policies';

describe('partner API: ListIncentiveDiscountPolicies', () => {
  let t: TestApp;
  let key: TestApiKey;
  let outsider: TestApiKey;
  const call = (k: TestApiKey, query = '', headers: Record<string, string> = {}) => {
    t.clock.advance(1000);
    return callV2(t, k, { method: 'GET', url: `${URL}${query}`, headers });
  };

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set('2026-03-05T02:00:00Z');
    await definePolicy(t, {
      rules: {
        serviceTypes: null,
        paymentKinds: ['cash'],
        associationTypes: ['resale', 'referral'],
        rates: [
          { category: 'ecs', basisPoints: 500 },
          { category: 'obs', basisPoints: 0 },
          { category: '*', basisPoints: 200 },
        ],
        tiers: [],
        allowDiscount: false,
      },
    });
    const p = await createSellingPartner(t);
    key = await createApiKey(t, p.partner.id);
    outsider = await createApiKey(t, (await createPartnerWithAdmin(t)).partner.id);
  });
  afterAll(() => t.close());

  it('answers per service type with the SDK model’s fields and codes', async () => {
    const r = await call(key, '?time=2026-03&limit=100', { 'X-Language': 'en_US' });
    expect(r.statusCode).toBe(200);
    const body = r.json();
    expect(Object.keys(body).sort()).toEqual(['policies', 'total_count']);
    const byCode = Object.fromEntries(
      body.policies.map((p: { service_type_code: string }) => [p.service_type_code, p]),
    );
    expect(byCode['hws.service.type.ecs']).toEqual({
      service_type_code: 'hws.service.type.ecs',
      service_type_name: 'Elastic Cloud Server',
      incentive_policy: '1',
      allow_discount: 'NO',
    });
    expect(byCode['hws.service.type.obs'].incentive_policy).toBe('13');
    expect(byCode['hws.service.type.rds'].incentive_policy).toBe('0');
    expect(body.total_count).toBe(body.policies.length);
  });

  it('filters by service type, pages, and shows no policy before it starts or to other programs', async () => {
    const one = (await call(key, '?service_type_code=hws.service.type.ecs')).json();
    expect(one.total_count).toBe(1);
    const page = (await call(key, '?offset=1&limit=2')).json();
    expect(page.policies).toHaveLength(2);
    const before = (await call(key, '?time=2025-12&service_type_code=hws.service.type.ecs')).json();
    expect(before.policies[0].incentive_policy).toBe('2');
    const other = (await call(outsider, '?service_type_code=hws.service.type.ecs')).json();
    expect(other.policies[0]).toMatchObject({ incentive_policy: '2', allow_discount: 'YES' });
  });

  it('refuses a malformed month with CBC.0100', async () => {
    const r = await call(key, '?time=2026-13');
    expect(r.statusCode).toBe(400);
    expect(r.json().error_code).toBe('CBC.0100');
  });
});
