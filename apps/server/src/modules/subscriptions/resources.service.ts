import type { DbOrTx } from '@pc/db';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors/errors.ts';
import {
  customersVisibleTo,
  findActiveAssociation,
  findCustomerByDomainId,
  resolveActingPartner,
} from '../customers/index.ts';
import './subscriptions.errors.ts';
import { daysUntil } from './subscriptions.periods.ts';
import {
  type EffectiveStatus,
  listResources,
  type ResourceFilter,
  type ResourceListRow,
  resourceFacets,
} from './subscriptions.repository.ts';

/**
 * Who acts on resources: a partner (its own customers and, in the portal, its resellers'), a
 * customer (its own), or the system (lifecycle jobs).
 */
export type Scope =
  | { kind: 'partner'; partnerIds: readonly string[]; actingPartnerId: string; channel: 'portal' | 'api' }
  | { kind: 'customer'; customerId: string }
  | { kind: 'system' };

/** Portal: the partner and, for a distributor, its resellers. */
export async function portalScope(ctx: AppContext, partnerId: string): Promise<Scope> {
  return {
    kind: 'partner',
    partnerIds: await customersVisibleTo(ctx.db, partnerId),
    actingPartnerId: partnerId,
    channel: 'portal',
  };
}

/** Partner API: the caller, or a distributor's reseller named by `indirect_partner_id`. */
export async function apiScope(
  ctx: AppContext,
  callerPartnerId: string,
  indirectPartnerId?: string | null,
): Promise<Scope> {
  const acting = await resolveActingPartner(ctx.db, callerPartnerId, indirectPartnerId);
  return { kind: 'partner', partnerIds: [acting], actingPartnerId: acting, channel: 'api' };
}

/**
 * Partner API resource and order calls (their SDK models have no `indirect_partner_id`): the
 * resources of the caller's customers and, for a distributor, of its active resellers' customers.
 */
export async function apiResourceScope(ctx: AppContext, callerPartnerId: string): Promise<Scope> {
  return {
    kind: 'partner',
    partnerIds: await customersVisibleTo(ctx.db, callerPartnerId),
    actingPartnerId: callerPartnerId,
    channel: 'api',
  };
}

/**
 * A customer (by its `domain_id`, the API's `customer_id`) actively associated with one of the
 * scope's partners; unknown and foreign customers are both `CBC.99000035`.
 */
export async function requireScopedCustomer(db: DbOrTx, scope: Scope, customerDomainId: string) {
  const customer = await findCustomerByDomainId(db, customerDomainId);
  if (!customer) throw new AppError('CBC.99000035');
  if (scope.kind === 'partner') {
    const association = await findActiveAssociation(db, customer.id);
    if (!association || !scope.partnerIds.includes(association.partnerId)) throw new AppError('CBC.99000035');
  } else if (scope.kind === 'customer' && scope.customerId !== customer.id) {
    throw new AppError('CBC.99000035');
  }
  return customer;
}

export function scopeFilter(scope: Scope): Pick<ResourceFilter, 'partnerIds' | 'customerIds'> {
  if (scope.kind === 'partner') return { partnerIds: scope.partnerIds };
  if (scope.kind === 'customer') return { customerIds: [scope.customerId] };
  return {};
}

/** The resources of the scope among `resourceIds` (others are simply absent: never revealed). */
export async function visibleResources(
  db: DbOrTx,
  scope: Scope,
  resourceIds: readonly string[],
): Promise<Map<string, ResourceListRow>> {
  if (resourceIds.length === 0) return new Map();
  const { rows } = await listResources(db, {
    ...scopeFilter(scope),
    resourceIds,
    includeReleased: true,
    offset: 0,
    limit: resourceIds.length * 2,
  });
  return new Map(rows.map((r) => [r.resource.resourceId, r]));
}

export interface ResourceView {
  id: string;
  resourceId: string;
  resourceName: string;
  customerId: string;
  customerDomainId: string;
  customerName: string;
  partnerId: string | null;
  associationType: string | null;
  serviceTypeCode: string;
  resourceTypeCode: string;
  regionCode: string;
  resourceSpecCode: string;
  productSpecDesc: string;
  enterpriseProjectId: string;
  enterpriseProjectName: string;
  parentResourceId: string | null;
  chargingMode: 'period' | 'on_demand';
  effectiveAt: string;
  expireAt: string | null;
  daysToExpiry: number | null;
  autoRenew: boolean;
  autoRenewPeriodType: 'month' | 'year';
  toOnDemandAtExpiry: boolean;
  status: EffectiveStatus;
  lifecycleStatus: string;
  frozenReason: string | null;
  /** The partner's or budget's freeze note, when the customer is frozen. */
  freezeNote: string | null;
  graceUntil: string | null;
  releasedAt: string | null;
}

