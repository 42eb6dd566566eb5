import { type Database, type DbOrTx, schema } from '@pc/db';
import { and, asc, count, desc, eq, gte, ilike, inArray, lt, or, type SQL, sql } from 'drizzle-orm';
import { apiTime } from './customers.rules.ts';

const c = schema.customers;
const a = schema.customerAssociations;
const r = schema.associationRequests;
const bulk = schema.customerBulkActions;

export type CustomerRow = typeof c.$inferSelect;
export type AssociationRow = typeof a.$inferSelect;
export type RequestRow = typeof r.$inferSelect;

// Customers

export async function insertCustomer(tx: DbOrTx, row: typeof c.$inferInsert): Promise<CustomerRow> {
  const [out] = await tx.insert(c).values(row).returning();
  if (!out) throw new Error('customer insert returned nothing');
  return out;
}

export async function findCustomer(db: DbOrTx, id: string): Promise<CustomerRow | undefined> {
  const [row] = await db.select().from(c).where(eq(c.id, id));
  return row;
}

export async function findCustomersByIds(db: DbOrTx, ids: readonly string[]): Promise<CustomerRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(c)
    .where(inArray(c.id, [...new Set(ids)]));
}

export async function findCustomerByDomainId(db: DbOrTx, domainId: string): Promise<CustomerRow | undefined> {
  const [row] = await db.select().from(c).where(eq(c.domainId, domainId));
  return row;
}

export async function findCustomerByDomainName(db: DbOrTx, name: string): Promise<CustomerRow | undefined> {
  const [row] = await db.select().from(c).where(sql`lower(${c.domainName}) = ${name.toLowerCase()}`);
  return row;
}

export async function findCustomerByXaccount(
  db: DbOrTx,
  partnerId: string,
  xaccountType: string,
  xaccountId: string,
): Promise<CustomerRow | undefined> {
  const [row] = await db
    .select()
    .from(c)
    .where(
      and(
        eq(c.createdByPartnerId, partnerId),
        eq(c.xaccountType, xaccountType),
        eq(c.xaccountId, xaccountId),
      ),
    );
  return row;
}

export async function findCustomersByContact(
  db: DbOrTx,
  q: { email?: string | null; phone?: string | null },
): Promise<CustomerRow[]> {
  const conds: SQL[] = [];
  if (q.email) conds.push(sql`lower(${c.email}) = ${q.email.toLowerCase()}`);
  if (q.phone) conds.push(eq(c.phone, q.phone));
  if (conds.length === 0) return [];
  return db
    .select()
    .from(c)
    .where(or(...conds));
}

export async function updateCustomer(
  tx: DbOrTx,
  id: string,
  patch: Partial<typeof c.$inferInsert>,
): Promise<CustomerRow | undefined> {
  const [row] = await tx.update(c).set(patch).where(eq(c.id, id)).returning();
  return row;
}

/** Locks the customer row: association changes of one customer are serialised on it. */
export async function lockCustomer(tx: DbOrTx, id: string): Promise<CustomerRow | undefined> {
  const [row] = await tx.select().from(c).where(eq(c.id, id)).for('update');
  return row;
}

// Associations

export async function findActiveAssociation(
  db: DbOrTx,
  customerId: string,
): Promise<AssociationRow | undefined> {
  const [row] = await db
    .select()
    .from(a)
    .where(and(eq(a.customerId, customerId), eq(a.status, 'active')));
  return row;
}

export async function insertAssociation(tx: DbOrTx, row: typeof a.$inferInsert): Promise<AssociationRow> {
  const [out] = await tx.insert(a).values(row).returning();
  if (!out) throw new Error('association insert returned nothing');
  return out;
}

/** Ends the association if it is still active; undefined when someone else ended it first. */
export async function endAssociation(
  tx: DbOrTx,
  id: string,
  at: Date,
  reason: string,
): Promise<AssociationRow | undefined> {
  const [row] = await tx
    .update(a)
    .set({ status: 'ended', endedAt: at, endReason: reason })
    .where(and(eq(a.id, id), eq(a.status, 'active')))
    .returning();
  return row;
}

export async function updateAssociationLabel(tx: DbOrTx, id: string, label: string | null): Promise<void> {
  await tx.update(a).set({ label }).where(eq(a.id, id));
}

export function associationHistory(db: DbOrTx, customerId: string): Promise<AssociationRow[]> {
  // A switch ends one row and starts the next at the same instant: the active one first.
  return db
    .select()
    .from(a)
    .where(eq(a.customerId, customerId))
    .orderBy(desc(a.startedAt), sql`${a.endedAt} desc nulls first`);
}

