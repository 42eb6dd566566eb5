import type { DbOrTx } from '@pc/db';
import type { AppContext, Channel, NotifyInput } from '../../platform/context.ts';
import { type Locale, parseLocale } from '../../platform/i18n/i18n.ts';
import { type UserRow, usersByIds } from '../identity/index.ts';
import type { CustomerRow } from './customers.repository.ts';
import type { AssociationType } from './customers.rules.ts';

export const TYPE_LABEL: Record<AssociationType, Record<Locale, string>> = {
  referral: { 'zh-CN': '推荐', 'en-US': 'referral' },
  resale: { 'zh-CN': '转售', 'en-US': 'resale' },
};

/**
 * The notice to a customer by email and, when it has a phone, by SMS (R6), plus in-app when it has a
 * sign-in account `user`, in that account's language (zh-CN without one); null with no way to reach it.
 */
export function customerNotice(
  customer: Pick<CustomerRow, 'name' | 'domainName' | 'email' | 'phone'>,
  user: Pick<UserRow, 'id' | 'email' | 'phone' | 'locale'> | undefined,
  notice: { template: string; key: string; data: (locale: Locale) => Record<string, unknown>; sms?: boolean },
): NotifyInput | null {
  const locale = parseLocale(user?.locale) ?? 'zh-CN';
  const email = customer.email ?? user?.email ?? null;
  const phone = customer.phone ?? user?.phone ?? null;
  const channels: Channel[] = [];
  if (email) channels.push('email');
  if (phone && notice.sms !== false) channels.push('sms');
  if (user) channels.push('in_app');
  if (channels.length === 0) return null;
  return {
    template: notice.template,
    locale,
    to: { userId: user?.id ?? null, email, phone },
    channels,
    data: { name: customer.name, domainName: customer.domainName, ...notice.data(locale) },
    idempotencyKey: notice.key,
  };
}

/** Tells the customer (`customerNotice`), written in the caller's transaction. */
export async function notifyCustomer(
  ctx: AppContext,
  tx: DbOrTx,
  customer: CustomerRow,
  template: string,
  key: string,
  data: (locale: Locale) => Record<string, unknown>,
  opts: { sms?: boolean } = { sms: true },
): Promise<void> {
  const [user] = customer.userId ? await usersByIds(ctx, [customer.userId], tx) : [];
  const input = customerNotice(customer, user, { template, key, data, sms: opts.sms });
  if (input) await ctx.notifier.notify(tx, input);
}
