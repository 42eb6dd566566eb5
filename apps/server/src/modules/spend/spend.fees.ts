import type { DbOrTx } from '@pc/db';
import { type SQL, sql } from 'drizzle-orm';

/**
 * Spend records read as usage fee records for the bills module (resource-level detail and the
 * reconciliation export). Spend owns the table; bills reads it only through these functions.
 */
export interface SpendFeeRow {
  recordId: string;
  partnerId: string | null;
  customerId: string;
  customerDomainId: string;
  customerName: string;
  associationType: string | null;
  billCycle: string;
  spentAt: Date;
  serviceType: string;
  resourceType: string | null;
  resourceId: string | null;
  resourceName: string | null;
  regionCode: string | null;
  enterpriseProjectId: string | null;
  amountFen: number;
  paymentKind: string;
  /** Usage detail as ingested (usage_type, usage_amount, product_id, sub_resource_id, …), or null. */
  detail: Record<string, string | number> | null;
}

export interface SpendFeeFilter {
  partnerIds: string[];
  billCycle: string;
  customerId?: string;
  /** Instants [from, to) inside the cycle. */
  from?: Date;
  to?: Date;
  serviceType?: string;
  regionCode?: string;
  resourceId?: string;
  resourceName?: string;
  recordId?: string;
  associationType?: string;
}

type Raw = {
  record_id: string;
  partner_id: string | null;
  customer_id: string;
  domain_id: string;
  name: string;
  association_type: string | null;
  bill_cycle: string;
  spent_at: string | Date;
  service_type: string;
  resource_type: string | null;
  resource_id: string | null;
  resource_name: string | null;
  region_code: string | null;
  enterprise_project_id: string | null;
  amount_fen: string | number;
  payment_kind: string;
  detail: Record<string, string | number> | string | null;
};

const COLUMNS = sql`s.record_id, s.partner_id, s.customer_id, c.domain_id, c.name, s.association_type, s.bill_cycle,
  s.spent_at, s.service_type, s.resource_type, s.resource_id, s.resource_name, s.region_code,
  s.enterprise_project_id, s.amount_fen, s.payment_kind, s.detail`;

const WALK_COLUMNS = sql`s.record_id, s.partner_id, s.customer_id, s.association_type, s.bill_cycle,
  s.spent_at, s.service_type, s.resource_type, s.resource_id, s.resource_name, s.region_code,
  s.enterprise_project_id, s.amount_fen, s.payment_kind, s.detail`;

function rowOf(r: Raw): SpendFeeRow {
  return {
    recordId: r.record_id,
    partnerId: r.partner_id,
    customerId: r.customer_id,
    customerDomainId: r.domain_id,
    customerName: r.name,
    associationType: r.association_type,
    billCycle: r.bill_cycle,
    spentAt: new Date(r.spent_at),
    serviceType: r.service_type,
    resourceType: r.resource_type,
    resourceId: r.resource_id,
    resourceName: r.resource_name,
    regionCode: r.region_code,
    enterpriseProjectId: r.enterprise_project_id,
    amountFen: Number(r.amount_fen),
    paymentKind: r.payment_kind,
    detail: typeof r.detail === 'string' ? JSON.parse(r.detail) : r.detail,
  };
}

function whereOf(f: SpendFeeFilter): SQL {
  const parts: SQL[] = [
    sql`s.partner_id = any(${sql.param(f.partnerIds)}::text[])`,
    sql`s.bill_cycle = ${f.billCycle}`,
  ];
  if (f.customerId) parts.push(sql`s.customer_id = ${f.customerId}`);
  if (f.from) parts.push(sql`s.spent_at >= ${f.from.toISOString()}::timestamptz`);
  if (f.to) parts.push(sql`s.spent_at < ${f.to.toISOString()}::timestamptz`);
  if (f.serviceType !== undefined) parts.push(sql`s.service_type = ${f.serviceType}`);
  if (f.regionCode !== undefined) parts.push(sql`s.region_code = ${f.regionCode}`);
  if (f.resourceId !== undefined) parts.push(sql`s.resource_id = ${f.resourceId}`);
  if (f.resourceName !== undefined) parts.push(sql`s.resource_name = ${f.resourceName}`);
  if (f.recordId !== undefined) parts.push(sql`s.record_id = ${f.recordId}`);
  if (f.associationType !== undefined) parts.push(sql`s.association_type = ${f.associationType}`);
  return sql.join(parts, sql` and `);
}

/** A page of a customer's usage fee records in time order, and how many match. */
export async function pageSpendFees(
  db: DbOrTx,
  f: SpendFeeFilter,
  page: { offset: number; limit: number },
): Promise<{ rows: SpendFeeRow[]; total: number }> {
  const [count, rows] = await Promise.all([
    db.execute(sql`select count(*) as n from spend_records s where ${whereOf(f)}`),
    page.limit > 0
      ? db.execute(sql`select ${COLUMNS} from spend_records s join customers c on c.id = s.customer_id
          where ${whereOf(f)} order by s.spent_at, s.record_id offset ${page.offset} limit ${page.limit}`)
      : Promise.resolve({ rows: [] }),
  ]);
  const n = (count as unknown as { rows: { n: string }[] }).rows[0]?.n;
  return { total: Number(n ?? 0), rows: (rows as unknown as { rows: Raw[] }).rows.map(rowOf) };
}

/**
 * A partner's usage fee records of a cycle in record-id order, `size` at a time, each batch one
 * short indexed query (partner, cycle, record id) after the last id: nothing is held open between
 * batches, so an export of millions of rows never blocks the database or fills memory.
 */
export async function* walkSpendFees(
  db: DbOrTx,
  partnerId: string,
  billCycle: string,
  size: number,
): AsyncGenerator<SpendFeeRow[]> {
  // The customers' account id and name come from a map filled once per customer (one query per batch
  // for the ones not seen yet), not from a join: a month holds few customers and many records, and
  // the join looked a customer up once per record (a million index probes for a million rows).
  const customers = new Map<string, { domain_id: string; name: string }>();
  let after = '';
  for (;;) {
    const r = await db.execute(sql`select ${WALK_COLUMNS} from spend_records s
      where s.partner_id = ${partnerId} and s.bill_cycle = ${billCycle} and s.record_id > ${after}
      order by s.record_id limit ${size}`);
    const raw = (r as unknown as { rows: Omit<Raw, 'domain_id' | 'name'>[] }).rows;
    if (raw.length === 0) return;
    const unseen = [...new Set(raw.map((x) => x.customer_id))].filter((id) => !customers.has(id));
    if (unseen.length) {
      const found = await db.execute(
        sql`select id, domain_id, name from customers where id = any(${sql.param(unseen)}::text[])`,
      );
      for (const c of (found as unknown as { rows: { id: string; domain_id: string; name: string }[] }).rows)
        customers.set(c.id, c);
    }
    const rows = raw.map((x) => {
      const c = customers.get(x.customer_id);
      return rowOf({ ...x, domain_id: c?.domain_id ?? '', name: c?.name ?? '' });
    });
    yield rows;
    if (rows.length < size) return;
    after = rows[rows.length - 1]?.recordId ?? after;
  }
}
