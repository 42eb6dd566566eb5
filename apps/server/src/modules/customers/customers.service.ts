import { type DbOrTx, isUniqueViolation } from '@pc/db';
import type { Actor, AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors/errors.ts';
import { newId } from '../../platform/ids/ids.ts';
import { emitEvent } from '../events/index.ts';
import { normalizePhone } from '../identity/index.ts';
import { assertPartnerActive, getPartner, newDomainId } from '../partners/index.ts';
import { notifyCustomer, TYPE_LABEL } from './customers.notify.ts';
import {
  type AssociationRow,
  type CustomerRow,
  endAssociation,
  findActiveAssociation,
  findCustomerByDomainName,
  insertAssociation,
  insertCustomer,
  lockCustomer,
  updateAssociationLabel,
  updateCustomer,
} from './customers.repository.ts';
import {
  ASSOCIATION_TYPE_CODE,
  type AssociationType,
  apiTime,
  businessDateTime,
  generateDomainName,
  isValidDomainName,
  nextChangeAllowedAt,
} from './customers.rules.ts';

export interface NewCustomer {
  name?: string | null;
  domainName?: string | null;
  email?: string | null;
  phone?: string | null;
  /** `none` until the customer picks one or is verified (accounts made through the partner API). */
  customerType?: 'individual' | 'enterprise' | 'none';
  userId?: string | null;
  xaccountType?: string | null;
  xaccountId?: string | null;
  createdByPartnerId?: string | null;
  origin: 'api' | 'redirect' | 'self' | 'demo';
  /** Fixed ids for demo data. */
  id?: string;
  domainId?: string;
}

/** The event body for customer events: API ids, snake_case. */
function customerEventData(c: CustomerRow): Record<string, unknown> {
  return {
    customer_id: c.domainId,
    account_name: c.domainName,
    customer: c.name,
    xaccount_type: c.xaccountType,
    xaccount_id: c.xaccountId,
    is_frozen: c.status === 'frozen' ? 1 : 0,
  };
}

/**
 * Creates a customer account (R6, R18) in the caller's transaction: a 32-hex domain id like the
 * provider's, the account name checked against the contract's rule or generated. A taken name is
 * `customers.domain_name_taken`; a racing insert may still hit the unique index (callers map it).
 */
export async function createCustomerAccount(
  ctx: AppContext,
  tx: DbOrTx,
  actor: Actor,
  input: NewCustomer,
): Promise<CustomerRow> {
  let domainName = input.domainName?.trim() || '';
  if (domainName) {
    if (!isValidDomainName(domainName))
      throw new AppError('customers.domain_name_invalid', { field: 'domain_name' });
    if (await findCustomerByDomainName(tx, domainName)) throw new AppError('customers.domain_name_taken');
  } else {
    do domainName = generateDomainName();
    while (await findCustomerByDomainName(tx, domainName));
  }
  const now = ctx.clock.now();
  const customer = await insertCustomer(tx, {
    id: input.id ?? newId('cus', now.getTime()),
    domainId: input.domainId ?? newDomainId(),
    domainName,
    name: input.name?.trim() || domainName,
    email: input.email ?? null,
    // E.164, whatever path brought it (portal, sign-up, partner API, demo).
    phone: input.phone ? normalizePhone(input.phone) : null,
    customerType: input.customerType ?? 'individual',
    userId: input.userId ?? null,
    xaccountType: input.xaccountType ?? null,
    xaccountId: input.xaccountId ?? null,
    createdByPartnerId: input.createdByPartnerId ?? null,
    origin: input.origin,
    status: 'active',
    createdAt: now,
    updatedAt: now,
  });
  await ctx.audit.record(tx, actor, {
    action: 'customer.created',
    entityType: 'customer',
    entityId: customer.id,
    partnerId: customer.createdByPartnerId,
    after: {
      domainId: customer.domainId,
      domainName: customer.domainName,
      origin: customer.origin,
      xaccountType: customer.xaccountType,
      xaccountId: customer.xaccountId,
    },
  });
  if (customer.createdByPartnerId) {
    await emitEvent(ctx, tx, {
      partnerId: customer.createdByPartnerId,
      subjectId: customer.id,
      type: 'customer.created',
      data: customerEventData(customer),
    });
  }
  return customer;
}

/** Links the customer's sign-in account after it was created (sign-up creates both). */
export async function setCustomerUser(tx: DbOrTx, customerId: string, userId: string): Promise<void> {
  await updateCustomer(tx, customerId, { userId });
}

export type AssociationSource = 'invitation' | 'application' | 'api' | 'redirect' | 'demo';

/**
 * Associates the customer with the partner (R6) in the caller's transaction: one partner at a
 * time (the row lock serialises one customer's changes, the partial unique index settles races),
 * audited for both sides, `association.created` emitted, the customer told by email and SMS.
 */
export async function associate(
  ctx: AppContext,
  tx: DbOrTx,
  actor: Actor,
  input: {
    customerId: string;
    partnerId: string;
    type: AssociationType;
    source: AssociationSource;
    label?: string | null;
  },
): Promise<{ customer: CustomerRow; association: AssociationRow }> {
  // A suspended partner takes no new customers, whichever way the association comes.
  await assertPartnerActive(tx, input.partnerId);
  const customer = await lockCustomer(tx, input.customerId);
  if (!customer) throw new AppError('common.not_found');
  if (await findActiveAssociation(tx, customer.id)) throw new AppError('customers.already_associated');
  const now = ctx.clock.now();
  let association: AssociationRow;
  try {
    association = await insertAssociation(tx, {
      id: newId('cas', now.getTime()),
      customerId: customer.id,
      partnerId: input.partnerId,
      type: input.type,
      status: 'active',
      source: input.source,
      label: input.label ?? null,
      startedAt: now,
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError('customers.already_associated');
    throw e;
  }
  await ctx.audit.record(tx, actor, {
    action: 'association.created',
    entityType: 'customer',
    entityId: customer.id,
    partnerId: input.partnerId,
    after: { associationId: association.id, type: input.type, source: input.source },
  });
  await emitEvent(ctx, tx, {
    partnerId: input.partnerId,
    subjectId: customer.id,
    type: 'association.created',
    data: {
      ...customerEventData(customer),
      association_type: ASSOCIATION_TYPE_CODE[input.type],
      associated_on: apiTime(now),
      source: input.source,
    },
  });
  const partner = await getPartner(ctx, input.partnerId, tx);
  await notifyCustomer(ctx, tx, customer, 'customers.associated', `cas:${association.id}`, (l) => ({
    partnerName: partner?.name ?? '',
    type: TYPE_LABEL[input.type][l],
  }));
  return { customer, association };
}

function assertChangeAllowed(customer: CustomerRow, now: Date): void {
  const next = nextChangeAllowedAt(customer.lastAssociationChangeAt, now);
  if (next) throw new AppError('customers.change_too_soon', { date: businessDateTime(next) });
}

/** The customer's current association, which must be with one of `partnerIds`; locked for a change. */
async function lockedAssociation(
  tx: DbOrTx,
  customerId: string,
  partnerIds: readonly string[],
): Promise<{ customer: CustomerRow; association: AssociationRow }> {
  const customer = await lockCustomer(tx, customerId);
  const association = customer ? await findActiveAssociation(tx, customer.id) : undefined;
  if (!customer || !association || !partnerIds.includes(association.partnerId))
    throw new AppError('common.not_found');
  return { customer, association };
}

/**
 * Ends the association (R6). At most one unbind or type switch per customer every 3 months; the
 * refusal names the date from which it is possible again.
 */
export async function unbindCustomer(
  ctx: AppContext,
  actor: Actor,
  customerId: string,
  partnerIds: readonly string[],
): Promise<AssociationRow> {
  return ctx.db.transaction(async (tx) => {
    const { customer, association } = await lockedAssociation(tx, customerId, partnerIds);
    const now = ctx.clock.now();
    assertChangeAllowed(customer, now);
    const ended = await endAssociation(tx, association.id, now, 'unbind');
    if (!ended) throw new AppError('customers.not_associated');
    await updateCustomer(tx, customer.id, { lastAssociationChangeAt: now, updatedAt: now });
    await ctx.audit.record(tx, actor, {
      action: 'association.ended',
      entityType: 'customer',
      entityId: customer.id,
      partnerId: association.partnerId,
      before: { associationId: association.id, type: association.type, status: 'active' },
      after: { status: 'ended', reason: 'unbind' },
    });
    await emitEvent(ctx, tx, {
      partnerId: association.partnerId,
      subjectId: customer.id,
      type: 'association.ended',
      data: { ...customerEventData(customer), association_type: ASSOCIATION_TYPE_CODE[asType(association)] },
    });
    const partner = await getPartner(ctx, association.partnerId, tx);
    await notifyCustomer(
      ctx,
      tx,
      customer,
      'customers.association_changed',
      `cas-end:${association.id}`,
      (l) => ({
        partnerName: partner?.name ?? '',
        change: l === 'zh-CN' ? '已解除关联' : 'the association was ended',
      }),
    );
    return ended;
  });
}

function asType(a: AssociationRow): AssociationType {
  return a.type === 'resale' ? 'resale' : 'referral';
}

/** Switches referral ↔ resale (R6): the old row ends (`switch_type`), a new one starts; same 3-month rule. */
export async function switchAssociationType(
  ctx: AppContext,
  actor: Actor,
  customerId: string,
  partnerIds: readonly string[],
  type: AssociationType,
): Promise<AssociationRow> {
  return ctx.db.transaction(async (tx) => {
    const { customer, association } = await lockedAssociation(tx, customerId, partnerIds);
    if (association.type === type) throw new AppError('customers.same_type');
    const now = ctx.clock.now();
    assertChangeAllowed(customer, now);
    if (!(await endAssociation(tx, association.id, now, 'switch_type')))
      throw new AppError('customers.not_associated');
    const next = await insertAssociation(tx, {
      id: newId('cas', now.getTime()),
      customerId: customer.id,
      partnerId: association.partnerId,
      type,
      status: 'active',
      source: association.source,
      label: association.label,
      startedAt: now,
    });
    await updateCustomer(tx, customer.id, { lastAssociationChangeAt: now, updatedAt: now });
    await ctx.audit.record(tx, actor, {
      action: 'association.type_changed',
      entityType: 'customer',
      entityId: customer.id,
      partnerId: association.partnerId,
      before: { associationId: association.id, type: association.type },
      after: { associationId: next.id, type },
    });
    await emitEvent(ctx, tx, {
      partnerId: association.partnerId,
      subjectId: customer.id,
      type: 'association.type_changed',
      data: {
        ...customerEventData(customer),
        association_type: ASSOCIATION_TYPE_CODE[type],
        previous_association_type: ASSOCIATION_TYPE_CODE[asType(association)],
      },
    });
    const partner = await getPartner(ctx, association.partnerId, tx);
    await notifyCustomer(ctx, tx, customer, 'customers.association_changed', `cas-type:${next.id}`, (l) => ({
      partnerName: partner?.name ?? '',
      change:
        l === 'zh-CN'
          ? `关联类型变更为「${type === 'resale' ? '转售' : '推荐'}」`
          : `the type is now ${type}`,
    }));
    return next;
  });
}

export type FreezeType = 'ACCOUNT' | 'ACCOUNT_AND_RESOURCE';

/**
 * Freezes or unfreezes a customer in the caller's transaction (portal and partner API). The customer
 * row is locked; a repeated freeze is `customers.already_frozen`, an unfreeze of an active customer
 * `customers.not_frozen`.
 */
export async function setFrozen(
  ctx: AppContext,
  tx: DbOrTx,
  actor: Actor,
  input: {
    customerId: string;
    partnerId: string;
    frozen: boolean;
    reason: string;
    freezeType?: FreezeType;
    /** Unfreezing: refuse unless the freeze was of this type (the partner API's `unfreeze_type`). */
    unfreezeType?: FreezeType;
  },
): Promise<CustomerRow> {
  const customer = await lockCustomer(tx, input.customerId);
  if (!customer) throw new AppError('common.not_found');
  if (input.frozen && customer.status === 'frozen') throw new AppError('customers.already_frozen');
  if (!input.frozen && customer.status !== 'frozen') throw new AppError('customers.not_frozen');
  const frozenAs = customer.freezeType ?? 'ACCOUNT';
  if (!input.frozen && input.unfreezeType && input.unfreezeType !== frozenAs)
    throw new AppError('customers.unfreeze_type_differs', { freeze_type: frozenAs });
  const now = ctx.clock.now();
  const patch = input.frozen
    ? {
        status: 'frozen',
        freezeType: input.freezeType ?? 'ACCOUNT',
        frozenReason: input.reason,
        frozenAt: now,
        updatedAt: now,
      }
    : { status: 'active', freezeType: null, frozenReason: null, frozenAt: null, updatedAt: now };
  const after = await updateCustomer(tx, customer.id, patch);
  if (!after) throw new AppError('common.not_found');
  await ctx.audit.record(tx, actor, {
    action: input.frozen ? 'customer.frozen' : 'customer.unfrozen',
    entityType: 'customer',
    entityId: customer.id,
    partnerId: input.partnerId,
    before: { status: customer.status, freezeType: customer.freezeType },
    after: { status: after.status, freezeType: after.freezeType, reason: input.reason },
  });
  await emitEvent(ctx, tx, {
    partnerId: input.partnerId,
    subjectId: customer.id,
    type: input.frozen ? 'customer.frozen' : 'customer.unfrozen',
    data: { ...customerEventData(after), reason: input.reason, freeze_type: input.freezeType ?? 'ACCOUNT' },
  });
  return after;
}

/** Portal: the partner freezes or unfreezes one of its own customers. */
export async function freezeOwnCustomer(
  ctx: AppContext,
  actor: Actor & { partnerId: string },
  customerId: string,
  input: { frozen: boolean; reason: string; freezeType?: FreezeType },
): Promise<CustomerRow> {
  return ctx.db.transaction((tx) => freezeOwnCustomerIn(ctx, tx, actor, customerId, input));
}

/** `freezeOwnCustomer` in the caller's transaction (a bulk action runs one per customer). */
export async function freezeOwnCustomerIn(
  ctx: AppContext,
  tx: DbOrTx,
  actor: Actor & { partnerId: string },
  customerId: string,
  input: { frozen: boolean; reason: string; freezeType?: FreezeType },
): Promise<CustomerRow> {
  await lockedAssociation(tx, customerId, [actor.partnerId]);
  return setFrozen(ctx, tx, actor, { customerId, partnerId: actor.partnerId, ...input });
}

/** Sets the partner's own label on its customer (the API's `label`). */
export async function setLabel(
  ctx: AppContext,
  actor: Actor,
  customerId: string,
  partnerIds: readonly string[],
  label: string | null,
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const { customer, association } = await lockedAssociation(tx, customerId, partnerIds);
    await updateAssociationLabel(tx, association.id, label);
    await ctx.audit.record(tx, actor, {
      action: 'association.label_set',
      entityType: 'customer',
      entityId: customer.id,
      partnerId: association.partnerId,
      before: { label: association.label },
      after: { label },
    });
  });
}
