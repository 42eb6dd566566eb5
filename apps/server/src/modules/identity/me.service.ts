import type { Actor, AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors/errors.ts';
import type { SessionUser } from '../../platform/http/auth.ts';
import type { Locale } from '../../platform/i18n/i18n.ts';
import { getPartner, getPartnerCached } from '../partners/index.ts';
import { userCache } from './identity.cache.ts';
import { assertLocalAccount } from './identity.policy.ts';
import { findUserById, type UserRow, updateUser } from './identity.repository.ts';

export interface Me {
  id: string;
  userType: 'partner' | 'operator' | 'customer';
  roles: string[];
  name: string;
  email: string;
  phone: string | null;
  locale: Locale;
  timeZone: string | null;
  accountKind: 'local' | 'federated';
  federatedProfileUrl: string | null;
  site: 'cn' | 'intl';
  siteBanner: { show: boolean; url: string } | null;
  partner: {
    id: string;
    name: string;
    domainId: string;
    /** `suspended`: the portal shows a banner with the reason, and new commitments are refused. */
    status: 'active' | 'suspended';
    suspensionReason: string | null;
  } | null;
}

export async function loadUser(ctx: AppContext, id: string): Promise<UserRow> {
  const u = await findUserById(ctx.db, id);
  if (!u) throw new AppError('common.unauthenticated');
  return u;
}

/** The signed-in person as the portal shows them. */
export async function meOf(
  ctx: AppContext,
  u: UserRow,
  known?: Awaited<ReturnType<typeof getPartner>>,
): Promise<Me> {
  const partner = known ?? (u.partnerId ? await getPartner(ctx, u.partnerId) : undefined);
  const federated = u.accountKind === 'federated';
  const site = u.site === 'intl' ? 'intl' : 'cn';
  return {
    id: u.id,
    userType: u.userType === 'operator' || u.userType === 'customer' ? u.userType : 'partner',
    roles: u.roles,
    name: u.name,
    email: u.email,
    phone: u.phone,
    locale: u.locale === 'en-US' ? 'en-US' : 'zh-CN',
    timeZone: u.timeZone,
    accountKind: federated ? 'federated' : 'local',
    federatedProfileUrl: federated ? ctx.config.federatedProfileUrl : null,
    site,
    siteBanner: site === 'intl' ? { show: !u.siteBannerDismissedAt, url: ctx.config.intlSiteUrl } : null,
    partner: partner
      ? {
          id: partner.id,
          name: partner.name,
          domainId: partner.domainId,
          status: partner.status === 'suspended' ? 'suspended' : 'active',
          suspensionReason: partner.status === 'suspended' ? partner.suspensionReason : null,
        }
      : null,
  };
}

/** The hot read of the portal: user and partner from memory when this process has them. */
export async function getMe(ctx: AppContext, su: SessionUser): Promise<Me> {
  const u = await userCache(ctx).through(su.id, ctx.clock.now(), () => findUserById(ctx.db, su.id));
  if (!u) throw new AppError('common.unauthenticated');
  return meOf(ctx, u, u.partnerId ? await getPartnerCached(ctx, u.partnerId) : undefined);
}

/**
 * Saves the language (it then applies to messages, emails and error texts for this user) and/or
 * the time zone the web shows their times in.
 */
export async function setPreferences(
  ctx: AppContext,
  actor: Actor,
  su: SessionUser,
  input: { locale?: Locale; timeZone?: string | null },
) {
  const u = await ctx.db.transaction(async (tx) => {
    let user = await findUserById(tx, su.id);
    if (!user) throw new AppError('common.unauthenticated');
    const now = ctx.clock.now();
    if (input.locale !== undefined && user.locale !== input.locale) {
      const before = user;
      user = await updateUser(tx, su.id, { locale: input.locale, updatedAt: now });
      await ctx.audit.record(tx, actor, {
        action: 'user.locale_changed',
        entityType: 'user',
        entityId: su.id,
        before: { locale: before.locale },
        after: { locale: user.locale },
      });
    }
    if (input.timeZone !== undefined && user.timeZone !== input.timeZone) {
      const before = user;
      user = await updateUser(tx, su.id, { timeZone: input.timeZone, updatedAt: now });
      await ctx.audit.record(tx, actor, {
        action: 'user.time_zone_changed',
        entityType: 'user',
        entityId: su.id,
        before: { timeZone: before.timeZone },
        after: { timeZone: user.timeZone },
      });
    }
    return user;
  });
  return meOf(ctx, u);
}

/** R1 "don't show again": remembered per user. */
export async function dismissSiteBanner(
  ctx: AppContext,
  actor: Actor,
  su: SessionUser,
): Promise<{ ok: true }> {
  await ctx.db.transaction(async (tx) => {
    const u = await findUserById(tx, su.id);
    if (!u || u.siteBannerDismissedAt) return;
    const now = ctx.clock.now();
    await updateUser(tx, su.id, { siteBannerDismissedAt: now, updatedAt: now });
    await ctx.audit.record(tx, actor, {
      action: 'user.site_banner_dismissed',
      entityType: 'user',
      entityId: su.id,
      after: { siteBannerDismissedAt: now.toISOString() },
    });
  });
  return { ok: true };
}

/** R8: only local accounts are edited here. */
export async function updateProfile(ctx: AppContext, actor: Actor, su: SessionUser, input: { name: string }) {
  const u = await ctx.db.transaction(async (tx) => {
    const before = await findUserById(tx, su.id);
    if (!before) throw new AppError('common.unauthenticated');
    assertLocalAccount(before);
    const name = input.name.trim();
    if (before.name === name) return before;
    const after = await updateUser(tx, su.id, { name, updatedAt: ctx.clock.now() });
    await ctx.audit.record(tx, actor, {
      action: 'user.profile_changed',
      entityType: 'user',
      entityId: su.id,
      before: { name: before.name },
      after: { name: after.name },
    });
    return after;
  });
  return meOf(ctx, u);
}
