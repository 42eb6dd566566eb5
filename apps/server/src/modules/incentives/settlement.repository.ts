import { type DbOrTx, schema } from '@pc/db';
import { and, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import type { ComputedLine, SpendGroup } from './settlement.rules.ts';

// The reads of spend_records, partners and partner_certificates below are the settlement's read
// model, allowed and bounded by docs/adr/0009-settlement-read-model.md (read-only, stable columns).

const {
  incentiveRuns: runs,
  incentiveLines: lines,
  incentiveExclusions: exclusions,
  incentiveRunGroups: runGroups,
} = schema;

export type RunRow = typeof runs.$inferSelect;
export type LineRow = typeof lines.$inferSelect;
export type ExclusionRow = typeof exclusions.$inferSelect;

type Rows<R> = { rows: R[] };
const rowsOf = async <R>(q: Promise<unknown>): Promise<R[]> => ((await q) as Rows<R>).rows;
const arr = (values: unknown[], type: string) => sql`${sql.param(values)}::${sql.raw(type)}[]`;

interface GroupRow {
  partner_id: string;
  service_type: string;
  association_type: string;
  payment_kind: string;
  origin: string;
  amount: string | number;
  n: number;
}

const toGroup =
  (late: boolean) =>
  (r: GroupRow): SpendGroup => ({
    partnerId: r.partner_id,
    serviceType: r.service_type,
    associationType: r.association_type,
    paymentKind: r.payment_kind,
    originPeriodKey: r.origin,
    late,
    amountFen: Number(r.amount),
    recordCount: r.n,
  });

type PeriodRef = { key: string; kind: string; billCycles: string[] };

/**
 * The two selects of the period aggregate: its own records (less those routed elsewhere as late)
 * and the late records routed to it, each grouped per partner and what policies select on.
 */
async function periodGroupSelects(db: DbOrTx, p: PeriodRef) {
  // Records of this period routed to a later one have this period as their origin (the index on
  // origin_period_key answers at once). Usually there are none, and then the aggregate is the plain
  // one: the anti-join would otherwise cost as much again as the scan itself (a nested loop per row).
  const routedAway = await rowsOf<{ one: number }>(
    db.execute(sql`select 1 as one from incentive_late_spend
      where origin_period_key = ${p.key} and period_kind = ${p.kind} limit 1`),
  );
  const notRoutedAway = routedAway.length
    ? sql`and not exists (select 1 from incentive_late_spend l
          where l.record_id = s.record_id and l.period_kind = ${p.kind})`
    : sql``;
  const own = sql`
      select s.partner_id, s.service_type, coalesce(s.association_type, '') as association_type,
        s.payment_kind, ${p.key}::text as origin, false as late, sum(s.amount_fen) as amount, count(*)::int as n
      from spend_records s
      where s.bill_cycle = any(${arr(p.billCycles, 'text')}) and s.partner_id is not null ${notRoutedAway}
      group by s.partner_id, s.service_type, s.association_type, s.payment_kind`;
  const late = sql`
      select s.partner_id, s.service_type, coalesce(s.association_type, '') as association_type,
        s.payment_kind, l.origin_period_key as origin, true as late, sum(s.amount_fen) as amount, count(*)::int as n
      from incentive_late_spend l join spend_records s on s.record_id = l.record_id
      where l.target_period_key = ${p.key} and l.period_kind = ${p.kind} and s.partner_id is not null
      group by s.partner_id, s.service_type, s.association_type, s.payment_kind, l.origin_period_key`;
  return { own, late };
}

/**
 * The period's spend summed per partner and what policies select on (a read of spend_records kept
 * here: settlement needs it as one aggregate). Records routed elsewhere as late are left out; late
 * records routed to this period come in as their own groups. Loads the whole aggregate: settlement
 * itself stages it with `stageRunGroups` and reads it back per chunk of partners.
 */
export async function aggregatePeriodSpend(db: DbOrTx, p: PeriodRef): Promise<SpendGroup[]> {
  const { own, late } = await periodGroupSelects(db, p);
  const ownRows = await rowsOf<GroupRow>(db.execute(own));
  const lateRows = await rowsOf<GroupRow>(db.execute(late));
  return [...ownRows.map(toGroup(false)), ...lateRows.map(toGroup(true))];
}

/**
 * Writes the period aggregate (as `aggregatePeriodSpend` computes it) into the run's groups, server
 * side: nothing of it passes through Node. Inside a transaction: PostgreSQL never runs the select of
 * an `insert … select` in parallel (a writing query), which made it twice the bare aggregate, while
 * `create table … as` may; so the aggregate goes into a temporary table first (dropped at once,
 * and at commit in any case), then its few rows (one per group) into the run's.
 */
export async function stageRunGroups(tx: DbOrTx, runId: string, p: PeriodRef): Promise<void> {
  const { own, late } = await periodGroupSelects(tx, p);
  await tx.execute(sql`create temp table incentive_run_groups_stage on commit drop as
    ${own}
    union all
    ${late}`);
  await tx.execute(sql`
    insert into incentive_run_groups (run_id, partner_id, service_type, association_type, payment_kind,
      origin_period_key, late, amount_fen, record_count)
    select ${runId}, partner_id, service_type, association_type, payment_kind, origin, late, amount, n
    from incentive_run_groups_stage`);
  await tx.execute(sql`drop table incentive_run_groups_stage`);
}

/** How many partners a run's groups hold (its progress total). */
export async function countRunPartners(db: DbOrTx, runId: string): Promise<number> {
  const [r] = await rowsOf<{ n: number }>(
    db.execute(
      sql`select count(distinct partner_id)::int as n from incentive_run_groups where run_id = ${runId}`,
    ),
  );
  return r?.n ?? 0;
}

/**
 * The groups of the next `limit` partners of a run after `afterPartnerId` (`''`: from the first),
 * in partner order: byte order (collation "C"), the order in which lines are sorted.
 */
export async function runGroupsOfNextPartners(
  db: DbOrTx,
  runId: string,
  afterPartnerId: string,
  limit: number,
): Promise<SpendGroup[]> {
  const rows = await rowsOf<GroupRow & { late: boolean }>(
    db.execute(sql`
      select g.partner_id, g.service_type, g.association_type, g.payment_kind, g.origin_period_key as origin,
        g.late, g.amount_fen as amount, g.record_count as n
      from incentive_run_groups g
      where g.run_id = ${runId} and g.partner_id collate "C" > ${afterPartnerId}
        and g.partner_id collate "C" <= (
          select max(c.partner_id) from (
            select distinct partner_id collate "C" as partner_id from incentive_run_groups
            where run_id = ${runId} and partner_id collate "C" > ${afterPartnerId}
            order by 1 limit ${limit}) c)
      order by g.partner_id collate "C", g.service_type, g.association_type, g.payment_kind,
        g.origin_period_key, g.late`),
  );
  return rows.map((r) => toGroup(r.late)(r));
}

/** Drops a run's groups (scratch: on completion, and with its other staged rows). */
export async function deleteRunGroups(db: DbOrTx, runId: string): Promise<void> {
  await db.delete(runGroups).where(eq(runGroups.runId, runId));
}

/** Partners' status and certificate validity (a bulk read of those modules' tables for settlement). */
export async function partnerStandings(
  db: DbOrTx,
  partnerIds: readonly string[],
): Promise<Map<string, { status: string; certValidUntil: string | null; certIssuedAt: Date | null }>> {
  const out = new Map<string, { status: string; certValidUntil: string | null; certIssuedAt: Date | null }>();
  if (partnerIds.length === 0) return out;
  const rows = await rowsOf<{
    id: string;
    status: string;
    valid_until: string | null;
    issued_at: string | Date | null;
  }>(
    // Joined to the ids unnested, not `p.id = any(…)`: for a chunk of 500 ids PostgreSQL chose the
    // trigram index on partners.id (the console's search) and took 0.4 s per chunk.
    db.execute(sql`
      select p.id, p.status, c.valid_until::text as valid_until, c.issued_at
      from unnest(${arr([...partnerIds], 'text')}) as u(id) join partners p on p.id = u.id
        left join partner_certificates c on c.partner_id = p.id`),
  );
  for (const r of rows) {
    out.set(r.id, {
      status: r.status,
      certValidUntil: r.valid_until,
      certIssuedAt: r.issued_at ? new Date(r.issued_at) : null,
    });
  }
  return out;
}

/** The records behind a line (drill-down and export), in record order. */
export async function recordsOfLine(
  db: DbOrTx,
  line: LineRow,
  kind: string,
  billCycles: string[],
  rules: { paymentKinds: readonly string[]; associationTypes: readonly string[] },
  limit: number,
  offset: number,
) {
  const where = line.late
    ? sql`s.record_id in (select l.record_id from incentive_late_spend l where l.target_period_key = ${line.periodKey}
        and l.period_kind = ${kind} and l.origin_period_key = ${line.originPeriodKey})`
    : sql`s.bill_cycle = any(${arr(billCycles, 'text')}) and not exists (select 1 from incentive_late_spend l
        where l.record_id = s.record_id and l.period_kind = ${kind})`;
  return rowsOf<{
    record_id: string;
    customer_id: string;
    spent_at: string | Date;
    service_type: string;
    association_type: string | null;
    payment_kind: string;
    amount_fen: string | number;
  }>(
    db.execute(sql`
      select s.record_id, s.customer_id, s.spent_at, s.service_type, s.association_type, s.payment_kind, s.amount_fen
      from spend_records s
      where s.partner_id = ${line.partnerId} and s.service_type = ${line.serviceType} and ${where}
        and s.payment_kind = any(${arr([...rules.paymentKinds], 'text')})
        and coalesce(s.association_type, '') = any(${arr([...rules.associationTypes], 'text')})
      order by s.record_id limit ${limit} offset ${offset}`),
  );
}

export async function insertRun(db: DbOrTx, row: typeof runs.$inferInsert): Promise<RunRow | undefined> {
  const [r] = await db.insert(runs).values(row).onConflictDoNothing().returning();
  return r;
}

export async function findRun(db: DbOrTx, id: string, lock = false): Promise<RunRow | undefined> {
  const q = db.select().from(runs).where(eq(runs.id, id));
  const [r] = lock ? await q.for('update') : await q;
  return r;
}

export async function findRunningRun(db: DbOrTx, periodKey: string): Promise<RunRow | undefined> {
  const [r] = await db
    .select()
    .from(runs)
    .where(and(eq(runs.periodKey, periodKey), eq(runs.status, 'running')));
  return r;
}

export async function updateRun(
  db: DbOrTx,
  id: string,
  patch: Partial<typeof runs.$inferInsert>,
): Promise<void> {
  await db.update(runs).set(patch).where(eq(runs.id, id));
}

export function listRuns(
  db: DbOrTx,
  f: { status?: string; periodKey?: string; limit: number },
): Promise<RunRow[]> {
  const conds = [];
  if (f.status) conds.push(eq(runs.status, f.status));
  if (f.periodKey) conds.push(eq(runs.periodKey, f.periodKey));
  return db
    .select()
    .from(runs)
    .where(conds.length ? and(...conds) : undefined)
    .orderBy(desc(runs.startedAt))
    .limit(f.limit);
}

export async function countRunsByStatus(db: DbOrTx): Promise<Record<string, number>> {
  const rows = await db
    .select({ status: runs.status, n: sql<number>`count(*)::int` })
    .from(runs)
    .groupBy(runs.status);
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

/** Stale running runs (their process died): heartbeat older than the cutoff. */
export function listStaleRuns(db: DbOrTx, before: Date): Promise<RunRow[]> {
  return db
    .select()
    .from(runs)
    .where(and(eq(runs.status, 'running'), lt(runs.heartbeatAt, before)));
}

export async function deleteStaged(db: DbOrTx, runId: string): Promise<void> {
  await db.delete(lines).where(eq(lines.runId, runId));
  await db.delete(exclusions).where(eq(exclusions.runId, runId));
  await deleteRunGroups(db, runId);
}

export async function insertLines(
  db: DbOrTx,
  runId: string,
  periodKey: string,
  computed: readonly ComputedLine[],
  idOf: () => string,
): Promise<void> {
  if (computed.length === 0) return;
  await db.insert(lines).values(computed.map((l) => ({ ...l, id: idOf(), runId, periodKey })));
}

export async function insertExclusions(db: DbOrTx, rows: (typeof exclusions.$inferInsert)[]): Promise<void> {
  if (rows.length === 0) return;
  await db.insert(exclusions).values(rows);
}

export function linesOfRun(db: DbOrTx, runId: string, partnerIds?: readonly string[]): Promise<LineRow[]> {
  return db
    .select()
    .from(lines)
    .where(
      partnerIds
        ? and(eq(lines.runId, runId), inArray(lines.partnerId, [...partnerIds]))
        : eq(lines.runId, runId),
    )
    .orderBy(lines.partnerId, lines.policyVersionId, lines.serviceType, lines.originPeriodKey, lines.late);
}

export async function findLine(db: DbOrTx, id: string): Promise<LineRow | undefined> {
  const [r] = await db.select().from(lines).where(eq(lines.id, id));
  return r;
}

export function exclusionsOf(
  db: DbOrTx,
  runIds: readonly string[],
  partnerId?: string,
): Promise<ExclusionRow[]> {
  if (runIds.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(exclusions)
    .where(
      partnerId
        ? and(inArray(exclusions.runId, [...runIds]), eq(exclusions.partnerId, partnerId))
        : inArray(exclusions.runId, [...runIds]),
    );
}

/** Per-partner totals of a run's lines (for notices and verification), in partner order. */
export async function totalsOfRun(
  db: DbOrTx,
  runId: string,
): Promise<{ partnerId: string; totalFen: number }[]> {
  const rows = await db
    .select({ partnerId: lines.partnerId, total: sql<string>`sum(${lines.amountFen})` })
    .from(lines)
    .where(eq(lines.runId, runId))
    .groupBy(lines.partnerId)
    .orderBy(lines.partnerId);
  return rows.map((r) => ({ partnerId: r.partnerId, totalFen: Number(r.total) }));
}

export async function countLines(db: DbOrTx, runId: string): Promise<number> {
  const [r] = await db.select({ n: sql<number>`count(*)::int` }).from(lines).where(eq(lines.runId, runId));
  return r?.n ?? 0;
}

export async function countExclusions(db: DbOrTx, runId: string): Promise<number> {
  const [r] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(exclusions)
    .where(eq(exclusions.runId, runId));
  return r?.n ?? 0;
}
