import type { DbOrTx } from '@pc/db';
import type { AppContext } from '../../platform/context.ts';
import type { Locale } from '../../platform/i18n/i18n.ts';
import { newId } from '../../platform/ids/ids.ts';
import {
  addAttempt,
  type CodeRow,
  consumeCode,
  insertCode,
  latestCode,
  retireCodes,
  sentSince,
} from './codes.repository.ts';
import { hashCode, newCode, safeEqual } from './secrets.ts';

export const CODE_TTL_MS = 10 * 60_000;
export const CODE_MAX_ATTEMPTS = 5;
const SEND_INTERVAL_MS = 60_000;
const SENDS_PER_DAY = 10;

/** `customer_signup`: a customer's email/phone before its account exists (sign-up page, partner API). */
export type CodePurpose =
  | 'email_confirm'
  | 'contact_old'
  | 'contact_new'
  | 'customer_signup'
  | 'password_reset';
export type CodeCheck =
  | 'ok'
  | 'identity.code_invalid'
  | 'identity.code_expired'
  | 'identity.too_many_attempts';

/** Seconds until the target may receive another code (1 a minute, 10 a day), or 0 when it may now. */
export async function sendWaitSeconds(db: DbOrTx, now: Date, target: string): Promise<number> {
  const day = await sentSince(db, target, new Date(now.getTime() - 24 * 3600_000));
  if (day.n >= SENDS_PER_DAY) return 3600;
  if (day.last && now.getTime() - day.last.getTime() < SEND_INTERVAL_MS) {
    return Math.ceil((SEND_INTERVAL_MS - (now.getTime() - day.last.getTime())) / 1000);
  }
  return 0;
}

export interface IssueCode {
  /** Null before the account exists (`customer_signup`). */
  userId: string | null;
  partnerId: string | null;
  purpose: CodePurpose;
  channel: 'email' | 'sms';
  target: string;
  changeId?: string;
  locale: Locale;
  template: string;
  data?: Record<string, unknown>;
  /** How long the code is valid; CODE_TTL_MS when absent. */
  ttlMs?: number;
}

/** Retires earlier codes for the same target and purpose, stores the new code's hash, sends it. */
export async function issueCode(ctx: AppContext, tx: DbOrTx, input: IssueCode): Promise<void> {
  const now = ctx.clock.now();
  const id = newId('vc', now.getTime());
  const code = newCode();
  await retireCodes(tx, input.target, input.purpose, now);
  await insertCode(tx, {
    id,
    userId: input.userId,
    purpose: input.purpose,
    channel: input.channel,
    target: input.target,
    codeHash: hashCode(ctx.config.secretKey, id, code),
    changeId: input.changeId ?? null,
    createdAt: now,
    expiresAt: new Date(now.getTime() + (input.ttlMs ?? CODE_TTL_MS)),
  });
  await ctx.notifier.notify(tx, {
    template: input.template,
    locale: input.locale,
    to: {
      userId: input.userId,
      partnerId: input.partnerId,
      email: input.channel === 'email' ? input.target : null,
      phone: input.channel === 'sms' ? input.target : null,
    },
    channels: [input.channel],
    data: { ...input.data, code, minutes: Math.round((input.ttlMs ?? CODE_TTL_MS) / 60_000) },
    idempotencyKey: `code:${id}`,
  });
}

/**
 * Checks a code without using it up; a wrong guess is counted (the caller must commit that even
 * when it then refuses the request).
 */
export async function checkCode(
  ctx: AppContext,
  tx: DbOrTx,
  row: CodeRow | undefined,
  code: string,
): Promise<CodeCheck> {
  const now = ctx.clock.now();
  if (!row || row.consumedAt) return 'identity.code_invalid';
  if (row.attempts >= CODE_MAX_ATTEMPTS) return 'identity.too_many_attempts';
  if (row.expiresAt.getTime() <= now.getTime()) return 'identity.code_expired';
  if (safeEqual(hashCode(ctx.config.secretKey, row.id, code), row.codeHash)) return 'ok';
  const attempts = await addAttempt(tx, row.id);
  return attempts >= CODE_MAX_ATTEMPTS ? 'identity.too_many_attempts' : 'identity.code_invalid';
}

/** Uses the code up; false when a concurrent request used it first. */
export function useCode(ctx: AppContext, tx: DbOrTx, row: CodeRow): Promise<boolean> {
  return consumeCode(tx, row.id, ctx.clock.now());
}

/**
 * Checks and uses up the newest `customer_signup` code of a target (customer sign-up page, partner
 * API create customer). A wrong guess is counted: the caller commits even when it then refuses.
 */
export async function useSignupCode(
  ctx: AppContext,
  tx: DbOrTx,
  target: string,
  code: string,
): Promise<CodeCheck> {
  const row = await latestCode(tx, target, 'customer_signup');
  const check = await checkCode(ctx, tx, row, code);
  if (check !== 'ok' || !row) return check === 'ok' ? 'identity.code_invalid' : check;
  return (await useCode(ctx, tx, row)) ? 'ok' : 'identity.code_invalid';
}

/**
 * Partner API `verificationcode/send`: a `customer_signup` code to an email address or mobile number
 * (the target as given, normalised), which create sub-customer then checks with useSignupCode. At
 * most 1 a minute and 10 a day per target; `sent: false` with the wait otherwise.
 */
export async function sendCustomerSignupCode(
  ctx: AppContext,
  input: { channel: 'email' | 'sms'; target: string; partnerId: string; locale: Locale; ttlMinutes: number },
): Promise<{ sent: boolean; waitSeconds: number }> {
  return ctx.db.transaction(async (tx) => {
    const wait = await sendWaitSeconds(tx, ctx.clock.now(), input.target);
    if (wait > 0) return { sent: false, waitSeconds: wait };
    await issueCode(ctx, tx, {
      userId: null,
      partnerId: input.partnerId,
      purpose: 'customer_signup',
      channel: input.channel,
      target: input.target,
      locale: input.locale,
      template: 'customers.signup_code',
      ttlMs: input.ttlMinutes * 60_000,
    });
    return { sent: true, waitSeconds: 0 };
  });
}