export function resourceView(row: ResourceListRow, now: Date): ResourceView {
  const r = row.resource;
  return {
    id: r.id,
    resourceId: r.resourceId,
    resourceName: r.resourceName,
    customerId: r.customerId,
    customerDomainId: row.customerDomainId,
    customerName: row.customerName,
    partnerId: row.partnerId,
    associationType: row.associationType,
    serviceTypeCode: r.serviceTypeCode,
    resourceTypeCode: r.resourceTypeCode,
    regionCode: r.regionCode,
    resourceSpecCode: r.resourceSpecCode,
    productSpecDesc: r.productSpecDesc,
    enterpriseProjectId: r.enterpriseProjectId,
    enterpriseProjectName: r.enterpriseProjectName,
    parentResourceId: r.parentResourceId,
    chargingMode: r.chargingMode as ResourceView['chargingMode'],
    effectiveAt: r.effectiveAt.toISOString(),
    expireAt: r.expireAt?.toISOString() ?? null,
    daysToExpiry: r.expireAt ? daysUntil(now, r.expireAt) : null,
    autoRenew: r.autoRenew === 1,
    autoRenewPeriodType: r.autoRenewPeriodType as ResourceView['autoRenewPeriodType'],
    toOnDemandAtExpiry: r.toOnDemandAtExpiry === 1,
    status: row.effectiveStatus,
    lifecycleStatus: r.status,
    frozenReason: row.frozenReason,
    freezeNote: row.frozenReason === 'customer_frozen' ? row.customerFreezeReason : null,
    graceUntil: r.graceUntil?.toISOString() ?? null,
    releasedAt: r.releasedAt?.toISOString() ?? null,
  };
}

export interface RenewalListQuery {
  customerDomainId?: string;
  enterpriseProjectId?: string;
  serviceTypeCode?: string;
  regionCode?: string;
  /** Expiring within this many days (7, 15, 30 or any custom number) from today, Asia/Shanghai. */
  expiresWithinDays?: number;
  status?: EffectiveStatus;
  autoRenew?: boolean;
  chargingMode?: 'period' | 'on_demand';
  tab?: 'resources' | 'domains';
  offset: number;
  limit: number;
}

/** The renewal page's list with its filters (R15), soonest expiry first. */
export async function renewalList(
  ctx: AppContext,
  scope: Scope,
  q: RenewalListQuery,
): Promise<{ items: ResourceView[]; total: number }> {
  const now = ctx.clock.now();
  let customerIds: string[] | undefined;
  if (q.customerDomainId) {
    const c = await findCustomerByDomainId(ctx.db, q.customerDomainId);
    customerIds = c ? [c.id] : [];
    if (scope.kind === 'customer') customerIds = customerIds.filter((id) => id === scope.customerId);
  }
  const filter: ResourceFilter = {
    ...scopeFilter(scope),
    ...(customerIds ? { customerIds } : {}),
    enterpriseProjectId: q.enterpriseProjectId,
    serviceTypeCode: q.serviceTypeCode,
    regionCode: q.regionCode,
    statuses: q.status ? [q.status] : undefined,
    autoRenew: q.autoRenew,
    chargingMode: q.chargingMode,
    domains: q.tab === 'domains' ? 'only' : q.tab === 'resources' ? 'exclude' : undefined,
    expireTo: q.expiresWithinDays === undefined ? undefined : endOfDayIn(now, q.expiresWithinDays),
    offset: q.offset,
    limit: q.limit,
  };
  const { rows, total } = await listResources(ctx.db, filter);
  return { items: rows.map((r) => resourceView(r, now)), total };
}

/** The end (exclusive) of the Asia/Shanghai day `days` after today. */
export function endOfDayIn(now: Date, days: number): Date {
  const shanghai = new Date(now.getTime() + 8 * 3600_000);
  const midnight =
    Date.UTC(shanghai.getUTCFullYear(), shanghai.getUTCMonth(), shanghai.getUTCDate()) - 8 * 3600_000;
  return new Date(midnight + (days + 1) * 86_400_000);
}

export async function renewalFacets(ctx: AppContext, scope: Scope) {
  const rows = await resourceFacets(ctx.db, scopeFilter(scope));
  const projects = new Map<string, string>();
  for (const r of rows) projects.set(r.enterpriseProjectId, r.enterpriseProjectName);
  return {
    enterpriseProjects: [...projects].map(([id, name]) => ({ id, name })),
    serviceTypes: [...new Set(rows.map((r) => r.serviceTypeCode))].sort(),
    regions: [...new Set(rows.map((r) => r.regionCode))].sort(),
  };
}

/** A resource of the scope, or `subscriptions.resource_not_found` (never tells whose it is). */
export async function requireResource(
  ctx: AppContext,
  scope: Scope,
  resourceId: string,
): Promise<ResourceView> {
  const found = (await visibleResources(ctx.db, scope, [resourceId])).get(resourceId);
  if (!found) throw new AppError('subscriptions.resource_not_found', { resourceId });
  return resourceView(found, ctx.clock.now());
}
