import { isUniqueViolation } from '@pc/db';
import type { Actor, AppContext } from '../../platform/context.ts';
import { AppError, type ErrorCode } from '../../platform/errors/errors.ts';
import type { Locale } from '../../platform/i18n/i18n.ts';
import { newId } from '../../platform/ids/ids.ts';
import { toCbcError } from '../../platform/partner-api/cbc.errors.ts';
import {
  createUser,
  isStrongPassword,
  normalizeEmail,
  normalizePhone,
  useSignupCode,
} from '../identity/index.ts';
import { requireManagedCustomer, resolveActingPartner } from './customers.access.ts';
import { findCustomerByXaccount, listCustomersForApi } from './customers.repository.ts';
import {
  type ApiSite,
  type AssociationType,
  associationTypeCode,
  CUSTOMER_TYPE_CODE,
  countryCodeOf,
  maskEmail,
  maskPhone,
} from './customers.rules.ts';
import {
  associate,
  createCustomerAccount,
  type FreezeType,
  setCustomerUser,
  setFrozen,
} from './customers.service.ts';

export interface CreateSubCustomer {
  domainName?: string;
  xaccountType: string;
  xaccountId: string;
  password?: string;
  mobilePhone?: string;
  email?: string;
  verificationCode?: string;
  indirectPartnerId?: string;
  associationType: AssociationType;
}

/**
 * R18 create customer: idempotent on (xaccount_type, xaccount_id) per acting partner — a retry
 * returns the same account; two concurrent first calls meet at the unique index and the loser
 * returns the winner's account. The contact's verification code (purpose `customer_signup`) is
 * checked when a mobile phone or email is given; a sign-in account is made when an email and a
 * password are given.
 */
export async function createSubCustomer(
  ctx: AppContext,
  actor: Actor & { partnerId: string },
  input: CreateSubCustomer,
): Promise<{ domain_id: string; domain_name: string }> {
  const email = input.email ? normalizeEmail(input.email) : undefined;
  const phone = input.mobilePhone ? normalizePhone(input.mobilePhone) : undefined;
  if ((email || phone) && !input.verificationCode)
    throw new AppError('CBC.0100', {
      field: 'verification_code',
      reason: 'is required with mobile_phone or email',
    });
  if (input.password && !isStrongPassword(input.password, email)) throw new AppError('CBC.99000036');
  type Outcome = { ok: true; domain_id: string; domain_name: string } | { ok: false; code: ErrorCode };
  let acting = actor.partnerId;
  // A retry is the same customer; the same xaccount under another account name is refused, never
  // silently answered with the first name (the SDK's `domain_name` echoes the requested one).
  const sameAccount = (c: { domainId: string; domainName: string }) => {
    if (input.domainName && input.domainName.toLowerCase() !== c.domainName.toLowerCase())
      throw new AppError('CBC.99001006', { domain_name: c.domainName });
    return { domain_id: c.domainId, domain_name: c.domainName };
  };
  const existing = async () => {
    const c = await findCustomerByXaccount(ctx.db, acting, input.xaccountType, input.xaccountId);
    return c ? sameAccount(c) : undefined;
  };
  let outcome: Outcome;
  try {
    outcome = await ctx.db.transaction(async (tx): Promise<Outcome> => {
      acting = await resolveActingPartner(tx, actor.partnerId, input.indirectPartnerId);
      const found = await findCustomerByXaccount(tx, acting, input.xaccountType, input.xaccountId);
      if (found) return { ok: true, ...sameAccount(found) };
      const target = email ?? phone;
      if (target && input.verificationCode) {
        const check = await useSignupCode(ctx, tx, target, input.verificationCode);
        // A wrong guess is counted: commit that, refuse after.
        if (check !== 'ok') return { ok: false, code: check };
      }
      const self = { ...actor, partnerId: acting };
      const customer = await createCustomerAccount(ctx, tx, self, {
        domainName: input.domainName,
        email: email ?? null,
        phone: phone ?? null,
        origin: 'api',
        // No type until the customer picks one or is verified (the SDK's customer_type -1).
        customerType: 'none',
        createdByPartnerId: acting,
        xaccountType: input.xaccountType,
        xaccountId: input.xaccountId,
      });
      if (email && input.password) {
        const user = await createUser(ctx, tx, self, {
          id: newId('usr', ctx.clock.now().getTime()),
          userType: 'customer',
          partnerId: null,
          customerId: customer.id,
          roles: [],
          email,
          phone: phone ?? null,
          name: customer.name,
          password: input.password,
          locale: actor.locale,
          verified: true,
        });
        await setCustomerUser(tx, customer.id, user.id);
      }
      await associate(ctx, tx, self, {
        customerId: customer.id,
        partnerId: acting,
        type: input.associationType,
        source: 'api',
      });
      return { ok: true, domain_id: customer.domainId, domain_name: customer.domainName };
    });
  } catch (e) {
    if (isUniqueViolation(e, 'customers_xaccount_uq')) {
      const winner = await existing();
      if (winner) return winner;
    }
    if (isUniqueViolation(e, 'customers_domain_name_uq')) throw new AppError('CBC.99001001');
    if (isUniqueViolation(e, 'users_email_uq') || isUniqueViolation(e, 'users_phone_uq'))
      throw new AppError('CBC.99001003');
    throw e;
  }
  if (!outcome.ok) throw new AppError(outcome.code);
  return { domain_id: outcome.domain_id, domain_name: outcome.domain_name };
}

