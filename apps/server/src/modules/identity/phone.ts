import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { z } from 'zod';

/** Numbers typed without a country code are mainland China numbers. */
const DEFAULT_COUNTRY = 'CN';

/**
 * A phone number as typed (`13712345678`, `137 1234 5678`, `+86 137-1234-5678`, `0086 13712345678`,
 * `010-6552 9988`) in E.164 (`+8613712345678`), the one form phones are stored, compared and counted
 * in; null when it is not a valid number (by the full metadata of libphonenumber).
 */
export function toE164(input: string): string | null {
  const typed = input.trim();
  if (typed.length === 0 || typed.length > 40) return null;
  // `00` is the international prefix written out (the partner API's reference writes `0086-…`).
  const number = parsePhoneNumberFromString(typed.replace(/^00(?=[1-9])/, '+'), DEFAULT_COUNTRY);
  return number?.isValid() ? number.number : null;
}

/** A mainland mobile number in E.164 (`+8613712345678`) as its 11 national digits; others as they are. */
export function nationalMobile(phone: string): string {
  return /^\+861\d{10}$/.test(phone) ? phone.slice(3) : phone;
}

/**
 * A phone number field: any typed form in, E.164 out; an invalid number answers 400
 * `identity.invalid_phone` naming the field (the HTTP error handler reads `params.error`).
 */
export const phoneSchema = z
  .string()
  .max(40)
  .transform((value, ctx) => {
    const e164 = toE164(value);
    if (e164) return e164;
    ctx.addIssue({ code: 'custom', message: 'phone number', params: { error: 'identity.invalid_phone' } });
    return z.NEVER;
  });
