import type { TestApp } from '../../../test/app.ts';
import { type Actor, systemActor } from '../../platform/context.ts';
import { saveDraft, submitStage } from '../certification/certification.service.ts';
import { BUSINESS_FORM, QUALIFICATION_FORM } from '../certification/certification.test-data.ts';
import { claimSubmission, decideSubmission } from '../certification/review.service.ts';
import type { TaxpayerStatus } from './tax.rules.ts';

/** Both certification stages approved (business information with the given taxpayer status). */
export async function certifyPartner(
  t: TestApp,
  partnerId: string,
  taxpayerStatus: TaxpayerStatus = 'general',
  stages: readonly ('qualification' | 'business')[] = ['qualification', 'business'],
): Promise<void> {
  const partnerActor: Actor = { ...systemActor(), partnerId };
  const reviewer: Actor = { ...systemActor(), type: 'operator', id: null, roles: ['admin'] };
  for (const stage of stages) {
    const data = stage === 'qualification' ? QUALIFICATION_FORM : { ...BUSINESS_FORM, taxpayerStatus };
    await saveDraft(t.ctx, partnerActor, partnerId, { stage, data });
    const submitted = await submitStage(t.ctx, partnerActor, partnerId, stage);
    if (!submitted.id) throw new Error('submission without id');
    await claimSubmission(t.ctx, reviewer, submitted.id);
    await decideSubmission(t.ctx, reviewer, submitted.id, { decision: 'approved' });
  }
}