export interface SubCustomerQuery {
  accountName?: string;
  customer?: string;
  label?: string;
  associationType?: AssociationType;
  associatedOnBegin?: Date;
  associatedOnEnd?: Date;
  customerId?: string;
  indirectPartnerId?: string;
  offset: number;
  limit: number;
}

/**
 * R18 query sub-customers: the acting partner's active customers, contacts masked, in the dialect
 * of the caller's site: association types 1 referral / 2 resale (China) or 1 / 3 (international);
 * `is_frozen` 1 account / 2 account and resources (China) or 1 (international).
 */
export async function querySubCustomers(
  ctx: AppContext,
  callerPartnerId: string,
  q: SubCustomerQuery,
  site: ApiSite,
) {
  const acting = await resolveActingPartner(ctx.db, callerPartnerId, q.indirectPartnerId);
  const { rows, total } = await listCustomersForApi(ctx.database, {
    partnerIds: [acting],
    accountName: q.accountName?.trim() || undefined,
    customerName: q.customer?.trim() || undefined,
    label: q.label?.trim() || undefined,
    type: q.associationType,
    associatedFrom: q.associatedOnBegin,
    // The end is inclusive to the second.
    associatedTo: q.associatedOnEnd ? new Date(q.associatedOnEnd.getTime() + 1000) : undefined,
    domainId: q.customerId,
    offset: q.offset,
    limit: q.limit,
  });
  return {
    count: total,
    customer_infos: rows.map((r) => ({
      customer_id: r.domainId,
      account_name: r.domainName,
      customer: r.name,
      associated_on: r.associatedOn,
      association_type: associationTypeCode(r.associationType === 'resale' ? 'resale' : 'referral', site),
      label: r.label ?? '',
      telephone: maskPhone(r.phone) ?? '',
      email: maskEmail(r.email) ?? '',
      verified_status: r.verifiedStatus === 'verified' ? '2' : '-1',
      country_code: countryCodeOf(r.phone),
      customer_type: CUSTOMER_TYPE_CODE[r.customerType] ?? -1,
      is_frozen: r.status !== 'frozen' ? 0 : site === 'cn' && r.freezeType === 'ACCOUNT_AND_RESOURCE' ? 2 : 1,
      // No account managers are assigned to customers here, and no customer level system: V0.
      account_managers: [],
      xaccount_id: r.xaccountId ?? '',
      xaccount_type: r.xaccountType ?? '',
      customer_level: 'V0',
    })),
  };
}

export interface ErrorDetail {
  id: string;
  error_code: string;
  error_msg: string;
}

/**
 * R18 freeze / unfreeze (≤ 10 customers): each customer in its own transaction, so one refusal
 * never undoes the others; refusals are listed in `error_details`. Only a reseller refusal
 * (`indirect_partner_id`) fails the whole call.
 */
export async function freezeSubCustomers(
  ctx: AppContext,
  actor: Actor & { partnerId: string },
  input: {
    customerIds: string[];
    reason: string;
    frozen: boolean;
    freezeType?: FreezeType;
    indirectPartnerId?: string;
  },
  locale: Locale,
): Promise<{ error_details: ErrorDetail[] }> {
  const acting = await resolveActingPartner(ctx.db, actor.partnerId, input.indirectPartnerId);
  const errors: ErrorDetail[] = [];
  for (const id of [...new Set(input.customerIds)]) {
    try {
      await ctx.db.transaction(async (tx) => {
        const { customer } = await requireManagedCustomer(tx, acting, id);
        await setFrozen(ctx, tx, actor, {
          customerId: customer.id,
          partnerId: acting,
          frozen: input.frozen,
          reason: input.reason,
          freezeType: input.frozen ? input.freezeType : undefined,
          unfreezeType: input.frozen ? undefined : (input.freezeType ?? 'ACCOUNT'),
        });
      });
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      const { error_code, error_msg } = toCbcError(ctx.errors, e, locale);
      errors.push({ id, error_code, error_msg });
    }
  }
  return { error_details: errors };
}