// Lists

export interface CustomerFilter {
  /** Partners whose active customers are listed (the partner and, for a distributor, its resellers). */
  partnerIds: readonly string[];
  /** Fuzzy on the customer's name or account name. */
  keyword?: string;
  accountName?: string;
  customerName?: string;
  type?: 'referral' | 'resale';
  associatedFrom?: Date;
  /** Exclusive upper bound. */
  associatedTo?: Date;
  label?: string;
  domainId?: string;
  offset: number;
  limit: number;
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (m) => `\\${m}`);
}

function filterWhere(f: CustomerFilter): SQL | undefined {
  const conds: (SQL | undefined)[] = [inArray(a.partnerId, [...f.partnerIds]), eq(a.status, 'active')];
  if (f.keyword) {
    const k = `%${escapeLike(f.keyword)}%`;
    conds.push(or(ilike(c.name, k), ilike(c.domainName, k), ilike(c.domainId, k)));
  }
  if (f.accountName) conds.push(ilike(c.domainName, `%${escapeLike(f.accountName)}%`));
  if (f.customerName) conds.push(ilike(c.name, `%${escapeLike(f.customerName)}%`));
  if (f.type) conds.push(eq(a.type, f.type));
  if (f.associatedFrom) conds.push(gte(a.startedAt, f.associatedFrom));
  if (f.associatedTo) conds.push(lt(a.startedAt, f.associatedTo));
  if (f.label) conds.push(ilike(a.label, `%${escapeLike(f.label)}%`));
  if (f.domainId) conds.push(eq(c.domainId, f.domainId));
  return and(...conds);
}

export interface CustomerListRow {
  customer: CustomerRow;
  association: AssociationRow;
}

export async function listCustomers(
  db: DbOrTx,
  f: CustomerFilter,
): Promise<{ rows: CustomerListRow[]; total: number }> {
  if (f.partnerIds.length === 0) return { rows: [], total: 0 };
  const where = filterWhere(f);
  // Newest association first, by the association's own columns: the (partner, status, started_at)
  // index then yields the page directly instead of sorting every customer of the partner.
  const rows = await db
    .select({ customer: c, association: a })
    .from(a)
    .innerJoin(c, eq(c.id, a.customerId))
    .where(where)
    .orderBy(desc(a.startedAt), desc(a.id))
    .offset(f.offset)
    .limit(f.limit);
  return { rows, total: await countCustomers(db, f, where) };
}

export type CustomerSort = 'associatedAt' | 'spendMonth' | 'budgetUsage';

/** Per-customer figures of the portal list, as SQL over the customer id (other modules' columns). */
export interface CustomerListMetrics {
  spendFen: SQL<number>;
  budgetAmountFen: SQL<number | null>;
  budgetUsedFen: SQL<number | null>;
}

export interface CustomerMetricRow extends CustomerListRow {
  spendFen: number;
  budgetAmountFen: number | null;
  budgetUsedFen: number | null;
}

/**
 * The portal list with this month's spend and the budget usage, sorted by any of them: the page and
 * its total in one query (a window count), whatever the page size. Ties fall back to the newest
 * association first.
 */
