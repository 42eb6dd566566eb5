import { isUniqueViolation } from '@pc/db';
import type { Actor, AppContext } from '../../platform/context.ts';
import { AppError, type ErrorCode } from '../../platform/errors/errors.ts';
import type { Locale } from '../../platform/i18n/i18n.ts';
import { newId } from '../../platform/ids/ids.ts';
import { enqueueBindCallback } from '../events/index.ts';
import {
  createUser,
  enforceCodeLimits,
  findUserByPhone,
  hashPassword,
  isStrongPassword,
  issueCode,
  type NewSession,
  normalizeEmail,
  openSession,
  sendWaitSeconds,
  tellPhoneInUse,
  type UserRow,
  useSignupCode,
} from '../identity/index.ts';
import { getPartnerByDomainId } from '../partners/index.ts';
import { findCustomerByXaccount } from './customers.repository.ts';
import type { AssociationType } from './customers.rules.ts';
import { associate, createCustomerAccount, setCustomerUser } from './customers.service.ts';
import { acceptInvitation } from './requests.service.ts';

/** Sends the sign-up code to an email address (1 a minute, 10 a day per address). */
export async function sendSignupCode(
  ctx: AppContext,
  input: { email: string; locale: Locale },
  meta: { ip: string | null } = { ip: null },
): Promise<{ sent: boolean; waitSeconds: number }> {
  const email = normalizeEmail(input.email);
  await enforceCodeLimits(ctx, meta, [email]);
  return ctx.db.transaction(async (tx) => {
    const wait = await sendWaitSeconds(tx, ctx.clock.now(), email);
    if (wait > 0) return { sent: false, waitSeconds: wait };
    await issueCode(ctx, tx, {
      userId: null,
      partnerId: null,
      purpose: 'customer_signup',
      channel: 'email',
      target: email,
      locale: input.locale,
      template: 'customers.signup_code',
    });
    return { sent: true, waitSeconds: 0 };
  });
}

export interface CustomerSignUp {
  name: string;
  email: string;
  phone?: string | null;
  password: string;
  code: string;
  domainName?: string | null;
  customerType?: 'individual' | 'enterprise';
  locale: Locale;
  /** The partner redirect (R18): the partner's domain id and its platform's user. */
  partner?: {
    domainId: string;
    xaccountType?: string | null;
    xaccountId?: string | null;
    associationType?: AssociationType;
  } | null;
  /** Accept this invitation right after signing up. */
  invitationToken?: string | null;
}

/**
 * A customer signs up (email confirmed by code) and is signed in. Through a partner redirect the
 * customer is associated with that partner (source `redirect`) and the signed bind callback is queued
 * in the same transaction; with an invitation token the invitation is accepted.
 */
export async function signUpCustomer(
  ctx: AppContext,
  actor: Actor,
  input: CustomerSignUp,
  meta: { ip: string | null; userAgent: string | null },
): Promise<{ user: UserRow; session: NewSession; customerDomainId: string }> {
  const email = normalizeEmail(input.email);
  if (!isStrongPassword(input.password, email)) throw new AppError('identity.weak_password');
  const passwordHash = await hashPassword(input.password);
  type Outcome =
    | { ok: true; user: UserRow; session: NewSession; customerDomainId: string }
    | { ok: false; code: ErrorCode };
  let outcome: Outcome;
  // A phone number of another account: signed up as for a fresh one, without the phone; its owner is told.
  let phoneOwner: UserRow | undefined;
  try {
    outcome = await ctx.db.transaction(async (tx): Promise<Outcome> => {
      const check = await useSignupCode(ctx, tx, email, input.code);
      // A wrong code is counted: commit that, refuse after.
      if (check !== 'ok') return { ok: false, code: check };
      phoneOwner = input.phone ? await findUserByPhone(tx, input.phone) : undefined;
      const phone = phoneOwner ? null : (input.phone ?? null);
      const partner = input.partner ? await getPartnerByDomainId(tx, input.partner.domainId) : undefined;
      if (input.partner && partner?.status !== 'active') throw new AppError('customers.partner_not_found');
      const x = input.partner;
      if (partner && x?.xaccountType && x.xaccountId) {
        if (await findCustomerByXaccount(tx, partner.id, x.xaccountType, x.xaccountId))
          throw new AppError('customers.already_associated');
      }
      const now = ctx.clock.now();
      const userId = newId('usr', now.getTime());
      const self: Actor = { ...actor, type: 'user', id: userId, partnerId: null };
      const customer = await createCustomerAccount(ctx, tx, self, {
        name: input.name,
        domainName: input.domainName,
        email,
        phone,
        customerType: input.customerType,
        origin: partner ? 'redirect' : 'self',
        createdByPartnerId: partner?.id ?? null,
        xaccountType: partner ? (x?.xaccountType ?? null) : null,
        xaccountId: partner ? (x?.xaccountId ?? null) : null,
      });
      const user = await createUser(ctx, tx, self, {
        id: userId,
        userType: 'customer',
        partnerId: null,
        customerId: customer.id,
        roles: [],
        email,
        phone,
        name: input.name.trim(),
        password: input.password,
        passwordHash,
        locale: input.locale,
        verified: true,
      });
      await setCustomerUser(tx, customer.id, user.id);
      const withUser = { ...customer, userId: user.id };
      if (partner) {
        await associate(ctx, tx, self, {
          customerId: withUser.id,
          partnerId: partner.id,
          type: x?.associationType ?? 'referral',
          source: 'redirect',
        });
        await enqueueBindCallback(ctx, tx, {
          partnerId: partner.id,
          domainName: customer.domainName,
          domainId: customer.domainId,
          xUserId: x?.xaccountId ?? '',
          bindAction: 'bind',
        });
      } else if (input.invitationToken) {
        await acceptInvitation(ctx, self, { customerId: customer.id, email }, input.invitationToken, tx);
      }
      const session = await openSession(ctx, tx, user.id, meta);
      return { ok: true, user, session, customerDomainId: customer.domainId };
    });
  } catch (e) {
    if (isUniqueViolation(e, 'users_email_uq')) throw new AppError('identity.email_taken');
    if (isUniqueViolation(e, 'customers_domain_name_uq')) throw new AppError('customers.domain_name_taken');
    if (isUniqueViolation(e)) throw new AppError('common.conflict');
    throw e;
  }
  if (!outcome.ok) throw new AppError(outcome.code);
  if (phoneOwner && input.phone) await tellPhoneInUse(ctx, phoneOwner, input.phone);
  return outcome;
}
