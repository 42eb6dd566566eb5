import { type DbOrTx, schema } from '@pc/db';
import { type AnyColumn, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { SpendResource } from './spend.validate.ts';

const imp = schema.spendImports;
export type SpendImportRow = typeof imp.$inferSelect;

/** One row for spend_records, already resolved (internal customer id, partner at the time of spend). */
export interface SpendRow {
  recordId: string;
  customerId: string;
  partnerId: string | null;
  associationType: string | null;
  spentAt: Date;
  billCycle: string;
  serviceType: string;
  amountFen: number;
  paymentKind: string;
  eligibleFen: number;
  resource: SpendResource;
}

export interface CustomerAtSpend {
  id: string;
  domainId: string;
  /** Every association of the customer, to find the one in force at the time of a record. */
  associations: { partnerId: string; type: string; startedAt: Date; endedAt: Date | null }[];
}

/** A whole array as ONE bind parameter (Drizzle would otherwise expand it into a list). */
const arr = (values: unknown[], type: string): SQL => sql`${sql.param(values)}::${sql.raw(type)}[]`;

type Rows<R> = { rows: R[] };
async function rowsOf<R>(q: Promise<unknown>): Promise<R[]> {
  return ((await q) as Rows<R>).rows;
}

/**
 * Spend-time partner lookup: the customers of a batch (by domain id) with their associations. A
 * read of the customers tables kept here because ingestion needs it in bulk, one query per batch.
 */
export async function findCustomersForSpend(db: DbOrTx, domainIds: string[]): Promise<CustomerAtSpend[]> {
  if (domainIds.length === 0) return [];
  const rows = await rowsOf<{
    id: string;
    domain_id: string;
    partner_id: string | null;
    type: string | null;
    started_at: string | Date | null;
    ended_at: string | Date | null;
  }>(
    db.execute(sql`
      select c.id, c.domain_id, a.partner_id, a.type, a.started_at, a.ended_at
      from customers c left join customer_associations a on a.customer_id = c.id
      where c.domain_id = any(${arr(domainIds, 'text')})`),
  );
  const byId = new Map<string, CustomerAtSpend>();
  for (const r of rows) {
    let c = byId.get(r.id);
    if (!c) {
      c = { id: r.id, domainId: r.domain_id, associations: [] };
      byId.set(r.id, c);
    }
    if (r.partner_id && r.type && r.started_at) {
      c.associations.push({
        partnerId: r.partner_id,
        type: r.type,
        startedAt: new Date(r.started_at),
        endedAt: r.ended_at ? new Date(r.ended_at) : null,
      });
    }
  }
  return [...byId.values()];
}

/**
 * Inserts the rows in one statement (arrays unnested server-side: one round trip, few bind
 * parameters); rows whose record id exists are skipped. Returns the record ids actually inserted.
 */
export async function insertSpendRows(
  tx: DbOrTx,
  rows: SpendRow[],
  importId: string | null,
  acceptedAt: Date,
): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const out = await rowsOf<{ record_id: string }>(
    tx.execute(sql`
      insert into spend_records (record_id, customer_id, partner_id, association_type, spent_at, bill_cycle,
        service_type, amount_fen, payment_kind, eligible_fen, resource_id, resource_type, resource_name,
        region_code, enterprise_project_id, detail, import_id, accepted_at)
      select u.record_id, u.customer_id, u.partner_id, u.association_type, u.spent_at, u.bill_cycle,
        u.service_type, u.amount_fen, u.payment_kind, u.eligible_fen, u.resource_id, u.resource_type,
        u.resource_name, u.region_code, u.enterprise_project_id, u.detail::jsonb, ${importId}::text, ${acceptedAt.toISOString()}::timestamptz
      from unnest(
        ${arr(
          rows.map((r) => r.recordId),
          'text',
        )}, ${arr(
          rows.map((r) => r.customerId),
          'text',
        )}, ${arr(
          rows.map((r) => r.partnerId),
          'text',
        )},
        ${arr(
          rows.map((r) => r.associationType),
          'text',
        )}, ${arr(
          rows.map((r) => r.spentAt.toISOString()),
          'timestamptz',
        )}, ${arr(
          rows.map((r) => r.billCycle),
          'text',
        )},
        ${arr(
          rows.map((r) => r.serviceType),
          'text',
        )}, ${arr(
          rows.map((r) => String(r.amountFen)),
          'bigint',
        )}, ${arr(
          rows.map((r) => r.paymentKind),
          'text',
        )},
        ${arr(
          rows.map((r) => String(r.eligibleFen)),
          'bigint',
        )},
        ${arr(
          rows.map((r) => r.resource.resourceId),
          'text',
        )}, ${arr(
          rows.map((r) => r.resource.resourceType),
          'text',
        )}, ${arr(
          rows.map((r) => r.resource.resourceName),
          'text',
        )},
        ${arr(
          rows.map((r) => r.resource.regionCode),
          'text',
        )}, ${arr(
          rows.map((r) => r.resource.enterpriseProjectId),
          'text',
        )}, ${arr(
          rows.map((r) => (r.resource.detail ? JSON.stringify(r.resource.detail) : null)),
          'text',
        )}
      ) as u(record_id, customer_id, partner_id, association_type, spent_at, bill_cycle, service_type,
             amount_fen, payment_kind, eligible_fen, resource_id, resource_type, resource_name, region_code,
             enterprise_project_id, detail)
      on conflict (record_id) do nothing
      returning record_id`),
  );
  return new Set(out.map((r) => r.record_id));
}

