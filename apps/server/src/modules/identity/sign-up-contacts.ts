import type { AppContext } from '../../platform/context.ts';
import { waitForLimits } from '../../platform/http/rate-limit.ts';
import { findUserByPhone, type UserRow } from './identity.repository.ts';

const HOUR = 3600_000;

/**
 * A sign-up's phone number when nobody has it yet, else null: the sign-up then answers as for a new
 * number, the new account starts without a phone, and the number's owner is told (at most once an
 * hour) by SMS and email, so the form tells nobody which numbers are registered.
 */
export async function phoneForSignUp(ctx: AppContext, phone: string | null): Promise<string | null> {
  if (!phone) return null;
  const owner = await findUserByPhone(ctx.db, phone);
  if (!owner) return phone;
  await tellPhoneInUse(ctx, owner, phone);
  return null;
}

/** Tells the owner of `phone` that someone signed up with it (SMS and email, at most once an hour). */
export function tellPhoneInUse(ctx: AppContext, owner: UserRow, phone: string): Promise<void> {
  return tellOwner(ctx, owner, 'identity.phone_in_use', phone, {
    signInUrl: `${ctx.config.publicUrl}/sign-in`,
  });
}

/**
 * A contact change asked for the email or phone of another account: the request goes on as for a
 * free contact (no code goes to it, so it can never be confirmed) and the owner is told.
 */
export function tellContactInUse(ctx: AppContext, owner: UserRow, kind: 'email' | 'phone'): Promise<void> {
  return tellOwner(ctx, owner, 'identity.contact_in_use', kind === 'phone' ? owner.phone : null, {});
}

/** A notice to the owner of a contact by email (and SMS to `phone`), at most once an hour per template. */
async function tellOwner(
  ctx: AppContext,
  owner: UserRow,
  template: string,
  phone: string | null,
  data: Record<string, unknown>,
): Promise<void> {
  const now = ctx.clock.now();
  const key = `${template}:${owner.id}`;
  if ((await waitForLimits(ctx.db, now, [{ key, max: 1, windowMs: HOUR }])) > 0) return;
  await ctx.db.transaction((tx) =>
    ctx.notifier.notify(tx, {
      template,
      locale: owner.locale === 'en-US' ? 'en-US' : 'zh-CN',
      to: { userId: owner.id, email: owner.email, phone, partnerId: owner.partnerId },
      channels: phone ? ['sms', 'email'] : ['email'],
      data: { name: owner.name, ...data },
      idempotencyKey: `${template}:${owner.id}:${Math.floor(now.getTime() / HOUR)}`,
    }),
  );
}
