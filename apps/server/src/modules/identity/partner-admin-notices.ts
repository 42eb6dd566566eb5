import type { DbOrTx } from '@pc/db';
import type { AppContext, NotifyInput } from '../../platform/context.ts';
import type { Locale } from '../../platform/i18n/i18n.ts';
import { parseUserLocale } from './auth.service.ts';
import { partnerAdmins, type UserRow } from './users.service.ts';

/** One notice to a partner's administrators: its template, the key it is sent once under, its data. */
export interface AdminNotice {
  template: string;
  /** Idempotency key of the notice; each administrator's is `<key>:<user id>`. */
  key: string;
  /** The template's data in the reader's language (the reader's `name` is added). */
  data: (locale: Locale) => Record<string, unknown>;
}

/**
 * The notifications of `notice` for these administrators of `partnerId`: each in their own language,
 * by email, SMS when a phone is known, and in-app message (the rule every partner notice follows).
 */
export function adminNotices(
  admins: readonly UserRow[],
  partnerId: string,
  notice: AdminNotice,
): NotifyInput[] {
  return admins.map((u) => {
    const locale = parseUserLocale(u);
    return {
      template: notice.template,
      locale,
      to: { userId: u.id, email: u.email, phone: u.phone, partnerId },
      channels: u.phone ? ['email', 'sms', 'in_app'] : ['email', 'in_app'],
      data: { ...notice.data(locale), name: u.name },
      idempotencyKey: `${notice.key}:${u.id}`,
    };
  });
}

/** Tells every active administrator of the partner, in the caller's transaction. */
export async function notifyPartnerAdmins(
  ctx: AppContext,
  tx: DbOrTx,
  partnerId: string,
  notice: AdminNotice,
): Promise<void> {
  const inputs = adminNotices(await partnerAdmins(ctx, partnerId, tx), partnerId, notice);
  if (inputs.length) await ctx.notifier.notifyMany(tx, inputs);
}
