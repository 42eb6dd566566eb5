import type { DbOrTx } from '@pc/db';
import type { AppContext, Channel } from '../../platform/context.ts';
import { type Locale, parseLocale } from '../../platform/i18n/i18n.ts';
import type { UserRow } from '../identity/users.service.ts';
import { partnerAdmins } from '../identity/users.service.ts';
import { PROGRAMS } from '../programs/programs.data.ts';

export function programName(code: string, locale: Locale): string {
  return PROGRAMS.find((p) => p.code === code)?.name[locale] ?? code;
}

/** Data that depends on the recipient's language (program names, outcomes). */
type LocalData = (locale: Locale) => Record<string, unknown>;

async function notifyUsers(
  ctx: AppContext,
  tx: DbOrTx,
  users: readonly UserRow[],
  template: string,
  key: string,
  data: LocalData,
  sms: boolean,
): Promise<void> {
  for (const u of users) {
    const locale = parseLocale(u.locale) ?? 'zh-CN';
    const channels: Channel[] = ['email', 'in_app'];
    if (sms && u.phone) channels.push('sms');
    await ctx.notifier.notify(tx, {
      template,
      locale,
      to: { userId: u.id, email: u.email, phone: u.phone, partnerId: u.partnerId },
      channels,
      data: { name: u.name, ...data(locale) },
      idempotencyKey: `${key}:${u.id}`,
    });
  }
}

/** Each administrator of the partner, in their own language. */
export async function notifyPartnerAdmins(
  ctx: AppContext,
  tx: DbOrTx,
  partnerId: string,
  template: string,
  key: string,
  data: LocalData,
  opts: { sms?: boolean } = {},
): Promise<void> {
  await notifyUsers(ctx, tx, await partnerAdmins(ctx, partnerId, tx), template, key, data, opts.sms ?? false);
}

export async function notifyOperator(
  ctx: AppContext,
  tx: DbOrTx,
  operator: UserRow,
  template: string,
  key: string,
  data: LocalData,
): Promise<void> {
  await notifyUsers(ctx, tx, [operator], template, key, data, false);
}
