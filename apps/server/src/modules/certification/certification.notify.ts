import type { DbOrTx } from '@pc/db';
import type { AppContext } from '../../platform/context.ts';
import type { Localized } from '../../platform/i18n/i18n.ts';
import { notifyPartnerAdmins } from '../identity/index.ts';
import type { SubmissionRow } from './certification.repository.ts';
import type { Stage } from './certification.schemas.ts';

export const STAGE_NAMES: Record<Stage, Localized> = {
  qualification: { 'zh-CN': '经销商资质认证', 'en-US': 'Reseller qualification certification' },
  business: { 'zh-CN': '商业信息认证', 'en-US': 'Business information certification' },
};

export type CertificationEvent = 'submitted' | 'under_review' | 'approved' | 'rejected';

/**
 * Tells every administrator of the partner, each in their own language, by email, SMS (when a
 * phone is known) and in-app message. Keyed by the row's version, so a retried transaction does
 * not send twice.
 */
export async function notifyTransition(
  ctx: AppContext,
  tx: DbOrTx,
  row: SubmissionRow,
  event: CertificationEvent,
): Promise<void> {
  await notifyPartnerAdmins(ctx, tx, row.partnerId, {
    template: `certification.${event}`,
    key: `certification:${row.id}:${row.version}:${event}`,
    data: (locale) => ({
      stage: STAGE_NAMES[row.stage as Stage][locale],
      reason: row.rejectionReason ?? '',
    }),
  });
}
