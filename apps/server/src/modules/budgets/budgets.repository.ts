import { type DbOrTx, insertMany, schema } from '@pc/db';
import { and, asc, count, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';

const b = schema.budgets;
const rec = schema.budgetRecords;
const rcp = schema.budgetRecipients;
const al = schema.budgetAlerts;

export type BudgetRow = typeof b.$inferSelect;
export type BudgetRecordRow = typeof rec.$inferSelect;
export type RecipientRow = typeof rcp.$inferSelect;
export type AlertRow = typeof al.$inferSelect;

export async function findBudget(db: DbOrTx, customerId: string): Promise<BudgetRow | undefined> {
  const [row] = await db.select().from(b).where(eq(b.customerId, customerId));
  return row;
}

export async function findBudgets(db: DbOrTx, customerIds: string[]): Promise<BudgetRow[]> {
  if (customerIds.length === 0) return [];
  return db.select().from(b).where(inArray(b.customerId, customerIds));
}

/**
 * Locks the budgets of these customers, in customer order so concurrent batches queue in the
 * same order instead of deadlocking. Held to the end of the transaction: two batches of one
 * customer evaluate thresholds one after the other, so neither misses nor doubles an alert.
 */
/**
 * Serialises budget changes of one customer even before its budget row exists, so two concurrent
 * first settings cannot both insert (the second waits, then updates what the first wrote).
 */
export async function lockBudgetOf(tx: DbOrTx, customerId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`budget:${customerId}`}))`);
}

export async function lockBudgets(tx: DbOrTx, customerIds: string[]): Promise<BudgetRow[]> {
  if (customerIds.length === 0) return [];
  return tx
    .select()
    .from(b)
    .where(inArray(b.customerId, customerIds))
    .orderBy(asc(b.customerId))
    .for('update');
}

/**
 * `lockBudgets` for the customers a subquery names (`select customer_id from …`): the batch's
 * customers stay in the database, so a batch touching 10,000 customers without budgets reads nothing.
 */
export async function lockBudgetsOf(tx: DbOrTx, customerIds: SQL): Promise<BudgetRow[]> {
  return tx
    .select()
    .from(b)
    .where(sql`${b.customerId} in (${customerIds})`)
    .orderBy(asc(b.customerId))
    .for('update');
}

export async function insertBudget(tx: DbOrTx, row: typeof b.$inferInsert): Promise<BudgetRow> {
  const [out] = await tx.insert(b).values(row).returning();
  if (!out) throw new Error('budget insert returned nothing');
  return out;
}

export async function updateBudget(
  tx: DbOrTx,
  customerId: string,
  patch: Partial<typeof b.$inferInsert>,
): Promise<BudgetRow> {
  const [out] = await tx.update(b).set(patch).where(eq(b.customerId, customerId)).returning();
  if (!out) throw new Error('budget update returned nothing');
  return out;
}

/**
 * The generation a new budget of this customer and period starts at: one past any alert already
 * sent for that period (a deleted budget's alerts stay), so a re-created budget alerts again.
 */
export async function nextAlertGeneration(
  tx: DbOrTx,
  customerId: string,
  periodKey: string,
): Promise<number> {
  const [r] = await tx
    .select({ g: sql<number | null>`max(${al.generation})` })
    .from(al)
    .where(and(eq(al.customerId, customerId), eq(al.periodKey, periodKey)));
  return r?.g === null || r?.g === undefined ? 0 : Number(r.g) + 1;
}

export async function deleteBudgetRow(tx: DbOrTx, customerId: string): Promise<void> {
  await tx.delete(b).where(eq(b.customerId, customerId));
}

/** Monthly budgets whose period is not `periodKey` (rollover job), oldest first. */
export async function monthlyBudgetsNotIn(db: DbOrTx, periodKey: string, limit: number): Promise<string[]> {
  const rows = await db
    .select({ customerId: b.customerId })
    .from(b)
    .where(and(eq(b.budgetType, 'MONTHLY'), sql`${b.periodKey} <> ${periodKey}`))
    .orderBy(asc(b.customerId))
    .limit(limit);
  return rows.map((r) => r.customerId);
}

// Records (the API's SETTING / DELETE history)

export async function insertBudgetRecord(tx: DbOrTx, row: typeof rec.$inferInsert): Promise<void> {
  await tx.insert(rec).values(row);
}

export interface RecordFilter {
  customerId: string;
  partnerId?: string;
  operationType?: string;
  budgetType?: string;
  offset: number;
  limit: number;
}

export async function pageBudgetRecords(
  db: DbOrTx,
  f: RecordFilter,
): Promise<{ rows: BudgetRecordRow[]; total: number }> {
  const where: SQL[] = [eq(rec.customerId, f.customerId)];
  if (f.partnerId) where.push(eq(rec.partnerId, f.partnerId));
  if (f.operationType) where.push(eq(rec.operationType, f.operationType));
  if (f.budgetType) where.push(eq(rec.budgetType, f.budgetType));
  const cond = and(...where);
  const rows = await db
    .select()
    .from(rec)
    .where(cond)
    .orderBy(desc(rec.at), desc(rec.id))
    .offset(f.offset)
    .limit(f.limit);
  const [c] = await db.select({ n: count() }).from(rec).where(cond);
  return { rows, total: Number(c?.n ?? 0) };
}

// Recipients

export async function listRecipients(
  db: DbOrTx,
  customerId: string,
  partnerId: string,
): Promise<RecipientRow[]> {
  return db
    .select()
    .from(rcp)
    .where(and(eq(rcp.customerId, customerId), eq(rcp.partnerId, partnerId)))
    .orderBy(asc(rcp.createdAt), asc(rcp.id));
}

/** The recipients of many customers' budgets (each set by the customer's partner of the time). */
export async function listRecipientsOf(db: DbOrTx, customerIds: string[]): Promise<RecipientRow[]> {
  if (customerIds.length === 0) return [];
  return db
    .select()
    .from(rcp)
    .where(inArray(rcp.customerId, customerIds))
    .orderBy(asc(rcp.createdAt), asc(rcp.id));
}

export async function insertRecipients(
  tx: DbOrTx,
  rows: (typeof rcp.$inferInsert)[],
): Promise<RecipientRow[]> {
  if (rows.length === 0) return [];
  return tx.insert(rcp).values(rows).returning();
}

export async function deleteRecipient(
  tx: DbOrTx,
  id: string,
  customerId: string,
  partnerId: string,
): Promise<RecipientRow | undefined> {
  const [row] = await tx
    .delete(rcp)
    .where(and(eq(rcp.id, id), eq(rcp.customerId, customerId), eq(rcp.partnerId, partnerId)))
    .returning();
  return row;
}

// Alerts

/** Inserts the alert unless this threshold was already announced in this period and generation. */
export async function insertAlert(tx: DbOrTx, row: typeof al.$inferInsert): Promise<AlertRow | undefined> {
  const [out] = await tx.insert(al).values(row).onConflictDoNothing().returning();
  return out;
}

/** `insertAlert` for many alerts in one statement (array parameters): the rows that were new. */
export async function insertAlerts(tx: DbOrTx, rows: readonly AlertRow[]): Promise<AlertRow[]> {
  const fresh = await insertMany<{ id: string }>(tx, al, rows, {
    onConflictDoNothing: true,
    returning: ['id'],
  });
  const ids = new Set(fresh.map((r) => r.id));
  return rows.filter((r) => ids.has(r.id));
}

export async function listAlerts(
  db: DbOrTx,
  customerId: string,
  partnerId: string,
  limit: number,
): Promise<AlertRow[]> {
  return db
    .select()
    .from(al)
    .where(and(eq(al.customerId, customerId), eq(al.partnerId, partnerId)))
    .orderBy(desc(al.createdAt), desc(al.id))
    .limit(limit);
}

/** Sets the used amount of many budgets in one statement (the common case: no threshold reached). */
export async function setUsedBulk(
  tx: DbOrTx,
  rows: { customerId: string; usedFen: number }[],
  at: Date,
): Promise<void> {
  if (rows.length === 0) return;
  await tx.execute(sql`
    update budgets set used_fen = u.used, updated_at = ${at.toISOString()}::timestamptz
    from unnest(${sql.param(rows.map((r) => r.customerId))}::text[], ${sql.param(rows.map((r) => String(r.usedFen)))}::bigint[]) as u(customer_id, used)
    where budgets.customer_id = u.customer_id`);
}

/** Usage, thresholds announced and restriction of many budgets in one statement. */
export async function settleBudgetsBulk(
  tx: DbOrTx,
  rows: { customerId: string; usedFen: number; alerted: number[]; restrictedAt: Date | null }[],
  at: Date,
): Promise<void> {
  if (rows.length === 0) return;
  await tx.execute(sql`
    update budgets set used_fen = u.used, alerted = u.alerted::int[], restricted_at = u.restricted_at,
      updated_at = ${at.toISOString()}::timestamptz
    from unnest(
      ${sql.param(rows.map((x) => x.customerId))}::text[],
      ${sql.param(rows.map((x) => String(x.usedFen)))}::bigint[],
      ${sql.param(rows.map((x) => `{${x.alerted.join(',')}}`))}::text[],
      ${sql.param(rows.map((x) => x.restrictedAt?.toISOString() ?? null))}::timestamptz[]
    ) as u(customer_id, used, alerted, restricted_at)
    where budgets.customer_id = u.customer_id`);
}
