import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors/errors.ts';
import type { Locale } from '../../platform/i18n/i18n.ts';
import {
  findUserByEmail,
  findUserByPhone,
  normalizeEmail,
  normalizePhone,
  sendCustomerSignupCode,
  toE164,
} from '../identity/index.ts';
import { findCustomerByDomainName, findCustomersByContact } from './customers.repository.ts';

export type SearchType = 'email' | 'mobile' | 'name';
export type CheckResult = 'available' | 'used_by_user';

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
  // Phones are stored in E.164 (`0086-13XXXXXXXXX`, as the reference writes them, included).
  const phone = toE164(value);
  if (!phone) return false;
  if (await findUserByPhone(ctx.db, phone)) return true;
  return (await findCustomersByContact(ctx.db, { phone })).length > 0;
}

/**
 * verificationcode/send: a `customer_signup` code by SMS or email for create sub-customer. The code
 * target is the normalised email or the E.164 mobile number. Too frequent → CBC.99008040.
 */
export async function sendVerificationCode(
  ctx: AppContext,
  input: { channel: 'email' | 'sms'; target: string; partnerId: string; locale: Locale; ttlMinutes: number },
): Promise<void> {
  const target = input.channel === 'email' ? normalizeEmail(input.target) : normalizePhone(input.target);
  const result = await sendCustomerSignupCode(ctx, { ...input, target });
  if (!result.sent) throw new AppError('CBC.99008040', { waitSeconds: result.waitSeconds });
}
