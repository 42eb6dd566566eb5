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

async function tellPhoneInUse(ctx: AppContext, owner: UserRow, phone: string): Promise<void> {
  const now = ctx.clock.now();
  const key = `sign-up:phone-in-use:${owner.id}`;
  if ((await waitForLimits(ctx.db, now, [{ key, max: 1, windowMs: HOUR }])) > 0) return;
  await ctx.db.transaction((tx) =>
    ctx.notifier.notify(tx, {
      template: 'identity.phone_in_use',
      locale: owner.locale === 'en-US' ? 'en-US' : 'zh-CN',
      to: { userId: owner.id, email: owner.email, phone, partnerId: owner.partnerId },
      channels: ['sms', 'email'],
      data: { name: owner.name, signInUrl: `${ctx.config.publicUrl}/sign-in` },
      idempotencyKey: `phone-in-use:${owner.id}:${Math.floor(now.getTime() / HOUR)}`,
    }),
  );
}
