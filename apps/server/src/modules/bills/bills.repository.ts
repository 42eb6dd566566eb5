import { type DbOrTx, schema } from '@pc/db';
import { type SQL, sql } from 'drizzle-orm';

/** A whole array as ONE bind parameter. */
const arr = (values: unknown[], type: string): SQL => sql`${sql.param(values)}::${sql.raw(type)}[]`;
async function rowsOf<R>(q: Promise<unknown>): Promise<R[]> {
  return ((await q) as { rows: R[] }).rows;
}
const num = (v: string | number | null | undefined) => Number(v ?? 0);

/** The key of a summary row and the amounts added to it. */
export interface SumDelta {
  partnerId: string;
  customerId: string;
  billCycle: string;
  associationType: string;
  serviceType: string;
  resourceType: string;
  chargingMode: number;
  billType: number;
  amountFen: number;
  cashFen: number;
  voucherFen: number;
  recordCount: number;
}

const KEY = [
  'partnerId',
  'customerId',
  'billCycle',
  'associationType',
  'serviceType',
  'resourceType',
  'chargingMode',
  'billType',
] as const;

/**
 * Adds deltas to the summaries in one statement. Sorted by key so concurrent batches lock rows in
 * the same order (no deadlock between two ingestion transactions).
 */
export async function addToSums(tx: DbOrTx, deltas: SumDelta[], at: Date): Promise<void> {
  if (deltas.length === 0) return;
  // Each key built once (building it inside the comparator cost ~40 % of the listener's time).
  const keyed = deltas.map((d) => ({ d, key: KEY.map((k) => String(d[k])).join('\u0001') }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const sorted = keyed.map((k) => k.d);
  const col = (f: (d: SumDelta) => unknown, type: string) => arr(sorted.map(f), type);
  await tx.execute(sql`
    insert into bill_monthly_sums (partner_id, customer_id, bill_cycle, association_type, service_type,
      resource_type, charging_mode, bill_type, amount_fen, cash_fen, voucher_fen, record_count, updated_at)
    select u.*, ${at.toISOString()}::timestamptz from unnest(
      ${col((d) => d.partnerId, 'text')}, ${col((d) => d.customerId, 'text')}, ${col((d) => d.billCycle, 'text')},
      ${col((d) => d.associationType, 'text')}, ${col((d) => d.serviceType, 'text')},
      ${col((d) => d.resourceType, 'text')}, ${col((d) => d.chargingMode, 'int')}, ${col((d) => d.billType, 'int')},
      ${col((d) => String(d.amountFen), 'bigint')}, ${col((d) => String(d.cashFen), 'bigint')},
      ${col((d) => String(d.voucherFen), 'bigint')}, ${col((d) => d.recordCount, 'int')}
    ) as u(partner_id, customer_id, bill_cycle, association_type, service_type, resource_type, charging_mode,
           bill_type, amount_fen, cash_fen, voucher_fen, record_count)
    on conflict (partner_id, customer_id, bill_cycle, association_type, service_type, resource_type,
                 charging_mode, bill_type)
    do update set amount_fen = bill_monthly_sums.amount_fen + excluded.amount_fen,
      cash_fen = bill_monthly_sums.cash_fen + excluded.cash_fen,
      voucher_fen = bill_monthly_sums.voucher_fen + excluded.voucher_fen,
      record_count = bill_monthly_sums.record_count + excluded.record_count,
      updated_at = excluded.updated_at`);
}

/**
 * Adds usage rows selected by `rows` (columns partner_id, customer_id, bill_cycle, association_type,
 * service_type, resource_type, charging_mode, bill_type, amount_fen, cash_fen; one row per record)
 * to the summaries in one statement, grouped and in key order (`collate "C"`: the order `addToSums`
 * sorts in), so concurrent batches lock rows in the same order.
 */
export async function addSumsFrom(tx: DbOrTx, rows: SQL, at: Date): Promise<void> {
  await tx.execute(sql`
    insert into bill_monthly_sums (partner_id, customer_id, bill_cycle, association_type, service_type,
      resource_type, charging_mode, bill_type, amount_fen, cash_fen, voucher_fen, record_count, updated_at)
    select r.partner_id, r.customer_id, r.bill_cycle, r.association_type, r.service_type, r.resource_type,
      r.charging_mode, r.bill_type, sum(r.amount_fen), sum(r.cash_fen), sum(r.amount_fen - r.cash_fen),
      count(*), ${at.toISOString()}::timestamptz
    from (${rows}) r
    group by r.partner_id, r.customer_id, r.bill_cycle, r.association_type, r.service_type, r.resource_type,
      r.charging_mode, r.bill_type
    order by r.partner_id collate "C", r.customer_id collate "C", r.bill_cycle collate "C",
      r.association_type collate "C", r.service_type collate "C", r.resource_type collate "C",
      r.charging_mode, r.bill_type
    on conflict (partner_id, customer_id, bill_cycle, association_type, service_type, resource_type,
                 charging_mode, bill_type)
    do update set amount_fen = bill_monthly_sums.amount_fen + excluded.amount_fen,
      cash_fen = bill_monthly_sums.cash_fen + excluded.cash_fen,
      voucher_fen = bill_monthly_sums.voucher_fen + excluded.voucher_fen,
      record_count = bill_monthly_sums.record_count + excluded.record_count,
      updated_at = excluded.updated_at`);
}

/** One summary line: a service type × resource type × charging mode × bill type of a customer's month. */
export interface SumLine {
  customerId: string;
  customerDomainId: string;
  serviceType: string;
  resourceType: string;
  chargingMode: number;
  billType: number;
  amountFen: number;
  cashFen: number;
  voucherFen: number;
  recordCount: number;
}

export interface SumFilter {
  /** Undefined: every partner's (only with a customer). */
  partnerIds?: string[];
  billCycle: string;
  customerId?: string;
  /** The customer by its account id (the API's customer_id). */
  customerDomainId?: string;
  associationType?: string;
  serviceType?: string;
  chargingMode?: number;
  billType?: number;
}

function sumWhere(f: SumFilter): SQL {
  const parts: SQL[] = [sql`s.bill_cycle = ${f.billCycle}`];
  if (f.partnerIds) parts.push(sql`s.partner_id = any(${arr(f.partnerIds, 'text')})`);
  if (f.customerId) parts.push(sql`s.customer_id = ${f.customerId}`);
  if (f.customerDomainId)
    parts.push(sql`s.customer_id = (select id from customers where domain_id = ${f.customerDomainId})`);
  if (f.associationType) parts.push(sql`s.association_type = ${f.associationType}`);
  if (f.serviceType) parts.push(sql`s.service_type = ${f.serviceType}`);
  if (f.chargingMode !== undefined) parts.push(sql`s.charging_mode = ${f.chargingMode}`);
  if (f.billType !== undefined) parts.push(sql`s.bill_type = ${f.billType}`);
  return sql.join(parts, sql` and `);
}

/**
 * Summary lines (summed over partner and association type), ordered by customer, service, resource
 * type, charging mode and bill type; with `page` one page and the total number of lines.
 */
export async function listSumLines(
  db: DbOrTx,
  f: SumFilter,
  page?: { offset: number; limit: number },
): Promise<{ rows: SumLine[]; total: number }> {
  const rows = await rowsOf<{
    customer_id: string;
    domain_id: string;
    service_type: string;
    resource_type: string;
    charging_mode: number;
    bill_type: number;
    amount_fen: string;
    cash_fen: string;
    voucher_fen: string;
    record_count: string;
    total: string;
  }>(
    db.execute(sql`
      select g.*, c.domain_id from (
        select s.customer_id, s.service_type, s.resource_type, s.charging_mode, s.bill_type,
          sum(s.amount_fen) as amount_fen, sum(s.cash_fen) as cash_fen, sum(s.voucher_fen) as voucher_fen,
          sum(s.record_count) as record_count, count(*) over () as total
        from bill_monthly_sums s where ${sumWhere(f)}
        group by s.customer_id, s.service_type, s.resource_type, s.charging_mode, s.bill_type
        order by s.customer_id, s.service_type, s.resource_type, s.charging_mode, s.bill_type
        ${page ? sql`offset ${page.offset} limit ${page.limit}` : sql``}
      ) g join customers c on c.id = g.customer_id
      order by g.customer_id, g.service_type, g.resource_type, g.charging_mode, g.bill_type`),
  );
  let total = num(rows[0]?.total);
  if (rows.length === 0 && page && page.offset > 0) {
    const [c] = await rowsOf<{ n: string }>(
      db.execute(sql`select count(*) as n from (select 1 from bill_monthly_sums s where ${sumWhere(f)}
        group by s.customer_id, s.service_type, s.resource_type, s.charging_mode, s.bill_type) x`),
    );
    total = num(c?.n);
  }
  return {
    total,
    rows: rows.map((r) => ({
      customerId: r.customer_id,
      customerDomainId: r.domain_id,
      serviceType: r.service_type,
      resourceType: r.resource_type,
      chargingMode: Number(r.charging_mode),
      billType: Number(r.bill_type),
      amountFen: num(r.amount_fen),
      cashFen: num(r.cash_fen),
      voucherFen: num(r.voucher_fen),
      recordCount: num(r.record_count),
    })),
  };
}

/** One customer's month in a partner's Bills list. */
export interface CustomerMonthRow {
  customerId: string;
  customerDomainId: string;
  customerName: string;
  partnerId: string;
  amountFen: number;
  cashFen: number;
  voucherFen: number;
  periodFen: number;
  onDemandFen: number;
  recordCount: number;
}

/** The month's customers with their totals (largest first), a page of them and the count. */
export async function listCustomerMonths(
  db: DbOrTx,
  f: SumFilter,
  page: { offset: number; limit: number },
): Promise<{
  rows: CustomerMonthRow[];
  total: number;
  totals: Omit<CustomerMonthRow, 'customerId' | 'customerDomainId' | 'customerName' | 'partnerId'>;
}> {
  const rows = await rowsOf<{
    customer_id: string;
    partner_id: string;
    domain_id: string;
    name: string;
    amount_fen: string;
    cash_fen: string;
    voucher_fen: string;
    period_fen: string;
    on_demand_fen: string;
    record_count: string;
    total: string;
  }>(
    db.execute(sql`
      select g.*, c.domain_id, c.name from (
        select s.customer_id, min(s.partner_id) as partner_id, sum(s.amount_fen) as amount_fen,
          sum(s.cash_fen) as cash_fen, sum(s.voucher_fen) as voucher_fen,
          sum(s.amount_fen) filter (where s.charging_mode = 1) as period_fen,
          sum(s.amount_fen) filter (where s.charging_mode = 3) as on_demand_fen,
          sum(s.record_count) as record_count, count(*) over () as total
        from bill_monthly_sums s where ${sumWhere(f)}
        group by s.customer_id
        order by sum(s.amount_fen) desc, s.customer_id
        offset ${page.offset} limit ${page.limit}
      ) g join customers c on c.id = g.customer_id
      order by g.amount_fen desc, g.customer_id`),
  );
  const [t] = await rowsOf<Record<string, string>>(
    db.execute(sql`select count(distinct s.customer_id) as n, sum(s.amount_fen) as amount_fen,
        sum(s.cash_fen) as cash_fen, sum(s.voucher_fen) as voucher_fen,
        sum(s.amount_fen) filter (where s.charging_mode = 1) as period_fen,
        sum(s.amount_fen) filter (where s.charging_mode = 3) as on_demand_fen,
        sum(s.record_count) as record_count
      from bill_monthly_sums s where ${sumWhere(f)}`),
  );
  return {
    total: num(t?.n),
    totals: {
      amountFen: num(t?.amount_fen),
      cashFen: num(t?.cash_fen),
      voucherFen: num(t?.voucher_fen),
      periodFen: num(t?.period_fen),
      onDemandFen: num(t?.on_demand_fen),
      recordCount: num(t?.record_count),
    },
    rows: rows.map((r) => ({
      customerId: r.customer_id,
      customerDomainId: r.domain_id,
      customerName: r.name,
      partnerId: r.partner_id,
      amountFen: num(r.amount_fen),
      cashFen: num(r.cash_fen),
      voucherFen: num(r.voucher_fen),
      periodFen: num(r.period_fen),
      onDemandFen: num(r.on_demand_fen),
      recordCount: num(r.record_count),
    })),
  };
}

/** Distinct customers with bills in a cycle for the partners, ordered, one page and the count. */
export async function listConsumingCustomers(
  db: DbOrTx,
  partnerIds: string[],
  billCycle: string,
  page: { offset: number; limit: number },
): Promise<{ domainIds: string[]; total: number }> {
  const rows = await rowsOf<{ domain_id: string; total: string }>(
    db.execute(sql`
      select c.domain_id, g.total from (
        select s.customer_id, count(*) over () as total from bill_monthly_sums s
        where s.partner_id = any(${arr(partnerIds, 'text')}) and s.bill_cycle = ${billCycle}
        group by s.customer_id order by s.customer_id offset ${page.offset} limit ${page.limit}
      ) g join customers c on c.id = g.customer_id order by g.customer_id`),
  );
  let total = num(rows[0]?.total);
  if (rows.length === 0 && page.offset > 0) {
    const [c] = await rowsOf<{ n: string }>(
      db.execute(sql`select count(distinct customer_id) as n from bill_monthly_sums
        where partner_id = any(${arr(partnerIds, 'text')}) and bill_cycle = ${billCycle}`),
    );
    total = num(c?.n);
  }
  return { domainIds: rows.map((r) => r.domain_id), total };
}

/** Consumption, refunds and counts of a partner's resale customers in a cycle (postpaid bill). */
export async function sumPostpaid(
  db: DbOrTx,
  partnerId: string,
  billCycle: string,
): Promise<{ consumeFen: number; refundFen: number }> {
  const [r] = await rowsOf<{ consume: string | null; refund: string | null }>(
    db.execute(sql`select sum(amount_fen) filter (where bill_type = 0) as consume,
        sum(amount_fen) filter (where bill_type = 1) as refund
      from bill_monthly_sums where partner_id = ${partnerId} and bill_cycle = ${billCycle}
        and association_type = 'resale'`),
  );
  return { consumeFen: num(r?.consume), refundFen: num(r?.refund) };
}

export type OrderFeeRow = typeof schema.billOrderFees.$inferSelect;
export type OrderFeeInsert = typeof schema.billOrderFees.$inferInsert;

/** Stores order fee lines once (by id); returns the rows actually inserted. */
export async function insertOrderFees(tx: DbOrTx, rows: OrderFeeInsert[]): Promise<OrderFeeRow[]> {
  if (rows.length === 0) return [];
  return tx.insert(schema.billOrderFees).values(rows).onConflictDoNothing().returning();
}

export interface OrderFeeFilter {
  partnerIds: string[];
  billCycle: string;
  customerId?: string;
  from?: Date;
  to?: Date;
  serviceType?: string;
  regionCode?: string;
  billDetailType?: number;
  resourceId?: string;
  resourceName?: string;
  orderId?: string;
  associationType?: string;
}

export type OrderFeeWithCustomer = OrderFeeRow & { customerDomainId: string; customerName: string };

function orderWhere(f: OrderFeeFilter): SQL {
  const parts: SQL[] = [
    sql`o.partner_id = any(${arr(f.partnerIds, 'text')})`,
    sql`o.bill_cycle = ${f.billCycle}`,
  ];
  if (f.customerId) parts.push(sql`o.customer_id = ${f.customerId}`);
  if (f.from) parts.push(sql`o.trade_time >= ${f.from.toISOString()}::timestamptz`);
  if (f.to) parts.push(sql`o.trade_time < ${f.to.toISOString()}::timestamptz`);
  if (f.serviceType !== undefined) parts.push(sql`o.service_type = ${f.serviceType}`);
  if (f.regionCode !== undefined) parts.push(sql`o.region_code = ${f.regionCode}`);
  if (f.billDetailType !== undefined) parts.push(sql`o.bill_detail_type = ${f.billDetailType}`);
  if (f.resourceId !== undefined) parts.push(sql`o.resource_id = ${f.resourceId}`);
  if (f.resourceName !== undefined) parts.push(sql`o.resource_name = ${f.resourceName}`);
  if (f.orderId !== undefined) parts.push(sql`o.order_id = ${f.orderId}`);
  if (f.associationType !== undefined) parts.push(sql`o.association_type = ${f.associationType}`);
  return sql.join(parts, sql` and `);
}

type OrderRaw = Record<string, string | number | null | Date>;
function orderRowOf(r: OrderRaw): OrderFeeWithCustomer {
  const s = (k: string) => (r[k] === null || r[k] === undefined ? null : String(r[k]));
  const n = (k: string) => (r[k] === null || r[k] === undefined ? null : Number(r[k]));
  return {
    id: String(r.id),
    partnerId: String(r.partner_id),
    customerId: String(r.customer_id),
    associationType: s('association_type'),
    billCycle: String(r.bill_cycle),
    tradeTime: new Date(r.trade_time as string),
    orderId: String(r.order_id),
    billDetailType: Number(r.bill_detail_type),
    chargingMode: Number(r.charging_mode),
    serviceType: String(r.service_type),
    resourceType: String(r.resource_type),
    resourceId: s('resource_id'),
    resourceName: s('resource_name'),
    regionCode: s('region_code'),
    enterpriseProjectId: s('enterprise_project_id'),
    productSpec: s('product_spec'),
    productId: s('product_id'),
    periodType: n('period_type'),
    periodNum: n('period_num'),
    amountFen: Number(r.amount_fen),
    cashFen: Number(r.cash_fen),
    voucherFen: Number(r.voucher_fen),
    createdAt: new Date(r.created_at as string),
    customerDomainId: String(r.domain_id),
    customerName: String(r.name),
  };
}

/** A page of order fee lines in time order, and how many match. */
export async function pageOrderFees(
  db: DbOrTx,
  f: OrderFeeFilter,
  page: { offset: number; limit: number },
): Promise<{ rows: OrderFeeWithCustomer[]; total: number }> {
  const [count] = await rowsOf<{ n: string }>(
    db.execute(sql`select count(*) as n from bill_order_fees o where ${orderWhere(f)}`),
  );
  if (page.limit === 0) return { rows: [], total: num(count?.n) };
  const rows = await rowsOf<OrderRaw>(
    db.execute(sql`select o.*, c.domain_id, c.name from bill_order_fees o join customers c on c.id = o.customer_id
      where ${orderWhere(f)} order by o.trade_time, o.id offset ${page.offset} limit ${page.limit}`),
  );
  return { rows: rows.map(orderRowOf), total: num(count?.n) };
}

/** A partner's order fee lines of a cycle in id order, `size` at a time (keyset; see walkSpendFees). */
export async function* walkOrderFees(
  db: DbOrTx,
  partnerId: string,
  billCycle: string,
  size: number,
): AsyncGenerator<OrderFeeWithCustomer[]> {
  let after = '';
  for (;;) {
    const rows = (
      await rowsOf<OrderRaw>(
        db.execute(sql`select o.*, c.domain_id, c.name from bill_order_fees o join customers c on c.id = o.customer_id
          where o.partner_id = ${partnerId} and o.bill_cycle = ${billCycle} and o.id > ${after}
          order by o.id limit ${size}`),
      )
    ).map(orderRowOf);
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < size) return;
    after = rows[rows.length - 1]?.id ?? after;
  }
}
