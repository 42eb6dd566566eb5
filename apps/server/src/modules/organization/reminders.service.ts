import type { AppContext } from '../../platform/context.ts';
import { systemActor } from '../../platform/context.ts';
import { parseLocale } from '../../platform/i18n/i18n.ts';
import { listPartnerUsers, pageActivePartnerUsers, usersByIds } from '../identity/index.ts';
import { partnersByIds } from '../partners/index.ts';
import { findProfile, listUnwarnedExpiring, markExpiryWarned } from './organization.repository.ts';
import { addDays, businessDate, businessMonth, EXPIRY_WARNING_DAYS } from './organization.rules.ts';
import { NEVER_FILLED } from './organization.templates.ts';

const BATCH = 200;

/**
 * Monthly: every active partner user is asked to review their qualifications. One message per
 * user per month (the idempotency key), so a rerun of the slot sends nothing twice.
 */
export async function sendMonthlyReminders(ctx: AppContext, at: Date): Promise<number> {
  const month = businessMonth(at);
  let sent = 0;
  let after = '';
  for (;;) {
    const users = await pageActivePartnerUsers(ctx.db, after, BATCH);
    if (users.length === 0) break;
    const partners = await partnersByIds(ctx, [...new Set(users.map((u) => u.partnerId ?? ''))]);
    for (const u of users) {
      const profile = await findProfile(ctx.db, u.id);
      const locale = parseLocale(u.locale) ?? 'zh-CN';
      const never = NEVER_FILLED[locale];
      await ctx.db.transaction((tx) =>
        ctx.notifier.notify(tx, {
          template: 'organization.qualification_reminder',
          locale,
          to: { userId: u.id, email: u.email, partnerId: u.partnerId },
          channels: ['email', 'in_app'],
          data: {
            name: u.name,
            partnerName: partners.get(u.partnerId ?? '')?.name ?? '',
            lastUpdated: profile?.qualificationsUpdatedAt
              ? businessDate(profile.qualificationsUpdatedAt)
              : never,
          },
          idempotencyKey: `org-remind:${u.id}:${month}`,
        }),
      );
      sent++;
    }
    after = users[users.length - 1]?.id ?? after;
    if (users.length < BATCH) break;
  }
  return sent;
}

/**
 * Daily: a certificate expiring within 30 days is warned about once (for its current expiry date),
 * to the member and the company's administrators. The conditional mark decides who sends.
 */
export async function warnExpiringCertificates(ctx: AppContext, at: Date): Promise<number> {
  const today = businessDate(at);
  const until = addDays(today, EXPIRY_WARNING_DAYS);
  let warned = 0;
  for (;;) {
    const due = await listUnwarnedExpiring(ctx.db, today, until, BATCH);
    for (const cert of due) {
      const endsOn = cert.endsOn ?? '';
      const [owner] = await usersByIds(ctx, [cert.userId]);
      if (!owner) continue;
      const admins = (await listPartnerUsers(ctx, cert.partnerId)).filter(
        (u) => u.status === 'active' && u.roles.includes('admin') && u.id !== owner.id,
      );
      const recipients = [...(owner.status === 'active' ? [owner] : []), ...admins];
      const won = await ctx.db.transaction(async (tx) => {
        if (!(await markExpiryWarned(tx, cert.id, endsOn))) return false;
        await ctx.audit.record(tx, systemActor(), {
          action: 'member_qualification.expiry_warned',
          entityType: 'member_qualification',
          entityId: cert.id,
          partnerId: cert.partnerId,
          after: { endsOn, notified: recipients.map((u) => u.id) },
        });
        for (const u of recipients) {
          await ctx.notifier.notify(tx, {
            template: 'organization.certificate_expiring',
            locale: parseLocale(u.locale) ?? 'zh-CN',
            to: { userId: u.id, email: u.email, partnerId: u.partnerId },
            channels: u.id === owner.id ? ['email', 'in_app'] : ['in_app'],
            data: { name: u.name, memberName: owner.name, certificateName: cert.name, expiresOn: endsOn },
            idempotencyKey: `org-cert-expiry:${cert.id}:${endsOn}:${u.id}`,
          });
        }
        return true;
      });
      if (won) warned++;
    }
    if (due.length < BATCH) return warned;
  }
}
