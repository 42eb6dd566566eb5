import './customers.errors.ts';
import '../../platform/partner-api/cbc.errors.ts';
import type { Actor, AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors/errors.ts';
import type { Locale } from '../../platform/i18n/i18n.ts';
import { newId } from '../../platform/ids/ids.ts';
import { useSignupCode } from '../identity/codes.service.ts';
import { isStrongPassword } from '../identity/passwords.ts';
import { normalizeEmail, normalizePhone } from '../identity/secrets.ts';
import { createUser } from '../identity/users.service.ts';
import { requireManagedCustomer, resolveActingPartner } from './customers.access.ts';
import { isUniqueViolation } from './customers.db-errors.ts';
import { findCustomerByXaccount, listCustomersForApi } from './customers.repository.ts';
import {
  ASSOCIATION_TYPE_CODE,
  type AssociationType,
  apiTime,
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

/** Portal-side codes that the partner API reports in its own dialect. */
const API_CODE: Record<string, string> = {
  'customers.domain_name_taken': 'CBC.99001001',
  'customers.domain_name_invalid': 'CBC.0100',
  'customers.already_frozen': 'CBC.99001004',
  'customers.not_frozen': 'CBC.99001005',
  'identity.email_taken': 'CBC.99001003',
  'identity.contact_taken': 'CBC.99001003',
  'identity.code_invalid': 'CBC.99001002',
  'identity.code_expired': 'CBC.99001002',
  'identity.too_many_attempts': 'CBC.99008040',
  'customers.already_associated': 'CBC.99000035',
};

function toApiError(e: unknown): unknown {
  if (e instanceof AppError && !e.code.startsWith('CBC.') && !e.code.startsWith('APIGW.')) {
    const code = API_CODE[e.code];
    if (code === 'CBC.0100')
      return new AppError(code, { field: 'domain_name', reason: e.messageIn('en-US') });
    if (code) return new AppError(code);
  }
  return e;
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
  type Outcome = { ok: true; domain_id: string; domain_name: string } | { ok: false; code: string };
  let acting = actor.partnerId;
  const existing = async () => {
    const c = await findCustomerByXaccount(ctx.db, acting, input.xaccountType, input.xaccountId);
    return c ? { domain_id: c.domainId, domain_name: c.domainName } : undefined;
  };
  let outcome: Outcome;
  try {
    outcome = await ctx.db.transaction(async (tx): Promise<Outcome> => {
      acting = await resolveActingPartner(tx, actor.partnerId, input.indirectPartnerId);
      const found = await findCustomerByXaccount(tx, acting, input.xaccountType, input.xaccountId);
      if (found) return { ok: true, domain_id: found.domainId, domain_name: found.domainName };
      const target = email ?? phone;
      if (target && input.verificationCode) {
        const check = await useSignupCode(ctx, tx, target, input.verificationCode);
        // A wrong guess is counted: commit that, refuse after.
        if (check !== 'ok') return { ok: false, code: API_CODE[check] ?? 'CBC.99001002' };
      }
      const self = { ...actor, partnerId: acting };
      const customer = await createCustomerAccount(ctx, tx, self, {
        domainName: input.domainName,
        email: email ?? null,
        phone: phone ?? null,
        origin: 'api',
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
    throw toApiError(e);
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

/** R18 query sub-customers: the acting partner's active customers, contacts masked. */
export async function querySubCustomers(ctx: AppContext, callerPartnerId: string, q: SubCustomerQuery) {
  const acting = await resolveActingPartner(ctx.db, callerPartnerId, q.indirectPartnerId);
  const { rows, total } = await listCustomersForApi(ctx.db, {
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
      associated_on: apiTime(r.associatedAt),
      association_type: ASSOCIATION_TYPE_CODE[r.associationType === 'resale' ? 'resale' : 'referral'],
      label: r.label ?? '',
      telephone: maskPhone(r.phone) ?? '',
      email: maskEmail(r.email) ?? '',
      verified_status: r.verifiedStatus === 'verified' ? '2' : '-1',
      customer_type: r.customerType === 'enterprise' ? 1 : 0,
      is_frozen: r.status === 'frozen' ? 1 : 0,
      xaccount_id: r.xaccountId ?? '',
      xaccount_type: r.xaccountType ?? '',
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
          freezeType: input.freezeType,
        });
      });
    } catch (e) {
      const err = toApiError(e);
      if (!(err instanceof AppError)) throw e;
      errors.push({ id, error_code: err.code, error_msg: err.messageIn(locale) });
    }
  }
  return { error_details: errors };
}
