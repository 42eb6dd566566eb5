import { copyField, copyTextInto, type DbOrTx, isUniqueViolation, schema } from '@pc/db';
import { type AnyColumn, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { SpendApplied } from './spend.events.ts';
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
 * `lock`: the customers are taken FOR KEY SHARE (in id order) until the transaction ends — the
 * check a foreign key would make per record, made once per batch (ADR 0011).
 */
export async function findCustomersForSpend(
  db: DbOrTx,
  domainIds: string[],
  opts: { lock?: boolean } = {},
): Promise<CustomerAtSpend[]> {
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
      where c.domain_id = any(${arr(domainIds, 'text')})
      ${opts.lock ? sql`order by c.id collate "C" for key share of c` : sql``}`),
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

/** The batch's resolved rows, COPYed here first (temporary, emptied at commit). */
const STAGE = 'spend_stage';
/**
 * The batch's records inserted now (not duplicates): what `spend.accepted` listeners read, in the
 * publishing transaction (temporary, emptied at commit).
 */
export const ACCEPTED_TABLE = 'spend_accepted';
const STAGE_COLUMNS =
  'record_id, customer_id, partner_id, association_type, spent_at, bill_cycle, service_type, amount_fen, payment_kind, eligible_fen, resource_id, resource_type, resource_name, region_code, enterprise_project_id, detail';
const ACCEPTED_COLUMNS =
  'record_id, customer_id, partner_id, association_type, spent_at, bill_cycle, service_type, resource_type, amount_fen, payment_kind, eligible_fen';

/**
 * The session's staging tables, created on a connection's first batch (`on commit delete rows`
 * empties them at commit) and emptied here too: one round trip, a DO block, as both are needed
 * before every batch.
 */
async function ensureStaging(tx: DbOrTx): Promise<void> {
  await tx.execute(
    sql.raw(`do $$ begin
      create temp table if not exists ${STAGE} (record_id text not null, customer_id text not null,
        partner_id text, association_type text, spent_at timestamptz not null, bill_cycle text not null,
        service_type text not null, amount_fen bigint not null, payment_kind text not null,
        eligible_fen bigint not null, resource_id text, resource_type text, resource_name text, region_code text,
        enterprise_project_id text, detail jsonb) on commit delete rows;
      create temp table if not exists ${ACCEPTED_TABLE} (record_id text not null, customer_id text not null,
        partner_id text, association_type text, spent_at timestamptz not null, bill_cycle text not null,
        service_type text not null, resource_type text, amount_fen bigint not null, payment_kind text not null,
        eligible_fen bigint not null) on commit delete rows;
      delete from ${STAGE};
      delete from ${ACCEPTED_TABLE};
    end $$`),
  );
}

/**
 * Stores the rows exactly once: COPYs them into the staging table, then one `insert … select` in
 * record-id order (so concurrent batches sharing ids wait on each other instead of deadlocking).
 * Returns how many were inserted now and the relation of those records for the listeners. The
 * usual batch is all new: a plain insert (no conflict probe per row, ~25 % cheaper than `on
 * conflict`), and the listeners read the staging table itself. When a record id is already stored
 * (a retry, an overlapping re-import) the insert fails on the key, is undone to a savepoint and made
 * again with `on conflict do nothing`, copying its inserted rows into `spend_accepted`.
 */
export async function insertSpendRows(
  tx: DbOrTx,
  rows: SpendRow[],
  importId: string | null,
  acceptedAt: Date,
): Promise<{ accepted: number; relation: SQL }> {
  await ensureStaging(tx);
  if (rows.length === 0) return { accepted: 0, relation: sql.raw(ACCEPTED_TABLE) };
  let text = '';
  for (const r of rows) {
    const res = r.resource;
    text += `${copyField(r.recordId)}\t${r.customerId}\t${copyField(r.partnerId)}\t${copyField(r.associationType)}\t${r.spentAt.toISOString()}\t${r.billCycle}\t${copyField(r.serviceType)}\t${r.amountFen}\t${r.paymentKind}\t${r.eligibleFen}\t${copyField(res.resourceId)}\t${copyField(res.resourceType)}\t${copyField(res.resourceName)}\t${copyField(res.regionCode)}\t${copyField(res.enterpriseProjectId)}\t${res.detail ? copyField(JSON.stringify(res.detail)) : '\\N'}\n`;
  }
  await copyTextInto(tx, `${STAGE} (${STAGE_COLUMNS})`, text);
  const insert = sql`insert into spend_records (${sql.raw(STAGE_COLUMNS)}, import_id, accepted_at)
    select ${sql.raw(STAGE_COLUMNS)}, ${importId}::text, ${acceptedAt.toISOString()}::timestamptz
    from ${sql.raw(STAGE)} order by record_id collate "C"`;
  await tx.execute(sql`savepoint spend_insert`);
  try {
    await tx.execute(insert);
    await tx.execute(sql`release savepoint spend_insert`);
    return { accepted: rows.length, relation: sql.raw(STAGE) };
  } catch (e) {
    if (!isUniqueViolation(e, 'spend_records_pkey')) throw e;
  }
  await tx.execute(sql`rollback to savepoint spend_insert`);
  const [out] = await rowsOf<{ n: number | string }>(
    tx.execute(sql`
      with ins as (${insert} on conflict (record_id) do nothing returning ${sql.raw(ACCEPTED_COLUMNS)}),
      acc as (insert into ${sql.raw(ACCEPTED_TABLE)} (${sql.raw(ACCEPTED_COLUMNS)}) select * from ins returning 1)
      select count(*) as n from acc`),
  );
  return { accepted: Number(out?.n ?? 0), relation: sql.raw(ACCEPTED_TABLE) };
}

/**
 * Adds the accepted records to the per-customer, per-cycle totals (in key order, so concurrent
 * batches take the row locks in the same order). Returns nothing: a batch can touch tens of
 * thousands of customers, and only those with a budget need their new totals (`acceptedTotals`).
 */
export async function addAcceptedToTotals(tx: DbOrTx, accepted: SQL): Promise<void> {
  await tx.execute(sql`
    insert into customer_spend_totals (customer_id, bill_cycle, amount_fen)
    select customer_id, bill_cycle, sum(amount_fen) from ${accepted}
    group by customer_id, bill_cycle order by customer_id collate "C", bill_cycle collate "C"
    on conflict (customer_id, bill_cycle)
      do update set amount_fen = customer_spend_totals.amount_fen + excluded.amount_fen`);
}

/**
 * For these customers of the publishing batch, the new running totals (after the batch) of the
 * bill cycles the batch touched. Customers the batch did not touch are left out.
 */
export async function acceptedTotals(
  tx: DbOrTx,
  accepted: SQL,
  customerIds: readonly string[],
): Promise<SpendApplied[]> {
  if (customerIds.length === 0) return [];
  const out = await rowsOf<{ customer_id: string; bill_cycle: string; amount_fen: string | number }>(
    tx.execute(sql`
      select t.customer_id, t.bill_cycle, t.amount_fen from customer_spend_totals t
      join (select distinct customer_id, bill_cycle from ${accepted}
            where customer_id = any(${arr([...customerIds], 'text')})) a
        on a.customer_id = t.customer_id and a.bill_cycle = t.bill_cycle`),
  );
  const byCustomer = new Map<string, SpendApplied>();
  for (const r of out) {
    let a = byCustomer.get(r.customer_id);
    if (!a) {
      a = { customerId: r.customer_id, totals: new Map() };
      byCustomer.set(r.customer_id, a);
    }
    a.totals.set(r.bill_cycle, Number(r.amount_fen));
  }
  return [...byCustomer.values()];
}

/**
 * Per customer, the accepted records spent at or after `since`: their sum and the latest one
 * (latest time; the greatest record id among equal times).
 */
export async function acceptedSince(
  tx: DbOrTx,
  accepted: SQL,
  items: readonly { customerId: string; since: Date }[],
): Promise<Map<string, { amountFen: number; lastRecordId: string }>> {
  if (items.length === 0) return new Map();
  const out = await rowsOf<{ customer_id: string; amount_fen: string | number; last_record_id: string }>(
    tx.execute(sql`
      select a.customer_id, sum(a.amount_fen) as amount_fen,
        (array_agg(a.record_id order by a.spent_at desc, a.record_id collate "C" desc))[1] as last_record_id
      from unnest(${arr(
        items.map((i) => i.customerId),
        'text',
      )}, ${arr(
        items.map((i) => i.since.toISOString()),
        'timestamptz',
      )}) as b(customer_id, since)
      join ${accepted} a on a.customer_id = b.customer_id and a.spent_at >= b.since
      group by a.customer_id`),
  );
  return new Map(
    out.map((r) => [r.customer_id, { amountFen: Number(r.amount_fen), lastRecordId: r.last_record_id }]),
  );
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
