import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asUser, createPartnerWithAdmin, signIn } from '../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../test/index.ts';
import { systemActor } from '../../platform/context.ts';
import { grantMembership } from './applications.service.ts';
import { kindsOf, programFit, programFits } from './memberships.fit.ts';

const fitOf = (held: string[]) =>
  Object.fromEntries(programFits(held).map((f) => [f.program, [f.fit, f.reason].filter(Boolean).join(':')]));

describe('issue 14: programs fit the partner kind (rules)', () => {
  it('a partner with no program may apply to the direct programs; the channel ones are marked', () => {
    expect(kindsOf([])).toEqual(['unassigned']);
    expect(fitOf([])).toEqual({
      solution_provider: 'apply',
      distributor: 'not_for_kind:channel_path',
      cloud_reseller: 'invitation:by_invitation',
      service_partner: 'apply',
      authorized_sales_support_center: 'not_for_kind:only_cloud_resellers',
    });
  });

  it('a cloud reseller: ASSC fits, distributor comes after it, solution provider does not fit', () => {
    expect(kindsOf(['cloud_reseller'])).toEqual(['cloud_reseller']);
    expect(fitOf(['cloud_reseller'])).toEqual({
      solution_provider: 'not_for_kind:reseller_under_distributor',
      distributor: 'next_step:assc_first',
      cloud_reseller: 'member',
      service_partner: 'apply',
      authorized_sales_support_center: 'apply',
    });
    expect(programFit('distributor', ['cloud_reseller', 'authorized_sales_support_center'])).toEqual({
      program: 'distributor',
      fit: 'apply',
      reason: null,
    });
  });

  it('a distributor is tier 1: no cloud reseller, no solution provider, no ASSC', () => {
    expect(fitOf(['distributor'])).toEqual({
      solution_provider: 'not_for_kind:distributor_develops_resellers',
      distributor: 'member',
      cloud_reseller: 'not_for_kind:distributor_is_tier1',
      service_partner: 'apply',
      authorized_sales_support_center: 'not_for_kind:only_cloud_resellers',
    });
  });

  it('a solution provider holds its program and may add the service partner program', () => {
    expect(kindsOf(['solution_provider', 'service_partner'])).toEqual([
      'solution_provider',
      'service_partner',
    ]);
    expect(fitOf(['solution_provider'])).toMatchObject({
      solution_provider: 'member',
      service_partner: 'apply',
      cloud_reseller: 'invitation:by_invitation',
      authorized_sales_support_center: 'not_for_kind:only_cloud_resellers',
    });
  });
});

describe('issue 14: GET /api/memberships/programs', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('lists every program for the signed-in partner, fitting ones first, with the reason in its language', async () => {
    const p = await createPartnerWithAdmin(t, { locale: 'en-US' });
    await t.ctx.db.transaction((tx) =>
      grantMembership(t.ctx, tx, systemActor(), {
        partnerId: p.partner.id,
        program: 'distributor',
        source: 'operator',
      }),
    );
    const as = asUser(t, await signIn(t, p.user.email, p.password));
    const res = await as({
      method: 'GET',
      url: '/api/memberships/programs',
      headers: { 'x-language': 'en-US' },
    });
    expect(res.statusCode).toBe(200);
    const body = res.json() as {
      kinds: string[];
      items: { code: string; name: string; fit: string; reasonCode: string | null; reason: string | null }[];
    };
    expect(body.kinds).toEqual(['distributor']);
    expect(body.items.map((i) => [i.code, i.fit])).toEqual([
      ['distributor', 'member'],
      ['service_partner', 'apply'],
      ['solution_provider', 'not_for_kind'],
      ['cloud_reseller', 'not_for_kind'],
      ['authorized_sales_support_center', 'not_for_kind'],
    ]);
    const reseller = body.items.find((i) => i.code === 'cloud_reseller');
    expect(reseller).toMatchObject({ name: 'Cloud Reseller', reasonCode: 'distributor_is_tier1' });
    expect(reseller?.reason).toMatch(/tier 1/);
    const zh = await as({
      method: 'GET',
      url: '/api/memberships/programs',
      headers: { 'x-language': 'zh-CN' },
    });
    expect(zh.json().items.find((i: { code: string }) => i.code === 'cloud_reseller').reason).toMatch(
      /一级渠道/,
    );
  });

  it('needs a partner user', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/memberships/programs' });
    expect(res.statusCode).toBe(401);
  });
});
