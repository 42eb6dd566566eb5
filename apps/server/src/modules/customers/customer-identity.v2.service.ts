import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors/errors.ts';
import type { Locale } from '../../platform/i18n/i18n.ts';
import { sendCustomerSignupCode } from '../identity/codes.service.ts';
import { findUserByEmail, findUserByPhone } from '../identity/identity.repository.ts';
import { normalizeEmail } from '../identity/secrets.ts';
import { findCustomerByDomainName, findCustomersByContact } from './customers.repository.ts';
import '../../platform/partner-api/cbc.errors.ts';

export type SearchType = 'email' | 'mobile' | 'name';
export type CheckResult = 'available' | 'used_by_user';

/**
 * The forms a mainland mobile number is stored in: as given (`13800000000`) and with the country
 * code (`+8613800000000`), so a number registered either way counts as used.
 */
export function mobileVariants(mobile: string): string[] {
  const digits = mobile.replace(/[\s-]/g, '').replace(/^(\+86|0086)/, '');
  return [digits, `+86${digits}`];
}

/**
 * check-identity: whether an email, mobile number or account name is already taken by an account
 * (a sign-in user of any kind or a customer account). Reads only; the contract's answer is global.
 */
export async function checkIdentity(ctx: AppContext, type: SearchType, value: string): Promise<CheckResult> {
  const used = await isUsed(ctx, type, value.trim());
  return used ? 'used_by_user' : 'available';
}

async function isUsed(ctx: AppContext, type: SearchType, value: string): Promise<boolean> {
  if (type === 'name') return (await findCustomerByDomainName(ctx.db, value)) !== undefined;
  if (type === 'email') {
    const email = normalizeEmail(value);
    if (await findUserByEmail(ctx.db, email)) return true;
    return (await findCustomersByContact(ctx.db, { email })).length > 0;
  }
  for (const phone of mobileVariants(value)) {
    if (await findUserByPhone(ctx.db, phone)) return true;
    if ((await findCustomersByContact(ctx.db, { phone })).length > 0) return true;
  }
  return false;
}

/**
 * verificationcode/send: a `customer_signup` code by SMS or email for create sub-customer. The code
 * target is the normalised email or the 11-digit mobile number. Too frequent → CBC.99008040.
 */
export async function sendVerificationCode(
  ctx: AppContext,
  input: { channel: 'email' | 'sms'; target: string; partnerId: string; locale: Locale; ttlMinutes: number },
): Promise<void> {
  const target =
    input.channel === 'email' ? normalizeEmail(input.target) : (mobileVariants(input.target)[0] ?? '');
  const result = await sendCustomerSignupCode(ctx, { ...input, target });
  if (!result.sent) throw new AppError('CBC.99008040', { waitSeconds: result.waitSeconds });
}
