import { type DbOrTx, schema } from '@pc/db';
import { and, asc, count, eq, gte, inArray, isNull, lt, lte, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

const r = schema.resources;
const c = schema.customers;
const a = schema.customerAssociations;
const steps = schema.resourceLifecycleSteps;
const k = schema.resourceCounts;

export type ResourceRow = typeof r.$inferSelect;
export type NewResource = typeof r.$inferInsert;

/** Service type of domain names: they have their own shortcut tab (R15). */
export const DOMAIN_SERVICE_TYPE = 'hws.service.type.domain';

export type EffectiveStatus = 'in_use' | 'expired' | 'frozen' | 'released';

/**
 * What the customer and the partner see: the resource's own lifecycle with the customer's freeze
 * on top (a freeze of account and resources, or a budget's purchase restriction, freezes every
 * resource; lifting it restores them, nothing is rewritten).
 */
function effectiveStatusOf(status: SQL | AnyPgColumn) {
  return sql<EffectiveStatus>`case
  when ${status} in ('released', 'unsubscribed') then 'released'
  when (${c.status} = 'frozen' and ${c.freezeType} = 'ACCOUNT_AND_RESOURCE') or ${c.purchaseRestrictedAt} is not null then 'frozen'
  when ${status} = 'grace' then 'expired'
  else 'in_use' end`;
}
const effectiveStatus = effectiveStatusOf(r.status);

/** Why a resource is frozen: `customer_frozen`, `budget_restricted` or `expired` (grace period). */
const frozenReason = sql<string | null>`case
  when ${r.status} in ('released', 'unsubscribed') then null
  when ${c.status} = 'frozen' and ${c.freezeType} = 'ACCOUNT_AND_RESOURCE' then
    case when ${c.purchaseRestrictedAt} is not null and ${c.frozenReason} = 'budget_exhausted' then 'budget_restricted' else 'customer_frozen' end
  when ${c.purchaseRestrictedAt} is not null then 'budget_restricted'
  when ${r.status} = 'grace' then 'expired'
  else null end`;

export interface ResourceFilter {
  /** Resources of customers actively associated with these partners. */
  partnerIds?: readonly string[];
  customerIds?: readonly string[];
  resourceIds?: readonly string[];
  enterpriseProjectId?: string;
  serviceTypeCode?: string;
  regionCode?: string;
  chargingMode?: 'period' | 'on_demand';
  statuses?: readonly EffectiveStatus[];
  autoRenew?: boolean;
  expireFrom?: Date;
  expireTo?: Date;
  effectiveFrom?: Date;
  effectiveTo?: Date;
  onlyMain?: boolean;
  /** `only` domain names, `exclude` them, or both when unset. */
  domains?: 'only' | 'exclude';
  /** Released resources are hidden unless asked for by status. */
  includeReleased?: boolean;
  orderId?: string;
  offset: number;
  limit: number;
}

export interface ResourceListRow {
  resource: ResourceRow;
  effectiveStatus: EffectiveStatus;
  frozenReason: string | null;
  customerFreezeReason: string | null;
  customerStatus: string;
  customerRestricted: boolean;
  customerDomainId: string;
  customerName: string;
  partnerId: string | null;
  associationType: string | null;
}

/**
 * How a filter's values enter a statement: as they are, or as named placeholders of a statement built
 * once per shape (`listResources`). The same builders serve both, so names and values always agree.
 */
type Bind = <T>(name: string, value: T) => T;
const asIs: Bind = (_name, value) => value;

/** The status filter: effective statuses asked for, or everything but released resources. */
function statusWhere(f: ResourceFilter, status: AnyPgColumn, p: Bind): SQL | undefined {
  if (f.statuses?.length)
    return sql`(${effectiveStatusOf(status)}) in (${sql.join(
      f.statuses.map((s, i) => sql`${p(`status${i}`, s)}`),
      sql`, `,
    )})`;
  return f.includeReleased ? undefined : sql`${status} not in ('released', 'unsubscribed')`;
}

const each = (name: string, values: readonly string[], p: Bind) => values.map((v, i) => p(`${name}${i}`, v));

function whereOf(f: ResourceFilter, p: Bind = asIs): SQL | undefined {
  const conds: (SQL | undefined)[] = [
    f.partnerIds ? inArray(a.partnerId, each('partner', f.partnerIds, p)) : undefined,
    f.customerIds ? inArray(r.customerId, each('customer', f.customerIds, p)) : undefined,
    f.resourceIds ? inArray(r.resourceId, each('resource', f.resourceIds, p)) : undefined,
    f.enterpriseProjectId ? eq(r.enterpriseProjectId, p('project', f.enterpriseProjectId)) : undefined,
    f.serviceTypeCode ? eq(r.serviceTypeCode, p('service', f.serviceTypeCode)) : undefined,
    f.regionCode ? eq(r.regionCode, p('region', f.regionCode)) : undefined,
    f.chargingMode ? eq(r.chargingMode, f.chargingMode) : undefined,
    f.autoRenew === undefined ? undefined : eq(r.autoRenew, f.autoRenew ? 1 : 0),
    f.expireFrom ? gte(r.expireAt, p('expireFrom', f.expireFrom)) : undefined,
    f.expireTo ? lt(r.expireAt, p('expireTo', f.expireTo)) : undefined,
    f.effectiveFrom ? gte(r.effectiveAt, p('effectiveFrom', f.effectiveFrom)) : undefined,
    f.effectiveTo ? lt(r.effectiveAt, p('effectiveTo', f.effectiveTo)) : undefined,
    f.onlyMain ? isNull(r.parentResourceId) : undefined,
    f.domains === 'only' ? eq(r.serviceTypeCode, DOMAIN_SERVICE_TYPE) : undefined,
    f.domains === 'exclude' ? sql`${r.serviceTypeCode} <> ${DOMAIN_SERVICE_TYPE}` : undefined,
    statusWhere(f, r.status, p),
    f.orderId
      ? sql`exists (select 1 from order_lines ol where ol.resource_ref = ${r.id} and ol.order_id = ${p('order', f.orderId)})`
      : undefined,
  ];
  return and(...conds.filter((x): x is SQL => x !== undefined));
}

/**
 * The filter on the kept counts (`resource_counts`: per customer, charging mode, lifecycle status,
 * main/sub and service type), or null when the filter needs the resources themselves (ids, order,
 * project, region, auto-renewal, dates): then the total is counted from the resources.
 */
function keptCountWhere(f: ResourceFilter, p: Bind = asIs): SQL | undefined | null {
  const needsRows = [
    f.resourceIds,
    f.enterpriseProjectId,
    f.regionCode,
    f.autoRenew,
    f.expireFrom,
    f.expireTo,
    f.effectiveFrom,
    f.effectiveTo,
    f.orderId,
  ].some((x) => x !== undefined);
  if (needsRows) return null;
  const conds: (SQL | undefined)[] = [
    f.partnerIds ? inArray(a.partnerId, each('partner', f.partnerIds, p)) : undefined,
    f.customerIds ? inArray(k.customerId, each('customer', f.customerIds, p)) : undefined,
    f.serviceTypeCode ? eq(k.serviceTypeCode, p('service', f.serviceTypeCode)) : undefined,
    f.chargingMode ? eq(k.chargingMode, f.chargingMode) : undefined,
    f.onlyMain ? eq(k.main, 1) : undefined,
    f.domains === 'only' ? eq(k.serviceTypeCode, DOMAIN_SERVICE_TYPE) : undefined,
    f.domains === 'exclude' ? sql`${k.serviceTypeCode} <> ${DOMAIN_SERVICE_TYPE}` : undefined,
    statusWhere(f, k.status, p),
  ];
  return and(...conds.filter((x): x is SQL => x !== undefined));
}

/**
 * The exact number of resources matching `f`: the sum of the kept counts of the scope's customers
 * (a few rows per customer, whatever their number of resources) when the filter allows, else a
 * count of the resources.
 */
function totalQuery(db: DbOrTx, f: ResourceFilter, p: Bind = asIs) {
  const kept = keptCountWhere(f, p);
  if (kept === null)
    return db
      .select({ n: count() })
      .from(r)
      .innerJoin(c, eq(c.id, r.customerId))
      .leftJoin(a, and(eq(a.customerId, r.customerId), eq(a.status, 'active')))
      .where(whereOf(f, p));
  return db
    .select({ n: sql<string>`coalesce(sum(${k.n}), 0)` })
    .from(k)
    .innerJoin(c, eq(c.id, k.customerId))
    .leftJoin(a, and(eq(a.customerId, k.customerId), eq(a.status, 'active')))
    .where(kept);
}

function listQuery(db: DbOrTx, f: ResourceFilter, p: Bind) {
  return db
    .select({
      resource: r,
      effectiveStatus,
      frozenReason,
      customerFreezeReason: c.frozenReason,
      customerStatus: c.status,
      customerRestricted: sql<boolean>`${c.purchaseRestrictedAt} is not null`,
      customerDomainId: c.domainId,
      customerName: c.name,
      partnerId: a.partnerId,
      associationType: a.type,
      total: sql<string>`(${totalQuery(db, f, p)})`,
    })
    .from(r)
    .innerJoin(c, eq(c.id, r.customerId))
    .leftJoin(a, and(eq(a.customerId, r.customerId), eq(a.status, 'active')))
    .where(whereOf(f, p))
    .orderBy(sql`${r.expireAt} asc nulls last`, asc(r.id))
    .offset(p('offset', f.offset))
    .limit(p('limit', f.limit));
}

type ListRow = Awaited<ReturnType<typeof listQuery>>[number];
interface PreparedList {
  execute(values: Record<string, unknown>): Promise<ListRow[]>;
}

/** What decides the statement's text: the filters set, array lengths and the flags written inline. */
function shapeOf(f: ResourceFilter): string {
  return Object.entries(f)
    .filter(([, v]) => v !== undefined)
    .map(([key, v]) => {
      if (Array.isArray(v)) return `${key}[${v.length}]`;
      if (typeof v === 'boolean' || key === 'domains' || key === 'chargingMode') return `${key}=${String(v)}`;
      return key;
    })
    .sort()
    .join(';');
}

/** Statements built per database handle and shape (a transaction's own die with it). */
const prepared = new WeakMap<object, Map<string, PreparedList>>();
const MAX_SHAPES = 256;

/**
 * Resources with what the list shows of their customer (reads the customers' rows for the
 * freeze state and the association's partner: one indexed join instead of a round trip per row),
 * and the exact total: one statement (the total is a scalar subquery of the page), a second only
 * when a page past the first is empty. The statement is built once per filter shape with named
 * placeholders and run unnamed (planned for each call's values, as before): building a select of
 * this size took most of a partner API call's CPU.
 */
export async function listResources(
  db: DbOrTx,
  f: ResourceFilter,
): Promise<{ total: number; rows: ResourceListRow[] }> {
  const values: Record<string, unknown> = {};
  const bind: Bind = <T>(name: string, value: T): T => {
    values[name] = value;
    return sql.placeholder(name) as unknown as T;
  };
  let shapes = prepared.get(db);
  if (!shapes) {
    shapes = new Map();
    prepared.set(db, shapes);
  }
  const shape = shapeOf(f);
  let query = shapes.get(shape);
  if (query) {
    // Only the values: the same builders, without the select around them.
    keptCountWhere(f, bind);
    whereOf(f, bind);
    bind('offset', f.offset);
    bind('limit', f.limit);
  } else {
    // `_prepare()` without a name is what `execute()` does inside drizzle: an unnamed statement.
    query = (listQuery(db, f, bind) as unknown as { _prepare(): PreparedList })._prepare();
    if (shapes.size < MAX_SHAPES) shapes.set(shape, query);
  }
  const rows = await query.execute(values);
  const first = rows[0];
  if (first)
    return { total: Number(first.total), rows: rows.map(({ total: _t, ...x }) => x as ResourceListRow) };
  if (f.offset === 0 && f.limit > 0) return { total: 0, rows: [] };
  const [t] = await totalQuery(db, f);
  return { total: Number(t?.n ?? 0), rows: [] };
}

/** Distinct enterprise projects, services and regions of the scope, for the filters. */
export async function resourceFacets(db: DbOrTx, f: Pick<ResourceFilter, 'partnerIds' | 'customerIds'>) {
  const where = whereOf({ ...f, offset: 0, limit: 0, includeReleased: true });
  const rows = await db
    .selectDistinct({
      enterpriseProjectId: r.enterpriseProjectId,
      enterpriseProjectName: r.enterpriseProjectName,
      serviceTypeCode: r.serviceTypeCode,
      regionCode: r.regionCode,
    })
    .from(r)
    .innerJoin(c, eq(c.id, r.customerId))
    .leftJoin(a, and(eq(a.customerId, r.customerId), eq(a.status, 'active')))
    .where(where)
    .limit(1000);
  return rows;
}

/** Resources by the provider's ids, locked in id order (no deadlock between two renewals). */
export async function lockResources(tx: DbOrTx, resourceIds: readonly string[]): Promise<ResourceRow[]> {
  if (resourceIds.length === 0) return [];
  return tx
    .select()
    .from(r)
    .where(inArray(r.resourceId, [...resourceIds]))
    .orderBy(asc(r.id))
    .for('update');
}

export async function lockResourceByRef(tx: DbOrTx, id: string): Promise<ResourceRow | undefined> {
  const [row] = await tx.select().from(r).where(eq(r.id, id)).for('update').limit(1);
  return row;
}

export async function findResourceByRef(db: DbOrTx, id: string): Promise<ResourceRow | undefined> {
  const [row] = await db.select().from(r).where(eq(r.id, id)).limit(1);
  return row;
}

export async function updateResource(
  tx: DbOrTx,
  id: string,
  set: Partial<NewResource>,
): Promise<ResourceRow> {
  const [row] = await tx.update(r).set(set).where(eq(r.id, id)).returning();
  return row as ResourceRow;
}

/** The sub-resources of main resources (renewed, set and unsubscribed with them). */
export function childrenOf(db: DbOrTx, mainResourceIds: readonly string[]): Promise<ResourceRow[]> {
  if (mainResourceIds.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(r)
    .where(inArray(r.parentResourceId, [...mainResourceIds]))
    .orderBy(asc(r.id));
}

/** A resource bought through a purchase order, created when the order is paid. */
export async function insertResource(tx: DbOrTx, row: NewResource): Promise<ResourceRow> {
  const [out] = await tx.insert(r).values(row).returning();
  return out as ResourceRow;
}

/**
 * Ingestion: inserts new resources and updates known ones only with a newer report of the order
 * system (`source_updated_at`), so a retried or late batch changes nothing. Returns the ids written.
 */
export async function upsertResources(tx: DbOrTx, rows: NewResource[]): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const written = await tx
    .insert(r)
    .values(rows)
    .onConflictDoUpdate({
      target: r.resourceId,
      set: {
        customerId: sql`excluded.customer_id`,
        resourceName: sql`excluded.resource_name`,
        serviceTypeCode: sql`excluded.service_type_code`,
        resourceTypeCode: sql`excluded.resource_type_code`,
        regionCode: sql`excluded.region_code`,
        resourceSpecCode: sql`excluded.resource_spec_code`,
        productSpecDesc: sql`excluded.product_spec_desc`,
        specSize: sql`excluded.spec_size`,
        specSizeMeasureId: sql`excluded.spec_size_measure_id`,
        enterpriseProjectId: sql`excluded.enterprise_project_id`,
        enterpriseProjectName: sql`excluded.enterprise_project_name`,
        parentResourceId: sql`excluded.parent_resource_id`,
        chargingMode: sql`excluded.charging_mode`,
        effectiveAt: sql`excluded.effective_at`,
        expireAt: sql`excluded.expire_at`,
        autoRenew: sql`excluded.auto_renew`,
        status: sql`excluded.status`,
        graceUntil: sql`excluded.grace_until`,
        releasedAt: sql`excluded.released_at`,
        sourceUpdatedAt: sql`excluded.source_updated_at`,
        updatedAt: sql`excluded.updated_at`,
      },
      setWhere: sql`${r.sourceUpdatedAt} < excluded.source_updated_at`,
    })
    .returning({ resourceId: r.resourceId });
  return new Set(written.map((w) => w.resourceId));
}

/** Records a lifecycle step; false when it was already recorded (another node, or a rerun). */
export async function claimStep(
  tx: DbOrTx,
  resourceRef: string,
  expireAt: Date,
  step: string,
  at: Date,
  outcome = 'done',
): Promise<boolean> {
  const rows = await tx
    .insert(steps)
    .values({ resourceId: resourceRef, expireAt, step, outcome, at })
    .onConflictDoNothing()
    .returning({ step: steps.step });
  return rows.length > 0;
}

/**
 * Claims the reminder `remind:<days>` for every yearly/monthly resource in use that expires before
 * `before` (after `now`) and has not had it for this expiry, in one statement; returns the claims.
 */
export async function claimReminders(
  tx: DbOrTx,
  days: number,
  now: Date,
  before: Date,
  limit: number,
): Promise<{ resourceRef: string; expireAt: Date }[]> {
  const days_ = `remind:${days}`;
  const at = now.toISOString();
  const res = (await tx.execute(sql`
    insert into resource_lifecycle_steps (resource_id, expire_at, step, outcome, at)
    select r.id, r.expire_at, ${days_}, 'done', ${at}::timestamptz
      from resources r
     where r.status = 'in_use' and r.charging_mode = 'period'
       and r.expire_at > ${at}::timestamptz and r.expire_at < ${before.toISOString()}::timestamptz
       and not exists (select 1 from resource_lifecycle_steps s
                        where s.resource_id = r.id and s.expire_at = r.expire_at and s.step = ${days_})
     order by r.expire_at
     limit ${limit}
    on conflict do nothing
    returning resource_id, expire_at`)) as unknown as {
    rows: { resource_id: string; expire_at: string | Date }[];
  };
  return res.rows.map((x) => ({ resourceRef: x.resource_id, expireAt: new Date(x.expire_at) }));
}

/** Yearly/monthly resources with auto-renewal due before `before` (in use or in grace). */
export function dueForAutoRenew(db: DbOrTx, before: Date, limit: number): Promise<ResourceRow[]> {
  return db
    .select()
    .from(r)
    .where(
      and(
        inArray(r.status, ['in_use', 'grace']),
        eq(r.chargingMode, 'period'),
        eq(r.autoRenew, 1),
        lt(r.expireAt, before),
        sql`not exists (select 1 from resource_lifecycle_steps s where s.resource_id = ${r.id} and s.expire_at = ${r.expireAt} and s.step = 'auto_renew')`,
      ),
    )
    .orderBy(asc(r.expireAt))
    .limit(limit);
}

/** Moves one resource on only from the state it was read in (a second node's update finds nothing). */
export async function transition(
  tx: DbOrTx,
  id: string,
  from: string,
  set: Partial<NewResource>,
): Promise<ResourceRow | undefined> {
  const [row] = await tx
    .update(r)
    .set(set)
    .where(and(eq(r.id, id), eq(r.status, from)))
    .returning();
  return row;
}

/** Resources by our ids (one array parameter, however many: a sweep's chunk is tens of thousands). */
export function resourcesByRefs(db: DbOrTx, refs: readonly string[]): Promise<ResourceRow[]> {
  if (refs.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(r)
    .where(sql`${r.id} = any(${sql.param([...refs])}::text[])`);
}

/**
 * Moves up to `limit` expired yearly/monthly resources (not set to change to pay-per-use) into the
 * retention period in one statement, claiming them with `skip locked` so parallel sweeps share the
 * work; records their `expired` steps. Returns the moved rows. The claimed ids are one array
 * (`= any(array(…))`, evaluated once): as `in (subquery)` PostgreSQL, misled by statistics taken
 * before anything was due, re-ran the claim per row (minutes over a million resources).
 */
export async function expireBatch(
  tx: DbOrTx,
  now: Date,
  retentionDays: number,
  limit: number,
): Promise<ResourceRow[]> {
  const due = tx
    .select({ id: r.id })
    .from(r)
    .where(
      and(
        eq(r.status, 'in_use'),
        eq(r.chargingMode, 'period'),
        lte(r.expireAt, now),
        eq(r.toOnDemandAtExpiry, 0),
      ),
    )
    .orderBy(asc(r.expireAt))
    .limit(limit)
    .for('update', { skipLocked: true });
  const moved = await tx
    .update(r)
    .set({
      status: 'grace',
      graceUntil: sql`${r.expireAt} + make_interval(days => ${retentionDays}::int)`,
      updatedAt: now,
    })
    .where(and(sql`${r.id} = any(array(${due}))`, eq(r.status, 'in_use')))
    .returning();
  await recordSteps(tx, moved, 'expired', now);
  return moved;
}

/** Releases up to `limit` resources whose retention is over, in one statement (as expireBatch). */
export async function releaseBatch(tx: DbOrTx, now: Date, limit: number): Promise<ResourceRow[]> {
  const due = tx
    .select({ id: r.id })
    .from(r)
    .where(and(eq(r.status, 'grace'), lte(r.graceUntil, now)))
    .orderBy(asc(r.graceUntil))
    .limit(limit)
    .for('update', { skipLocked: true });
  const moved = await tx
    .update(r)
    .set({ status: 'released', releasedAt: now, autoRenew: 0, updatedAt: now })
    .where(and(sql`${r.id} = any(array(${due}))`, eq(r.status, 'grace')))
    .returning();
  await recordSteps(tx, moved, 'released', now);
  return moved;
}

/** Records the step of many resources in one statement (arrays as parameters). */
async function recordSteps(tx: DbOrTx, rows: readonly ResourceRow[], step: string, at: Date): Promise<void> {
  const done = rows.filter((x) => x.expireAt);
  if (done.length === 0) return;
  await tx.execute(sql`
    insert into resource_lifecycle_steps (resource_id, expire_at, step, outcome, at)
    select u.id, u.expire_at, ${step}, 'done', ${at.toISOString()}::timestamptz
      from unnest(${sql.param(done.map((x) => x.id))}::text[],
                  ${sql.param(done.map((x) => (x.expireAt as Date).toISOString()))}::timestamptz[]) as u(id, expire_at)
    on conflict do nothing`);
}

/** Expired resources set to change to pay-per-use (handled one by one: each gets an order). */
export function dueForOnDemand(db: DbOrTx, now: Date, limit: number): Promise<ResourceRow[]> {
  return db
    .select()
    .from(r)
    .where(
      and(
        eq(r.status, 'in_use'),
        eq(r.chargingMode, 'period'),
        lte(r.expireAt, now),
        eq(r.toOnDemandAtExpiry, 1),
      ),
    )
    .orderBy(asc(r.expireAt))
    .limit(limit);
}
