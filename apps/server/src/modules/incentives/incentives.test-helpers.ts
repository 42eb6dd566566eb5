import type { TestApp } from '../../../test/app.ts';
import { createPartnerWithAdmin, type PartnerWithAdmin } from '../../../test/factories.ts';
import { type Actor, systemActor } from '../../platform/context.ts';
import { grantMembership } from '../memberships/applications.service.ts';
import { createAssociatedCustomer } from '../spend/spend.test-data.ts';
import { certifyPartner } from '../tax/tax.test-helpers.ts';
import type { CreatePolicyBody } from './policies.schemas.ts';
import { createPolicy } from './policies.service.ts';

export const operatorActor = (roles: string[] = ['admin']): Actor => ({
  ...systemActor(),
  type: 'operator',
  id: null,
  roles,
});

export interface SellingPartner extends PartnerWithAdmin {
  customer: { id: string; domainId: string };
}

/** A partner in a program with one customer; certified (both stages) unless told otherwise. */
export async function createSellingPartner(
  t: TestApp,
  opts: {
    program?: string;
    certify?: 'general' | 'small_scale' | 'qualification_only' | false;
    locale?: 'zh-CN' | 'en-US';
  } = {},
): Promise<SellingPartner> {
  const p = await createPartnerWithAdmin(t, { locale: opts.locale ?? 'en-US' });
  await t.ctx.db.transaction((tx) =>
    grantMembership(t.ctx, tx, systemActor(), {
      partnerId: p.partner.id,
      program: opts.program ?? 'solution_provider',
      source: 'operator',
    }),
  );
  const certify = opts.certify ?? 'general';
  if (certify === 'qualification_only') await certifyPartner(t, p.partner.id, 'general', ['qualification']);
  else if (certify) await certifyPartner(t, p.partner.id, certify);
  const customer = await createAssociatedCustomer(t, p.partner.id);
  return { ...p, customer };
}

export const STANDARD_POLICY: CreatePolicyBody = {
  code: 'SP-2026',
  nameZh: '解决方案提供商激励 2026',
  nameEn: 'Solution provider incentive 2026',
  program: 'solution_provider',
  periodKind: 'monthly',
  validFrom: '2026-01-01',
  validTo: null,
  rules: {
    serviceTypes: null,
    paymentKinds: ['cash'],
    associationTypes: ['resale', 'referral'],
    rates: [
      { category: 'ecs', basisPoints: 500 },
      { category: '*', basisPoints: 200 },
    ],
    tiers: [{ minFen: 1_000_000, bonusBasisPoints: 100 }],
    allowDiscount: true,
  },
  note: '',
};

export function definePolicy(t: TestApp, over: Partial<CreatePolicyBody> = {}) {
  return createPolicy(t.ctx, operatorActor(), { ...STANDARD_POLICY, ...over });
}
