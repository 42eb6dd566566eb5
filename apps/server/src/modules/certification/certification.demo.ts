import { atDemoHistoryStart } from '../../platform/clock/demo-history.ts';
import { type Actor, type AppContext, systemActor } from '../../platform/context.ts';
import { findUserByEmail } from '../identity/index.ts';
import { findStage } from './certification.repository.ts';
import type { Stage } from './certification.schemas.ts';
import { saveDraft, submitStage } from './certification.service.ts';
import { BUSINESS_FORM, QUALIFICATION_FORM } from './certification.test-data.ts';
import { claimSubmission, decideSubmission } from './review.service.ts';

/**
 * The solution provider is certified in both stages; the distributor is qualified and its business
 * information waits in the review queue; the reseller starts from nothing (it is certified in the
 * browser journey). Idempotent: a stage that exists is left as it is. The solution provider's stages
 * are dated at `demoHistoryStart`, with its certificate.
 */
const PLAN: { partnerId: string; name: string; stages: [Stage, 'approved' | 'submitted'][] }[] = [
  {
    partnerId: 'prt_demo_solution',
    name: '华辰云科技有限公司',
    stages: [
      ['qualification', 'approved'],
      ['business', 'approved'],
    ],
  },
  {
    partnerId: 'prt_demo_distributor',
    name: '远航数据分销有限公司',
    stages: [
      ['qualification', 'approved'],
      ['business', 'submitted'],
    ],
  },
];

export async function seedDemoCertification(ctx: AppContext): Promise<void> {
  const reviewer = await findUserByEmail(ctx.db, 'reviewer@operator.demo');
  const reviewerActor: Actor = {
    ...systemActor(),
    type: 'operator',
    id: reviewer?.id ?? null,
    roles: ['admin'],
  };
  const history = atDemoHistoryStart(ctx);
  for (const p of PLAN) {
    const partnerActor: Actor = { ...systemActor(), partnerId: p.partnerId };
    const at = p.partnerId === 'prt_demo_solution' ? history : ctx;
    for (const [stage, target] of p.stages) {
      if (await findStage(at.db, p.partnerId, stage)) continue;
      if (stage === 'qualification') {
        await saveDraft(at, partnerActor, p.partnerId, {
          stage,
          data: { ...QUALIFICATION_FORM, companyName: p.name },
        });
      } else {
        await saveDraft(at, partnerActor, p.partnerId, {
          stage,
          data: { ...BUSINESS_FORM, companyLegalName: p.name, bankAccountName: p.name },
        });
      }
      const submitted = await submitStage(at, partnerActor, p.partnerId, stage);
      if (target === 'approved' && submitted.id) {
        await claimSubmission(at, reviewerActor, submitted.id);
        await decideSubmission(at, reviewerActor, submitted.id, { decision: 'approved' });
      }
    }
  }
}
