import type { TestApp } from '../../../test/app.ts';
import { type Actor, systemActor } from '../../platform/context.ts';
import { saveDraft, submitStage } from '../certification/certification.service.ts';
import { BUSINESS_FORM, QUALIFICATION_FORM } from '../certification/certification.test-data.ts';
import { claimSubmission, decideSubmission } from '../certification/review.service.ts';
import { createInvoicingNotice, type NewInvoicingNotice } from './notices.service.ts';

/** Approves the partner's business information (R4), as a reviewer would. */
export async function certifyBusiness(
  t: TestApp,
  partnerId: string,
  overrides: Partial<Omit<typeof BUSINESS_FORM, 'taxpayerStatus'>> & {
    taxpayerStatus?: 'general' | 'small_scale';
  } = {},
): Promise<void> {
  const partner: Actor = { ...systemActor(), partnerId };
  const reviewer: Actor = { ...systemActor(), type: 'operator', id: 'usr_test_reviewer', roles: ['admin'] };
  await saveDraft(t.ctx, partner, partnerId, { stage: 'qualification', data: QUALIFICATION_FORM });
  await saveDraft(t.ctx, partner, partnerId, { stage: 'business', data: { ...BUSINESS_FORM, ...overrides } });
  for (const stage of ['qualification', 'business'] as const) {
    const submitted = await submitStage(t.ctx, partner, partnerId, stage);
    if (!submitted.id) throw new Error(`${stage} not submitted`);
    await claimSubmission(t.ctx, reviewer, submitted.id);
    await decideSubmission(t.ctx, reviewer, submitted.id, { decision: 'approved' });
  }
}

let seq = 0;

/** Issues a notice the way the incentives module does, in its own transaction. */
export async function issueNotice(
  t: TestApp,
  partnerId: string,
  opts: Partial<NewInvoicingNotice> & { preTaxFen?: number } = {},
): Promise<string> {
  seq += 1;
  const input: NewInvoicingNotice = {
    partnerId,
    source: opts.source ?? { kind: 'payment_application', id: `pay_test_${Date.now()}_${seq}` },
    lines: opts.lines ?? [
      {
        text: { 'zh-CN': '技术服务费', 'en-US': 'Technical service fee' },
        preTaxFen: opts.preTaxFen ?? 1_000_000,
      },
    ],
    ...(opts.periodStart ? { periodStart: opts.periodStart } : {}),
  };
  const { id } = await t.ctx.db.transaction((tx) => createInvoicingNotice(t.ctx, tx, systemActor(), input));
  return id;
}
