import type { DbOrTx } from '@pc/db';
import type { AppContext, Channel } from '../../platform/context.ts';
import { type Locale, parseLocale } from '../../platform/i18n/i18n.ts';
import { usersByIds } from '../identity/users.service.ts';
import type { CustomerRow } from './customers.repository.ts';
import type { AssociationType } from './customers.rules.ts';

export const TYPE_LABEL: Record<AssociationType, Record<Locale, string>> = {
  referral: { 'zh-CN': '推荐', 'en-US': 'referral' },
  resale: { 'zh-CN': '转售', 'en-US': 'resale' },
};

/**
 * Tells the customer by email and, when it has a phone, by SMS (R6), in the language of its sign-in
 * account (zh-CN without one). Written in the caller's transaction.
 */
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
  const locale = parseLocale(user?.locale) ?? 'zh-CN';
  const email = customer.email ?? user?.email ?? null;
  const phone = customer.phone ?? user?.phone ?? null;
  const channels: Channel[] = [];
  if (email) channels.push('email');
  if (phone && opts.sms !== false) channels.push('sms');
  if (user) channels.push('in_app');
  if (channels.length === 0) return;
  await ctx.notifier.notify(tx, {
    template,
    locale,
    to: { userId: user?.id ?? null, email, phone },
    channels,
    data: { name: customer.name, domainName: customer.domainName, ...data(locale) },
    idempotencyKey: key,
  });
}