export async function listCustomersWithMetrics(
  db: DbOrTx,
  f: CustomerFilter,
  metrics: CustomerListMetrics,
  sort: { by: CustomerSort; order: 'asc' | 'desc' },
): Promise<{ rows: CustomerMetricRow[]; total: number }> {
  if (f.partnerIds.length === 0) return { rows: [], total: 0 };
  const where = filterWhere(f);
  const dir = sql.raw(sort.order === 'asc' ? 'asc' : 'desc');
  const key =
    sort.by === 'spendMonth'
      ? sql`${metrics.spendFen} ${dir}`
      : sort.by === 'budgetUsage'
        ? sql`(${metrics.budgetUsedFen})::numeric / nullif(${metrics.budgetAmountFen}, 0) ${dir} nulls last`
        : sql`${a.startedAt} ${dir}`;
  const rows = await db
    .select({
      customer: c,
      association: a,
      spendFen: sql<number>`${metrics.spendFen}`.mapWith(Number),
      budgetAmountFen: sql<number | null>`${metrics.budgetAmountFen}`.mapWith(Number),
      budgetUsedFen: sql<number | null>`${metrics.budgetUsedFen}`.mapWith(Number),
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(a)
    .innerJoin(c, eq(c.id, a.customerId))
    .where(where)
    .orderBy(key, desc(a.startedAt), desc(a.id))
    .offset(f.offset)
    .limit(f.limit);
  // Past the last page the window count has no row to ride on: count separately (rare).
  const total = rows[0]?.total ?? (f.offset > 0 ? await countCustomers(db, f, where) : 0);
  return { rows: rows.map(({ total: _t, ...r }) => r), total };
}

/** The total of a filter; without a customer-side filter only the associations are read (index-only). */
async function countCustomers(db: DbOrTx, f: CustomerFilter, where: SQL | undefined): Promise<number> {
  const [n] = needsCustomerJoin(f)
    ? await db.select({ n: count() }).from(a).innerJoin(c, eq(c.id, a.customerId)).where(where)
    : await db.select({ n: count() }).from(a).where(where);
  return Number(n?.n ?? 0);
}

/** The columns the partner API's query answers with: a narrow select keeps the hot path cheap. */
const apiColumns = {
  domainId: c.domainId,
  domainName: c.domainName,
  name: c.name,
  phone: c.phone,
  email: c.email,
  verifiedStatus: c.verifiedStatus,
  customerType: c.customerType,
  status: c.status,
  freezeType: c.freezeType,
  xaccountId: c.xaccountId,
  xaccountType: c.xaccountType,
  associatedAt: a.startedAt,
  associationType: a.type,
  label: a.label,
};

/** One row of the R18 query, as the partner API answers it (`associatedOn` already `yyyy-MM-ddTHH:mm:ssZ`). */
export interface ApiCustomerRow {
  domainId: string;
  domainName: string;
  name: string;
  phone: string | null;
  email: string | null;
  verifiedStatus: string;
  customerType: string;
  status: string;
  freezeType: string | null;
  xaccountId: string | null;
  xaccountType: string | null;
  associatedOn: string;
  associationType: string;
  label: string | null;
}

/** `listCustomers` for R18 query: same filters and order, only the answered columns. */
export async function listCustomersForApi(
  database: Database,
  f: CustomerFilter,
): Promise<{ rows: ApiCustomerRow[]; total: number }> {
  if (f.partnerIds.length === 0) return { rows: [], total: 0 };
  const only = f.partnerIds.length === 1 && !hasFilter(f) ? f.partnerIds[0] : undefined;
  if (only) {
    // The common call (a partner paging through its customers): page and total in one round trip,
    // the page as one JSON text already in the answer's row shape (time formatted by the database).
    const { rows } = await database.prepared<{ total: number; page: string }>(
      'pc_api_customer_page_v3',
      PAGE_SQL,
      [only, f.limit, f.offset],
    );
    const row = rows[0];
    return { rows: row ? (JSON.parse(row.page) as ApiCustomerRow[]) : [], total: row?.total ?? 0 };
  }
  const where = filterWhere(f);
  const page = database.db
    .select(apiColumns)
    .from(a)
    .innerJoin(c, eq(c.id, a.customerId))
    .where(where)
    .orderBy(desc(a.startedAt), desc(a.id))
    .offset(f.offset)
    .limit(f.limit);
  const [rows, total] = await Promise.all([page, countCustomers(database.db, f, where)]);
  return {
    rows: rows.map(({ associatedAt, ...row }) => ({ ...row, associatedOn: apiTime(associatedAt) })),
    total,
  };
}

/**
 * The page statement: `pc_api_customer_page` (migration 0023) pages the partner's associations and
 * reads only that page's customers, with its plan kept for the session. The total is the kept count
 * (triggers on customer_associations, migration 0020): one row, not a count of the partner's
 * customers on every page.
 */
const PAGE_SQL = 'select * from pc_api_customer_page($1, $2, $3)';

function hasFilter(f: CustomerFilter): boolean {
  return !!(needsCustomerJoin(f) || f.type || f.associatedFrom || f.associatedTo || f.label);
}

function needsCustomerJoin(f: CustomerFilter): boolean {
  return !!(f.keyword || f.accountName || f.customerName || f.domainId);
}

/** Every customer for the console (operators), newest first. */
export async function listAllCustomers(
  db: DbOrTx,
  q: { keyword?: string; offset: number; limit: number },
): Promise<{ rows: { customer: CustomerRow; association: AssociationRow | null }[]; total: number }> {
  const where = q.keyword
    ? or(
        ilike(c.name, `%${escapeLike(q.keyword)}%`),
        ilike(c.domainName, `%${escapeLike(q.keyword)}%`),
        ilike(c.domainId, `%${escapeLike(q.keyword)}%`),
      )
    : undefined;
  const rows = await db
    .select({ customer: c, association: a })
    .from(c)
    .leftJoin(a, and(eq(a.customerId, c.id), eq(a.status, 'active')))
    .where(where)
    .orderBy(desc(c.createdAt), asc(c.id))
    .offset(q.offset)
    .limit(q.limit);
  const [n] = await db.select({ n: count() }).from(c).where(where);
  return { rows, total: Number(n?.n ?? 0) };
}

// Association requests

export async function insertRequest(tx: DbOrTx, row: typeof r.$inferInsert): Promise<RequestRow> {
  const [out] = await tx.insert(r).values(row).returning();
  if (!out) throw new Error('request insert returned nothing');
  return out;
}

export async function findRequest(db: DbOrTx, id: string): Promise<RequestRow | undefined> {
  const [row] = await db.select().from(r).where(eq(r.id, id));
  return row;
}

export async function findRequestByTokenHash(db: DbOrTx, tokenHash: string): Promise<RequestRow | undefined> {
  const [row] = await db.select().from(r).where(eq(r.tokenHash, tokenHash));
  return row;
}

/** Decides a pending request; undefined when it was no longer pending. */
export async function decideRequest(
  tx: DbOrTx,
  id: string,
  patch: { status: string; decidedAt: Date; decidedBy: string | null; customerId?: string },
): Promise<RequestRow | undefined> {
  const [row] = await tx
    .update(r)
    .set(patch)
    .where(and(eq(r.id, id), eq(r.status, 'pending')))
    .returning();
  return row;
}

export function listRequestsOfPartner(db: DbOrTx, partnerId: string, limit = 200): Promise<RequestRow[]> {
  return db.select().from(r).where(eq(r.partnerId, partnerId)).orderBy(desc(r.createdAt)).limit(limit);
}

export function listRequestsOfCustomer(
  db: DbOrTx,
  customerId: string,
  email: string | null,
  limit = 50,
): Promise<RequestRow[]> {
  const who = email
    ? or(eq(r.customerId, customerId), sql`lower(${r.email}) = ${email.toLowerCase()}`)
    : eq(r.customerId, customerId);
  return db.select().from(r).where(who).orderBy(desc(r.createdAt)).limit(limit);
}

export async function findPendingRequest(
  db: DbOrTx,
  partnerId: string,
  q: { customerId?: string; email?: string },
): Promise<RequestRow | undefined> {
  const who = q.customerId
    ? eq(r.customerId, q.customerId)
    : sql`lower(${r.email}) = ${q.email?.toLowerCase()}`;
  const [row] = await db
    .select()
    .from(r)
    .where(and(eq(r.partnerId, partnerId), eq(r.status, 'pending'), who));
  return row;
}

// Bulk actions

export type BulkActionRow = typeof bulk.$inferSelect;

/**
 * Claims a request key: the new row, or undefined when the partner already used the key (on
 * PostgreSQL a concurrent claim of the same key waits for the first transaction, then sees it).
 */
export async function claimBulkAction(
  tx: DbOrTx,
  row: typeof bulk.$inferInsert,
): Promise<BulkActionRow | undefined> {
  const [out] = await tx.insert(bulk).values(row).onConflictDoNothing().returning();
  return out;
}

export async function findBulkAction(
  db: DbOrTx,
  partnerId: string,
  requestKey: string,
): Promise<BulkActionRow | undefined> {
  const [row] = await db
    .select()
    .from(bulk)
    .where(and(eq(bulk.partnerId, partnerId), eq(bulk.requestKey, requestKey)));
  return row;
}

export async function saveBulkResults(tx: DbOrTx, id: string, results: unknown): Promise<void> {
  await tx.update(bulk).set({ results }).where(eq(bulk.id, id));
}

/** The customer ids a filter matches, newest association first, at most `limit`. */
export async function matchingCustomerIds(db: DbOrTx, f: CustomerFilter): Promise<string[]> {
  if (f.partnerIds.length === 0) return [];
  const rows = await db
    .select({ id: c.id })
    .from(a)
    .innerJoin(c, eq(c.id, a.customerId))
    .where(filterWhere(f))
    .orderBy(desc(a.startedAt), desc(a.id))
    .offset(f.offset)
    .limit(f.limit);
  return rows.map((x) => x.id);
}