/**
 * Adds amounts to the per-customer, per-cycle totals (sorted by key so concurrent batches take the
 * row locks in the same order) and returns the new totals.
 */
export async function addToTotals(
  tx: DbOrTx,
  deltas: { customerId: string; billCycle: string; amountFen: number }[],
): Promise<{ customerId: string; billCycle: string; amountFen: number }[]> {
  if (deltas.length === 0) return [];
  const sorted = [...deltas].sort((a, b) =>
    a.customerId === b.customerId
      ? a.billCycle.localeCompare(b.billCycle)
      : a.customerId < b.customerId
        ? -1
        : 1,
  );
  const out = await rowsOf<{ customer_id: string; bill_cycle: string; amount_fen: string | number }>(
    tx.execute(sql`
      insert into customer_spend_totals (customer_id, bill_cycle, amount_fen)
      select * from unnest(${arr(
        sorted.map((d) => d.customerId),
        'text',
      )}, ${arr(
        sorted.map((d) => d.billCycle),
        'text',
      )}, ${arr(
        sorted.map((d) => String(d.amountFen)),
        'bigint',
      )})
      on conflict (customer_id, bill_cycle)
        do update set amount_fen = customer_spend_totals.amount_fen + excluded.amount_fen
      returning customer_id, bill_cycle, amount_fen`),
  );
  return out.map((r) => ({
    customerId: r.customer_id,
    billCycle: r.bill_cycle,
    amountFen: Number(r.amount_fen),
  }));
}

/** A customer's spend in one cycle (0 when none). */
/**
 * The customer's running spend in a bill cycle as an SQL expression (0 when nothing was spent), for
 * other modules' list queries: `customerId` is their customer id column. One indexed lookup in the
 * running totals per row, so a page of a list stays one query.
 */
export function spendInCycleSql(customerId: SQL | AnyColumn, billCycle: string): SQL<number> {
  return sql<number>`coalesce((select st.amount_fen from customer_spend_totals st
    where st.customer_id = ${customerId} and st.bill_cycle = ${billCycle}), 0)::bigint`;
}

export async function spendInCycle(db: DbOrTx, customerId: string, billCycle: string): Promise<number> {
  const [row] = await db
    .select({ amount: schema.customerSpendTotals.amountFen })
    .from(schema.customerSpendTotals)
    .where(
      sql`${schema.customerSpendTotals.customerId} = ${customerId} and ${schema.customerSpendTotals.billCycle} = ${billCycle}`,
    );
  return row?.amount ?? 0;
}

/** A customer's spend at or after an instant (PACKAGE budgets). */
export async function spendSince(db: DbOrTx, customerId: string, since: Date): Promise<number> {
  const [row] = await rowsOf<{ total: string | number | null }>(
    db.execute(sql`select coalesce(sum(amount_fen), 0) as total from spend_records
      where customer_id = ${customerId} and spent_at >= ${since.toISOString()}::timestamptz`),
  );
  return Number(row?.total ?? 0);
}

// Imports

export async function insertImport(tx: DbOrTx, row: typeof imp.$inferInsert): Promise<SpendImportRow> {
  const [out] = await tx.insert(imp).values(row).returning();
  if (!out) throw new Error('spend import insert returned nothing');
  return out;
}

export async function updateImport(
  tx: DbOrTx,
  id: string,
  patch: Partial<typeof imp.$inferInsert>,
): Promise<SpendImportRow | undefined> {
  const [row] = await tx.update(imp).set(patch).where(eq(imp.id, id)).returning();
  return row;
}

/** Adds a batch's counts to an import's progress. */
export async function addImportProgress(
  tx: DbOrTx,
  id: string,
  add: { processed: number; inserted: number; duplicates: number },
): Promise<void> {
  await tx
    .update(imp)
    .set({
      processedLines: sql`${imp.processedLines} + ${add.processed}`,
      insertedCount: sql`${imp.insertedCount} + ${add.inserted}`,
      duplicateCount: sql`${imp.duplicateCount} + ${add.duplicates}`,
    })
    .where(eq(imp.id, id));
}

export async function findImport(db: DbOrTx, id: string): Promise<SpendImportRow | undefined> {
  const [row] = await db.select().from(imp).where(eq(imp.id, id));
  return row;
}

export async function listImports(db: DbOrTx, limit: number): Promise<SpendImportRow[]> {
  return db.select().from(imp).orderBy(desc(imp.createdAt), desc(imp.id)).limit(limit);
}

/** Renews a running import's heartbeat (database time, the same for every process). */
export async function touchImport(db: DbOrTx, id: string): Promise<void> {
  await db.update(imp).set({ heartbeatAt: sql`now()` }).where(eq(imp.id, id));
}

/**
 * Running imports whose process is gone are marked interrupted: those whose heartbeat is older than
 * `leaseMs`, or every running import when `leaseMs` is null (the only process, at its start).
 */
export async function markRunningInterrupted(db: DbOrTx, at: Date, leaseMs: number | null): Promise<number> {
  const stale =
    leaseMs === null
      ? sql`true`
      : sql`(${imp.heartbeatAt} is null or ${imp.heartbeatAt} < now() - make_interval(secs => ${leaseMs / 1000}))`;
  const r = await db
    .update(imp)
    .set({ status: 'interrupted', finishedAt: at })
    .where(sql`${imp.status} in ('validating', 'importing') and ${stale}`)
    .returning({ id: imp.id });
  return r.length;
}
