import type { DbOrTx } from '@pc/db';
import type { AppContext, Channel } from '../../platform/context.ts';
import type { Localized } from '../../platform/i18n/i18n.ts';
import { parseUserLocale } from '../identity/auth.service.ts';
import { partnerAdmins } from '../identity/users.service.ts';
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
  const admins = await partnerAdmins(ctx, row.partnerId, tx);
  for (const u of admins) {
    const locale = parseUserLocale(u);
    const channels: Channel[] = u.phone ? ['email', 'sms', 'in_app'] : ['email', 'in_app'];
    await ctx.notifier.notify(tx, {
      template: `certification.${event}`,
      locale,
      to: { userId: u.id, email: u.email, phone: u.phone, partnerId: row.partnerId },
      channels,
      data: {
        name: u.name,
        stage: STAGE_NAMES[row.stage as Stage][locale],
        reason: row.rejectionReason ?? '',
      },
      idempotencyKey: `certification:${row.id}:${row.version}:${event}:${u.id}`,
    });
  }
}
